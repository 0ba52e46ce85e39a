// Reading an hours file from another time system: decoding, columns and each row's
// syntax. Pure; what needs the roster (employees, plans, locked months) is in import.ts.

import { parseDate, parseYesNo, readCsv } from "@/lib/csv/read";
import { absenceKinds, type DayEntry } from "./rules";
import { parseDuration } from "./schema";

export const importColumns = ["employee_number", "date", "worked", "absence_kind", "absence", "overtime"] as const;
const requiredColumns = ["employee_number", "date", "worked"] as const;
/** A month of a few thousand people fits many times over; more is a wrong file. */
export const maxImportRows = 600_000;

export type ImportIssue = { line: number; column: string | null; key: string; values?: Record<string, string | number> };
export type ImportRow = { line: number; number: string; date: string; entry: DayEntry };

/** Every row the file holds, and every problem with the file's shape or a row's syntax (line numbers as a spreadsheet shows them). */
export function parseImport(text: string): { rows: ImportRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const read = readCsv(text);
  if ("malformedAt" in read) return { rows: [], issues: [{ line: read.malformedAt, column: null, key: "importMalformed", values: { line: read.malformedAt } }] };
  const records = read.records;
  if (records.length === 0) return { rows: [], issues: [{ line: 1, column: null, key: "importEmpty" }] };
  if (records.length - 1 > maxImportRows) return { rows: [], issues: [{ line: 1, column: null, key: "importTooManyRows", values: { max: maxImportRows } }] };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  for (const name of header) if (name && !(importColumns as readonly string[]).includes(name)) issues.push({ line: 1, column: name, key: "importUnknownColumn" });
  for (const name of requiredColumns) if (!header.includes(name)) issues.push({ line: 1, column: name, key: "importMissingColumn" });
  if (issues.length > 0) return { rows: [], issues };
  const at = (record: string[], column: string) => record[header.indexOf(column)]?.trim() ?? "";

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach(({ record, line }) => {
    const rowIssues: ImportIssue[] = [];
    const number = at(record, "employee_number");
    if (!number) rowIssues.push({ line, column: "employee_number", key: "employeeNotFound" });
    const date = parseDate(at(record, "date"));
    if (!date) rowIssues.push({ line, column: "date", key: "dateInvalid" });
    const duration = (column: string) => {
      const minutes = parseDuration(at(record, column));
      if (minutes === null) rowIssues.push({ line, column, key: "timeInvalid" });
      else if (minutes > 24 * 60) rowIssues.push({ line, column, key: "timeTooLong" });
      return minutes ?? 0;
    };
    const worked = duration("worked");
    const absence = header.includes("absence") ? duration("absence") : 0;
    const kind = at(record, "absence_kind").toLowerCase();
    if (kind && !(absenceKinds as readonly string[]).includes(kind)) rowIssues.push({ line, column: "absence_kind", key: "absenceInvalid" });
    if (!kind && absence > 0) rowIssues.push({ line, column: "absence_kind", key: "absenceInvalid" });
    const overtime = parseYesNo(at(record, "overtime"));
    if (overtime === null) rowIssues.push({ line, column: "overtime", key: "importOvertimeInvalid" });
    if (number && date) {
      const key = `${number}\u0000${date}`;
      const first = seen.get(key);
      if (first !== undefined) rowIssues.push({ line, column: "date", key: "importDuplicate", values: { first } });
      else seen.set(key, line);
    }
    if (rowIssues.length > 0) return void issues.push(...rowIssues);
    rows.push({ line, number, date: date!, entry: { worked, absenceKind: kind as DayEntry["absenceKind"], absence, overtime: overtime === true } });
  });
  return { rows, issues };
}
