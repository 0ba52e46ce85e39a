"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { returnMonthAction } from "@/lib/rht/hr-actions";

export function ReturnMonthButton({ month, number }: { month: string; number: string }) {
  const t = useTranslations("hr.person");
  return (
    <ActionButton variant="secondary" action={() => returnMonthAction({ month, number })}>
      {t("returnMonth")}
    </ActionButton>
  );
}
