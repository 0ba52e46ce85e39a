"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { ImportProgress } from "@/components/forms/import-progress";
import { IssueTable, type Issue } from "@/components/forms/issue-table";
import { useFileImport } from "@/components/forms/use-file-import";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { RosterReport } from "@/lib/roster/import";

/** Dry run first, then apply: what will be added, changed and deactivated, and every problem with its line. The file goes to /api/imports/roster. */
export function RosterImportForm() {
  const t = useTranslations("admin.roster.import");
  const { formRef: form, run, pending, progress, error, report } = useFileImport<RosterReport>("roster");

  const table = (caption: string, rows: Issue[]) => <IssueTable captionVisible caption={caption} issues={rows} labels={{ line: t("line"), column: t("column"), problem: t("problem") }} />;

  return (
    <div className="flex flex-col gap-4">
      <form ref={form} className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
        <FormError error={error} />
        <label htmlFor="roster-file" className="font-medium">
          {t("file")}
        </label>
        <input id="roster-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="roster-file-hint" className="min-h-11 rounded-md border border-slate-500 bg-white p-2" />
        <p id="roster-file-hint" className="text-sm text-slate-700">
          {t("fileHint")}
        </p>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="deactivateMissing" className="h-5 w-5 accent-blue-700" />
          {t("deactivateMissing")}
        </label>
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
        <section aria-labelledby="roster-report-heading" className="flex flex-col gap-3">
          <h2 id="roster-report-heading" className="text-lg font-semibold">
            {t("report")}
          </h2>
          {report.issueCount > 0 ? (
            <Notice tone="error" title={t("refused", { count: report.issueCount })}>
              {t("nothingWritten")}
            </Notice>
          ) : (
            <Notice tone="success" title={report.applied ? t("applied") : t("checked")}>
              {t("summary", { rows: report.rows, added: report.added, changed: report.changed, reactivated: report.reactivated, unchanged: report.unchanged, deactivated: report.deactivated })}
              {report.newUnits.length + report.newSites.length > 0 ? <span className="block">{t("newPlaces", { units: report.newUnits.join(", ") || "–", sites: report.newSites.join(", ") || "–" })}</span> : null}
            </Notice>
          )}
          {report.issueCount > 0 ? table(t("issues"), report.issues) : null}
          {report.warningCount > 0 ? table(t("warnings"), report.warnings) : null}
          {report.issueCount === 0 && report.changes.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse bg-white text-sm">
                <caption className="mb-1 text-left font-semibold">{t("changes")}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-left">
                    <th scope="col" className="p-2">{t("number")}</th>
                    <th scope="col" className="p-2">{t("name")}</th>
                    <th scope="col" className="p-2">{t("kind")}</th>
                    <th scope="col" className="p-2">{t("fields")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.changes.map((c) => (
                    <tr key={`${c.kind}:${c.number}`} className="border-b border-slate-200">
                      <td className="p-2">{c.number}</td>
                      <td className="p-2">{c.name}</td>
                      <td className="p-2">{t(`kinds.${c.kind}`)}</td>
                      <td className="p-2 font-mono">{c.fields.join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
