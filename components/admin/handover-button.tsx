"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { markHandedOverAction } from "@/lib/devices/stock-actions";

export function HandoverButton({ allocationId, name, shipped }: { allocationId: string; name: string; shipped: boolean }) {
  const t = useTranslations("admin.stock.handovers");
  return (
    <ActionButton variant="secondary" action={() => markHandedOverAction({ allocationId })}>
      {t(shipped ? "shipped" : "collected", { name })}
    </ActionButton>
  );
}
