import { getTranslations } from "@/lib/i18n/server-translations";
import { PhoneLink } from "@/components/contact/phone-link";
import { NoInternetForm } from "@/components/connectivity/no-internet-form";
import { requirePerson } from "@/lib/auth/session";
import { phoneOnFile, ticketPhone } from "@/lib/contact/queries";
import { db } from "@/lib/db";

// The signed-in person's own phone on /connectivity (requirePerson is cached per request).

/** The no-internet form, offering the phone they last gave IT (else the roster's). */
export async function PersonNoInternetForm() {
  const person = await requirePerson();
  return <NoInternetForm phone={await phoneOnFile(db(), person.employeeId)} />;
}

/** Once IT has the case: the number IT will call, so a wrong one is noticed while it can be fixed. */
export async function WithItPhone() {
  const person = await requirePerson();
  const phone = await ticketPhone(db(), person.employeeId, "no_connectivity");
  if (!phone) return null;
  const t = await getTranslations("connectivity.noInternet");
  return (
    <p className="mt-2">
      {t("withItPhone")} <PhoneLink phone={phone} />.
    </p>
  );
}
