import { getTranslations } from "@/lib/i18n/server-translations";
import { contactChoiceForPage } from "@/lib/contact/queries";
import { ContactAddressForm } from "./contact-address-form";

/**
 * Where the portal and IT write to the person (issue 13 point 1): the address they last signed
 * in with unless they chose one, changeable to any of their addresses on file. A person at home
 * who signed in with their private address sees here that mail reaches them there.
 */
export async function ContactAddressCard({ employeeId }: { employeeId: string }) {
  const t = await getTranslations("status.contact");
  const choice = await contactChoiceForPage(employeeId);
  const both = Boolean(choice.work && choice.private);
  return (
    <section aria-labelledby="contact-heading" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="contact-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1">
        {choice.address ? t.rich("current", { address: choice.address, strong: (chunks) => <strong className="break-all">{chunks}</strong> }) : t("none")}
      </p>
      {both ? (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-blue-800 underline">{t("change")}</summary>
          <div className="mt-2">
            <ContactAddressForm current={choice.address} work={choice.work} home={choice.private} />
          </div>
        </details>
      ) : choice.address ? (
        <p className="mt-1 text-sm text-slate-700">{t("onlyOne")}</p>
      ) : null}
    </section>
  );
}
