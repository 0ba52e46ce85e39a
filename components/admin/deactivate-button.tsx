"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionButton } from "@/components/forms/action-button";
import { Button } from "@/components/ui/button";
import { deactivateEmployeeAction } from "@/lib/roster/actions";

/** Deactivating signs the person out everywhere at once, so it asks once more. */
export function DeactivateButton({ number, name }: { number: string; name: string }) {
  const t = useTranslations("admin.roster.roles");
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <ActionButton action={() => deactivateEmployeeAction({ number })}>{t("confirmDeactivate", { name })}</ActionButton>
  ) : (
    <Button variant="ghost" onClick={() => setConfirming(true)}>
      {t("deactivate", { name })}
    </Button>
  );
}
