import { getTranslations } from "@/lib/i18n/server-translations";
import { PhoneLink } from "@/components/contact/phone-link";
import type { Reach } from "@/lib/contact/queries";

/**
 * The case card's "How to reach": where mail to the person goes, and the phone they gave on
 * this request as a tap-to-call link (the roster's too when it differs). A person with no
 * internet can only be phoned, so this comes first on the card.
 */
export async function HowToReach({ reach }: { reach: Reach }) {
  const t = await getTranslations("it.reach");
  const roster = reach.rosterPhone && reach.rosterPhone !== reach.phone ? reach.rosterPhone : null;
  return (
    <section aria-labelledby="reach-heading" className="rounded-lg border border-blue-300 bg-blue-50 p-4 text-sm">
      <h3 id="reach-heading" className="mb-2 font-semibold">
        {t("heading")}
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-medium">{t("email")}</dt>
        <dd className="break-all">{reach.address ?? t("noAddress")}</dd>
        <dt className="font-medium">{t("phone")}</dt>
        <dd>{reach.phone ? <PhoneLink phone={reach.phone} /> : t("none")}</dd>
        {roster ? (
          <>
            <dt className="font-medium">{t("rosterPhone")}</dt>
            <dd>
              <PhoneLink phone={roster} />
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
