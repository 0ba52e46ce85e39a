import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server-translations";
import { EligibilityForm } from "@/components/eligibility/eligibility-form";
import { DecisionFacts } from "@/components/onboarding/decision-facts";
import { InsteadPanel } from "@/components/onboarding/instead-panel";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getNotEligibleHelp } from "@/lib/eligibility/explanation";
import { getEligibilityView } from "@/lib/eligibility/service";
import type { Locale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("eligibility"))("title") };
}

export default async function EligibilityPage() {
  const person = await requirePerson();
  const t = await getTranslations("eligibility");
  const locale = (await getLocale()) as Locale;
  const view = await getEligibilityView(db(), person.employeeId);
  const notEligible = view.outcome === "not_eligible" ? await getNotEligibleHelp(person.employeeId) : null;
  const tone = view.outcome === "eligible" ? "success" : view.outcome === "not_eligible" ? "warning" : "info";

  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {view.outcome !== "pending" ? (
        <section aria-labelledby="result-heading" className="mb-8 flex flex-col gap-3">
          <h2 id="result-heading" className="text-lg font-semibold">
            {t("resultHeading")}
          </h2>
          <Notice tone={tone} title={t(`outcome.${view.outcome}`)}>
            {view.reason ? <p>{view.reason[locale]}</p> : null}
            <p>{t(`outcomeNext.${view.outcome}`)}</p>
            {/* Which roster facts decided, and whether answers can change it (the form is right below). */}
            {notEligible?.explanation ? (
              <div className="mt-3">
                <DecisionFacts explanation={notEligible.explanation} showReason={false} linkToAnswers={false} />
              </div>
            ) : null}
          </Notice>
          {notEligible ? <InsteadPanel contact={notEligible.contact} /> : null}
          {view.outcome === "eligible" ? (
            <p>
              <Link href="/device" className={buttonClass("primary")}>
                {t("toDevice")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="mb-4 text-lg font-semibold">
          {/* "Change your answers" only where answers can change the outcome. */}
          {view.outcome === "pending" || notEligible?.explanation?.answersCanChange === false ? t("questionsHeading") : t("changeHeading")}
        </h2>
        {view.locked ? (
          <div className="mb-4">
            <Notice tone="info">{t("locked")}</Notice>
          </div>
        ) : null}
        <EligibilityForm defaults={view.answers} disabled={view.locked} />
      </section>
    </>
  );
}
