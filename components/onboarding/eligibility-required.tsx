import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requirePerson } from "@/lib/auth/session";
import { getNotEligibleHelp } from "@/lib/eligibility/explanation";
import { NotEligiblePage } from "./not-eligible-page";

/**
 * What a step page shows before the eligibility check said yes. A "no" is not sent back to the
 * questions (answers often cannot change it): it gets why and what to do instead (issue 13 point 6).
 */
export async function EligibilityRequired({ title, state }: { title: string; state: "pending" | "review" | "not_eligible" }) {
  const t = await getTranslations("device");
  if (state === "not_eligible") {
    const person = await requirePerson();
    return <NotEligiblePage title={title} notice={{ title: t("blocked.not_eligible.title"), body: t("blocked.not_eligible.body") }} help={await getNotEligibleHelp(person.employeeId)} />;
  }
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Notice tone="info" title={t(`blocked.${state}.title`)}>
        {t(`blocked.${state}.body`)}
      </Notice>
      <p className="mt-4">
        <Link href="/eligibility" className={buttonClass("primary")}>
          {t("toEligibility")}
        </Link>
      </p>
    </>
  );
}
