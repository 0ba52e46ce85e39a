"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionButton } from "@/components/forms/action-button";
import { Button } from "@/components/ui/button";
import { approvePeriodAction, lockPeriodAction, reopenPeriodAction } from "@/lib/rht/hr-actions";

/** Approve, reopen or lock one unit's month. Locking is final, so it asks once more. */
export function PeriodActions({ unitId, unit, month, status, blocked }: { unitId: string; unit: string; month: string; status: "open" | "approved" | "locked"; blocked: boolean }) {
  const t = useTranslations("hr.period");
  const [confirming, setConfirming] = useState(false);
  const input = { unitId, month };
  if (status === "locked") return null;
  if (status === "open")
    return blocked ? (
      <span className="text-sm text-slate-700">{t("fixFirst")}</span>
    ) : (
      <ActionButton variant="secondary" action={() => approvePeriodAction(input)}>
        {t("approve", { unit })}
      </ActionButton>
    );
  return (
    <div className="flex flex-wrap items-start gap-2">
      {confirming ? (
        <ActionButton action={() => lockPeriodAction(input)}>{t("confirmLock", { unit })}</ActionButton>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t("lock", { unit })}
        </Button>
      )}
      <ActionButton variant="secondary" action={() => reopenPeriodAction(input)}>
        {t("reopen", { unit })}
      </ActionButton>
    </div>
  );
}
