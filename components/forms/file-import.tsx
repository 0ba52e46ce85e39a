"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { FormError } from "@/components/forms/form-error";
import { ImportProgress } from "@/components/forms/import-progress";
import { IssueTable, type Issue } from "@/components/forms/issue-table";
import { useFileImport, type ImportKind } from "@/components/forms/use-file-import";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** What every import route answers: applied or not, and the problems by line (none when it could be applied). */
export type ImportReportBase = { applied: boolean; issueCount: number; issues: Issue[] };

type Props<R extends ImportReportBase> = {
  kind: ImportKind;
  /** The file field's label and hint; the buttons default to "Check the file" and "Import". */
  labels: { file: string; hint: string; check?: string; apply?: string };
  /** More fields sent along with the file (the roster's "deactivate missing" checkbox). */
  options?: ReactNode;
  /** The success notice's text: what was (or would be) written. */
  summary: (report: R) => ReactNode;
  /** More of the report below the notice (the roster's warnings and changes). */
  details?: (report: R) => ReactNode;
  /** Refresh the page's figures (counts, stock) once the file is applied; the report stays. */
  refreshOnApply?: boolean;
};

/**
 * The one file import of the portal (roster, hours, opening balances, tokens): pick a file, check it,
 * then import it. Every problem is listed with its line and column, nothing is written while there is
 * one, and the upload shows its progress. The file goes to /api/imports/<kind> (see useFileImport).
 */
export function FileImport<R extends ImportReportBase>({ kind, labels, options, summary, details, refreshOnApply = false }: Props<R>) {
  const t = useTranslations("fileImport");
  const router = useRouter();
  const { formRef: form, run, pending, progress, error, report } = useFileImport<R>(kind);
  const id = `${kind}-import`;
  const apply = async () => {
    const r = await run("apply");
    if (r?.applied && refreshOnApply) router.refresh();
  };
  // The note "checking stopped at line N" heads the list when there were too many problems.
  const listed = report ? report.issues.filter((i) => i.key !== "importTooManyIssues").length : 0;

  return (
    <div className="flex flex-col gap-4">
      <form ref={form} className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
        <FormError error={error} />
        <label htmlFor={`${id}-file`} className="font-medium">
          {labels.file}
        </label>
        <input id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" required aria-describedby={`${id}-file-hint`} className="min-h-11 rounded-md border border-slate-500 bg-white p-2" />
        <p id={`${id}-file-hint`} className="text-sm text-slate-700">
          {labels.hint}
        </p>
        {options}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={pending} onClick={() => run("check")}>
            {labels.check ?? t("check")}
          </Button>
          <Button disabled={pending} onClick={apply}>
            {labels.apply ?? t("apply")}
          </Button>
        </div>
        <ImportProgress progress={progress} />
      </form>
      {report ? (
        <section aria-labelledby={`${id}-result`} className="flex flex-col gap-3">
          <h3 id={`${id}-result`} className="text-lg font-semibold">
            {t("result")}
          </h3>
          {report.issueCount > 0 ? (
            <>
              <Notice tone="error" title={t("refused", { count: report.issueCount })}>
                {t("nothingWritten")}
              </Notice>
              <IssueTable captionVisible caption={t("issues")} issues={report.issues} />
              {report.issueCount > listed ? <p>{t("moreIssues", { count: report.issueCount - listed })}</p> : null}
            </>
          ) : (
            <Notice tone="success" title={report.applied ? t("applied") : t("checked")}>
              {summary(report)}
            </Notice>
          )}
          {details?.(report)}
        </section>
      ) : null}
    </div>
  );
}
