import { Link } from "@/components/ui/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server-translations";
import { buttonClass } from "@/components/ui/button-class";
import type { NextAction } from "@/lib/onboarding/rules";

/**
 * The next step as the page's primary action, shown once a step page's own step is done,
 * so no finished step is a dead end (issue 13 point 8). Renders nothing without an onward step.
 */
export async function NextStepPanel({ action }: { action: NextAction | null }) {
  if (!action?.href) return null;
  const t = await getTranslations("status");
  const locale = await getLocale();
  // The sentences are written to follow "Next step:" (lower case in English and French); here they stand alone.
  const sentence = t(`next.${action.step}`);
  const standalone = sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);
  return (
    <section aria-labelledby="next-step-heading" className="rounded-lg border-2 border-blue-800 bg-white p-4 sm:p-6">
      <h2 id="next-step-heading" className="text-lg font-semibold">
        {t("nextStepHeading")}
      </h2>
      <p className="mt-1">{standalone}</p>
      <p className="mt-4">
        <Link href={action.href} className={buttonClass("primary", "w-full sm:w-auto")}>
          {t(`nextAction.${action.step as "token"}`)}
        </Link>
      </p>
    </section>
  );
}
