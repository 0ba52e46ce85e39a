"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { ImportProgress } from "@/components/forms/import-progress";
import { IssueTable } from "@/components/forms/issue-table";
import { useFileImport } from "@/components/forms/use-file-import";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ImportReport } from "@/lib/rht/import";

/** Pick a file, check it, then import it: every problem is listed with its line, and nothing is written while there is one. */
export function ImportForm() {
  const t = useTranslations("hr.import");
  const { formRef: form, run, pending, progress, error, report } = useFileImport<ImportReport>("hours");
  // The note "checking stopped at line N" heads the list when there were too many problems.
  const listed = report ? report.issues.filter((i) => i.key !== "importTooManyIssues").length : 0;

  return (
    <div className="flex flex-col gap-4">
      <form ref={form} className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
        <FormError error={error} />
        <label htmlFor="import-file" className="font-medium">
          {t("file")}
        </label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-file-hint" className="min-h-11 rounded-md border border-slate-500 bg-white p-2" />
        <p id="import-file-hint" className="text-sm text-slate-700">
          {t("fileHint")}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={pending} onClick={() => run("check")}>
            {t("check")}
          </Button>
          <Button disabled={pending} onClick={() => run("apply")}>
            {t("apply")}
          </Button>
        </div>
        <ImportProgress progress={progress} />
      </form>
      {report ? (
        report.issueCount > 0 ? (
          <section aria-labelledby="import-issues-heading">
            <Notice tone="error" title={t("refused", { count: report.issueCount })}>
              {t("nothingWritten")}
            </Notice>
            <h2 id="import-issues-heading" className="mt-4 mb-2 text-lg font-semibold">
              {t("issues")}
            </h2>
            <IssueTable caption={t("issues")} issues={report.issues} labels={{ line: t("line"), column: t("column"), problem: t("problem") }} />
            {report.issueCount > listed ? <p className="mt-2">{t("moreIssues", { count: report.issueCount - listed })}</p> : null}
          </section>
        ) : (
          <Notice tone="success" title={report.applied ? t("applied") : t("checked")}>
            {t("summary", { rows: report.rows, employees: report.employees, months: report.months })}
          </Notice>
        )
      ) : null}
    </div>
  );
}
