import { getTranslations } from "next-intl/server";
import { caseStage, nextStep, type CaseSteps } from "@/lib/onboarding/rules";

/** Every step with its outcome, and the one next action. */
export async function CaseOverview({ steps }: { steps: CaseSteps }) {
  const t = await getTranslations("status");
  const stage = caseStage(steps, false);
  const next = nextStep(steps);
  const rows = [
    { key: "eligibility", value: t(`eligibility.${steps.eligibility}`) },
    { key: "device", value: t(`device.${steps.device}`) },
    { key: "token", value: t(`token.${steps.token}`) },
    { key: "connectivity", value: t(`connectivity.${steps.connectivity}`) },
  ] as const;
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="stage-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="stage-heading" className="text-lg font-semibold">
          {t("stageHeading")}
        </h2>
        <p className="mt-1 text-xl font-bold text-blue-900">{t(`stage.${stage}`)}</p>
        <p className="mt-3">
          <span className="font-semibold">{t("nextHeading")} </span>
          {t(`next.${next}`)}
        </p>
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="mb-2 text-lg font-semibold">
          {t("stepsHeading")}
        </h2>
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {rows.map((row, index) => (
            <li key={row.key} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
              <span className="font-medium">
                {index + 1}. {t(`steps.${row.key}`)}
              </span>
              <span className="text-slate-800">{row.value}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
