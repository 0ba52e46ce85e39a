// Reading an hours file from another time system: decoding, columns and each row's
// syntax. Pure; what needs the roster (employees, plans, locked months) is in import.ts.

import { parse } from "csv-parse/sync";
import { absenceKinds, type DayEntry } from "./rules";
import { parseDuration } from "./schema";

export const importColumns = ["employee_number", "date", "worked", "absence_kind", "absence", "overtime"] as const;
const requiredColumns = ["employee_number", "date", "worked"] as const;
/** A month of a few thousand people fits many times over; more is a wrong file. */
export const maxImportRows = 600_000;
export const maxImportBytes = 50 * 1024 * 1024;

export type ImportIssue = { line: number; column: string | null; key: string; values?: Record<string, string | number> };
export type ImportRow = { line: number; number: string; date: string; entry: DayEntry };

/** UTF-8 (with or without BOM), else Windows-1252 / Latin-1, as older exports are. */
export function decodeFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

/** The separator the header line uses most: semicolon, comma or tab. */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, header.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ";";
}

const truthy = new Set(["yes", "true", "1", "y", "x", "oui", "ja"]);
const falsy = new Set(["", "no", "false", "0", "n", "non", "nein"]);

/** "2026-11-02" or the Swiss "02.11.2026" → ISO date, or null when it is no real date. */
export function parseDate(raw: string): string | null {
  const value = raw.trim();
  let match = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  let iso: string | null = null;
  if (match) iso = `${match[1]}-${match[2]}-${match[3]}`;
  match = value.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  if (match) iso = `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Every row the file holds, and every problem with the file's shape or a row's syntax (line numbers as a spreadsheet shows them). */
export function parseImport(text: string): { rows: ImportRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], issues: [{ line, column: null, key: "importMalformed" }] };
  }
  if (records.length === 0) return { rows: [], issues: [{ line: 1, column: null, key: "importEmpty" }] };
  if (records.length - 1 > maxImportRows) return { rows: [], issues: [{ line: 1, column: null, key: "importTooManyRows", values: { max: maxImportRows } }] };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  for (const name of header) if (name && !(importColumns as readonly string[]).includes(name)) issues.push({ line: 1, column: name, key: "importUnknownColumn" });
  for (const name of requiredColumns) if (!header.includes(name)) issues.push({ line: 1, column: name, key: "importMissingColumn" });
  if (issues.length > 0) return { rows: [], issues };
  const at = (record: string[], column: string) => record[header.indexOf(column)]?.trim() ?? "";

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach(({ record, info }) => {
    const line = info.lines;
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
    const overtimeRaw = at(record, "overtime").toLowerCase();
    if (!truthy.has(overtimeRaw) && !falsy.has(overtimeRaw)) rowIssues.push({ line, column: "overtime", key: "importOvertimeInvalid" });
    if (number && date) {
      const key = `${number}\u0000${date}`;
      const first = seen.get(key);
      if (first !== undefined) rowIssues.push({ line, column: "date", key: "importDuplicate", values: { first } });
      else seen.set(key, line);
    }
    if (rowIssues.length > 0) return void issues.push(...rowIssues);
    rows.push({ line, number, date: date!, entry: { worked, absenceKind: kind as DayEntry["absenceKind"], absence, overtime: truthy.has(overtimeRaw) } });
  });
  return { rows, issues };
}
