import { getTranslations } from "@/lib/i18n/server-translations";
import { requirePerson } from "@/lib/auth/session";
import { contactChoiceForPage } from "@/lib/contact/queries";

/** What the status page promises about IT's answers, naming the address they are mailed to. */
export async function ContactPromise() {
  const person = await requirePerson();
  const t = await getTranslations("status.tickets");
  const { address } = await contactChoiceForPage(person.employeeId);
  return <p className="mt-2 text-sm">{address ? t.rich("next", { address, strong: (chunks) => <strong className="break-all">{chunks}</strong> }) : t("nextNoAddress")}</p>;
}
