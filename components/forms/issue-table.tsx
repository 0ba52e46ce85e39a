"use client";

import { useTranslations } from "next-intl";

export type Issue = { line: number; column: string | null; key: string; values?: Record<string, string | number> };

/** Problems found in an imported file, by line: where, and what (translated from `errors.*`). */
export function IssueTable({ caption, issues, labels, captionVisible = false }: { caption: string; issues: Issue[]; labels: { line: string; column: string; problem: string }; captionVisible?: boolean }) {
  const te = useTranslations("errors");
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm">
        <caption className={captionVisible ? "mb-1 text-left font-semibold" : "sr-only"}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">{labels.line}</th>
            <th scope="col" className="p-2">{labels.column}</th>
            <th scope="col" className="p-2">{labels.problem}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i} className="border-b border-slate-200">
              <td className="p-2">{issue.line}</td>
              <td className="p-2 font-mono">{issue.column ?? "–"}</td>
              <td className="p-2">{te(issue.key as never, issue.values as never)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
