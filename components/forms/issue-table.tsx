"use client";

import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";

export type Issue = { line: number; column: string | null; key: string; values?: Record<string, string | number> };

/** Problems found in an imported file, by line: where, and what (translated from `errors.*`). */
export function IssueTable({ caption, issues, captionVisible = false }: { caption: string; issues: Issue[]; captionVisible?: boolean }) {
  const t = useTranslations("fileImport");
  const te = useTranslations("errors");
  return (
    <DataTable
      caption={caption}
      captionVisible={captionVisible}
      rows={issues}
      rowKey={(_, i) => i}
      columns={[
        { key: "line", header: t("line"), cell: (issue) => issue.line },
        { key: "column", header: t("column"), cell: (issue) => issue.column ?? "–", className: "font-mono" },
        { key: "problem", header: t("problem"), cell: (issue) => te(issue.key as never, issue.values as never) },
      ]}
    />
  );
}
