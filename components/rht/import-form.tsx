"use client";

import { useTranslations } from "next-intl";
import { FileImport } from "@/components/forms/file-import";
import type { ImportReport } from "@/lib/rht/import";
import type { OvertimeImportReport } from "@/lib/rht/overtime-import";

/** The daily hours import (`kind` "hours") or the opening overtime balances ("overtime"), each with its own labels. */
export function ImportForm({ kind = "hours" }: { kind?: "hours" | "overtime" }) {
  const t = useTranslations("hr.import");
  if (kind === "overtime") {
    return (
      <FileImport<OvertimeImportReport>
        kind="overtime"
        // The page counts the employees with an opening balance.
        refreshOnApply
        labels={{ file: t("overtime.file"), hint: t("overtime.fileHint"), check: t("overtime.check"), apply: t("overtime.apply") }}
        summary={(r) => t("overtime.summary", { rows: r.rows, employees: r.employees, unchanged: r.unchanged })}
      />
    );
  }
  return <FileImport<ImportReport> kind="hours" labels={{ file: t("file"), hint: t("fileHint") }} summary={(r) => t("summary", { rows: r.rows, employees: r.employees, months: r.months })} />;
}
