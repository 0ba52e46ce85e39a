import { Link } from "@/components/ui/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server-translations";
import type { NotEligibleExplanation } from "@/lib/eligibility/explanation";
import type { Locale } from "@/lib/i18n/config";

/**
 * What decided a "no" (issue 13 point 7): the rule's reason, the roster facts it looked at
 * with the person's values, and — only when other answers could change it — the way to the
 * answers. `showReason` is off where the reason is already on the page.
 */
export async function DecisionFacts({ explanation, showReason = true, linkToAnswers = true }: { explanation: NotEligibleExplanation; showReason?: boolean; linkToAnswers?: boolean }) {
  const t = await getTranslations("eligibility");
  const locale = (await getLocale()) as Locale;
  // Roster values are codes (production_operator, apprentice); an unknown one is shown as HR wrote it.
  const label = (fact: string, value: string) => {
    const key = fact === "employee.jobFamily" ? `jobFamilies.${value}` : fact === "employee.contractType" ? `contracts.${value}` : null;
    return key && t.has(key) ? t(key as "jobFamilies.finance") : value.replaceAll("_", " ");
  };
  const items = [
    ...(showReason && explanation.reason ? [explanation.reason[locale]] : []),
    ...explanation.rosterFacts.map((f) => t(`fact.${f.fact.slice("employee.".length) as "jobFamily"}`, { value: label(f.fact, f.value) })),
  ];
  return (
    <div className="flex flex-col gap-2">
      {items.length > 0 ? (
        <>
          <p className="font-semibold">{t("decidedBy")}</p>
          <ul className="list-disc space-y-1 pl-6">
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>{t(explanation.answersCanChange ? "answersDecided" : "rosterDecided")}</p>
      {explanation.answersCanChange && linkToAnswers ? (
        <p>
          <Link href="/eligibility" className="inline-flex min-h-11 items-center font-medium text-blue-800 underline">
            {t("toAnswers")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
