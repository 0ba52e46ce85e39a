"use client";

import { useTranslations } from "next-intl";
import { FileImport } from "@/components/forms/file-import";
import { IssueTable } from "@/components/forms/issue-table";
import { DataTable } from "@/components/ui/data-table";
import type { RosterReport } from "@/lib/roster/import";

/** Dry run first, then apply: what will be added, changed and deactivated, and every problem with its line. The file goes to /api/imports/roster. */
export function RosterImportForm() {
  const t = useTranslations("admin.roster.import");
  const tf = useTranslations("fileImport");
  return (
    <FileImport<RosterReport>
      kind="roster"
      labels={{ file: t("file"), hint: t("fileHint") }}
      options={
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="deactivateMissing" className="h-5 w-5 accent-blue-700" />
          {t("deactivateMissing")}
        </label>
      }
      summary={(report) => (
        <>
          {t("summary", { rows: report.rows, added: report.added, changed: report.changed, reactivated: report.reactivated, unchanged: report.unchanged, deactivated: report.deactivated })}
          {report.newUnits.length + report.newSites.length > 0 ? <span className="block">{t("newPlaces", { units: report.newUnits.join(", ") || "–", sites: report.newSites.join(", ") || "–" })}</span> : null}
        </>
      )}
      details={(report) => (
        <>
          {report.warningCount > 0 ? <IssueTable captionVisible caption={tf("warnings")} issues={report.warnings} /> : null}
          {report.issueCount === 0 && report.changes.length > 0 ? (
            <DataTable
              caption={t("changes")}
              captionVisible
              rows={report.changes}
              rowKey={(c) => `${c.kind}:${c.number}`}
              columns={[
                { key: "number", header: t("number"), cell: (c) => c.number },
                { key: "name", header: t("name"), cell: (c) => c.name },
                { key: "kind", header: t("kind"), cell: (c) => t(`kinds.${c.kind}`) },
                { key: "fields", header: t("fields"), cell: (c) => c.fields.join(", "), className: "font-mono" },
              ]}
            />
          ) : null}
        </>
      )}
    />
  );
}
