import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";

/** What a step page shows before the eligibility check said yes. */
export async function EligibilityRequired({ title, state }: { title: string; state: "pending" | "review" | "not_eligible" }) {
  const t = await getTranslations("device");
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Notice tone={state === "not_eligible" ? "warning" : "info"} title={t(`blocked.${state}.title`)}>
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
