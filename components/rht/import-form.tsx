"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { ImportProgress } from "@/components/forms/import-progress";
import { IssueTable } from "@/components/forms/issue-table";
import { useFileImport } from "@/components/forms/use-file-import";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ImportReport } from "@/lib/rht/import";
import type { OvertimeImportReport } from "@/lib/rht/overtime-import";

/**
 * Pick a file, check it, then import it: every problem is listed with its line, and nothing is written while there is one.
 * `kind` "overtime" sends to the opening-balance import, with its own labels and ids.
 */
export function ImportForm({ kind = "hours" }: { kind?: "hours" | "overtime" }) {
  const t = useTranslations("hr.import");
  // The opening-balance form's own label, hint and buttons (hr.import.overtime.*): both forms on the page keep distinct names.
  const own = (key: "file" | "fileHint" | "check" | "apply" | "summary") => (kind === "overtime" ? (`overtime.${key}` as const) : key);
  const id = kind === "hours" ? "import" : `${kind}-import`;
  const { formRef: form, run, pending, progress, error, report } = useFileImport<ImportReport | OvertimeImportReport>(kind);
  const router = useRouter();
  // The page counts the employees with an opening balance: refreshed (the report stays) once some are imported.
  const apply = async () => {
    const r = await run("apply");
    if (r?.applied && kind === "overtime") router.refresh();
  };
  // The note "checking stopped at line N" heads the list when there were too many problems.
  const listed = report ? report.issues.filter((i) => i.key !== "importTooManyIssues").length : 0;

  return (
    <div className="flex flex-col gap-4">
      <form ref={form} className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
        <FormError error={error} />
        <label htmlFor={`${id}-file`} className="font-medium">
          {t(own("file"))}
        </label>
        <input id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" required aria-describedby={`${id}-file-hint`} className="min-h-11 rounded-md border border-slate-500 bg-white p-2" />
        <p id={`${id}-file-hint`} className="text-sm text-slate-700">
          {t(own("fileHint"))}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={pending} onClick={() => run("check")}>
            {t(own("check"))}
          </Button>
          <Button disabled={pending} onClick={apply}>
            {t(own("apply"))}
          </Button>
        </div>
        <ImportProgress progress={progress} />
      </form>
      {report ? (
        report.issueCount > 0 ? (
          <section aria-labelledby={`${id}-issues-heading`}>
            <Notice tone="error" title={t("refused", { count: report.issueCount })}>
              {t("nothingWritten")}
            </Notice>
            <h2 id={`${id}-issues-heading`} className="mt-4 mb-2 text-lg font-semibold">
              {t("issues")}
            </h2>
            <IssueTable caption={t("issues")} issues={report.issues} labels={{ line: t("line"), column: t("column"), problem: t("problem") }} />
            {report.issueCount > listed ? <p className="mt-2">{t("moreIssues", { count: report.issueCount - listed })}</p> : null}
          </section>
        ) : (
          <Notice tone="success" title={report.applied ? t("applied") : t("checked")}>
            {t(own("summary"), { rows: report.rows, employees: report.employees, months: "months" in report ? report.months : 0, unchanged: "unchanged" in report ? report.unchanged : 0 })}
          </Notice>
        )
      ) : null}
    </div>
  );
}
