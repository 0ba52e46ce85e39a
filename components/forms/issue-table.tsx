"use client";

import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { useErrorText } from "./refusal";

export type Issue = { line: number; column: string | null; key: string; values?: Record<string, string | number>; message?: string };

/** Problems found in an imported file, by line: where, and what (in the server's words). */
export function IssueTable({ caption, issues, captionVisible = false }: { caption: string; issues: Issue[]; captionVisible?: boolean }) {
  const t = useTranslations("fileImport");
  const errorText = useErrorText();
  return (
    <DataTable
      caption={caption}
      captionVisible={captionVisible}
      rows={issues}
      rowKey={(_, i) => i}
      columns={[
        { key: "line", header: t("line"), cell: (issue) => issue.line },
        { key: "column", header: t("column"), cell: (issue) => issue.column ?? "–", className: "font-mono" },
        { key: "problem", header: t("problem"), cell: (issue) => errorText({ key: issue.key, values: issue.values, text: issue.message }) },
      ]}
    />
  );
}
