// A CSV file's first line, checked the same way for every import. Pure.

import type { IssueList } from "./issues";

export type Header = {
  names: string[];
  has: (column: string) => boolean;
  /** The trimmed cell of `column` in a record ("" when the column or the cell is missing). */
  at: (record: string[], column: string) => string;
};

/**
 * Reads the column names (trimmed, case-insensitive) and reports, all on line 1: a column the
 * import does not know (unless `known` is null: a vendor's file may carry more), a required one
 * missing, and one given twice (it would silently take one of the two values).
 */
export function readHeader(record: string[], columns: { known: readonly string[] | null; required: readonly string[] }, issues: IssueList): Header {
  const names = record.map((h) => h.trim().toLowerCase());
  if (columns.known) for (const name of names) if (name && !columns.known.includes(name)) issues.add({ line: 1, column: name, key: "importUnknownColumn" });
  for (const [i, name] of names.entries()) if (name && names.indexOf(name) < i) issues.add({ line: 1, column: name, key: "importDuplicateColumn" });
  for (const name of columns.required) if (!names.includes(name)) issues.add({ line: 1, column: name, key: "importMissingColumn" });
  const index = new Map(names.map((h, i) => [h, i] as const));
  return { names, has: (column) => index.has(column), at: (r, column) => r[index.get(column) ?? -1]?.trim() ?? "" };
}
