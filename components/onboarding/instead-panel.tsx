import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import type { HrContact } from "@/lib/settings/schemas";
import { HrContactLinks } from "./hr-contact";

const linkClass = "inline-flex min-h-11 items-center font-medium text-blue-800 underline";

/**
 * What a person who may not telework can do instead of a device and a token (issue 13
 * point 6): on-site duty, short-time work, and whom to ask about the decision.
 */
export async function InsteadPanel({ contact }: { contact: HrContact }) {
  const t = await getTranslations("status.instead");
  return (
    <section aria-labelledby="instead-heading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <h2 id="instead-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p>{t("lead")}</p>
      <ul className="flex flex-col">
        <li>
          <Link href="/onsite" className={linkClass}>
            {t("onsite")}
          </Link>
        </li>
        <li>
          <Link href="/timesheet" className={linkClass}>
            {t("timesheet")}
          </Link>
        </li>
      </ul>
      <h3 className="font-semibold">{t("hrHeading")}</h3>
      <HrContactLinks contact={contact} />
    </section>
  );
}
