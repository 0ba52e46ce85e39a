"use client";

import { useTranslations } from "next-intl";
import { FileImport } from "@/components/forms/file-import";
import type { DeliveryImportReport } from "@/lib/devices/delivery-import";

/** A supplier's delivery plan: checked first if wanted, all or nothing, problems listed by line. The file goes to /api/imports/deliveries. */
export function DeliveryImportForm() {
  const t = useTranslations("admin.stock.deliveries.import");
  return (
    <FileImport<DeliveryImportReport>
      kind="deliveries"
      refreshOnApply
      labels={{ file: t("file"), hint: t("hint"), apply: t("apply") }}
      summary={(r) => t(r.applied ? "done" : "wouldDo", { planned: r.planned, moved: r.moved, unchanged: r.unchanged, mailed: r.mailed })}
    />
  );
}
