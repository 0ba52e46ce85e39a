// Reading an hours file from another time system: decoding, columns and each row's
// syntax. Pure; what needs the roster (employees, plans, locked months) is in import.ts.
// A 50 MB file is about 1.6 million lines: rows are kept in typed arrays (about 20 bytes
// a line) rather than objects, and the file is read in slices (lib/csv/stream.ts).

import { readHeader, type Header } from "@/lib/csv/header";
import { IssueList, type Issue } from "@/lib/csv/issues";
import { maxImportBytes } from "@/lib/csv/limits";
import { parseDate, parseYesNo } from "@/lib/csv/read";
import { csvBatches, MalformedCsv } from "@/lib/csv/stream";
import { absenceKinds } from "./rules";
import { parseDuration } from "./schema";

export const importColumns = ["employee_number", "date", "worked", "absence_kind", "absence", "overtime"] as const;
const requiredColumns = ["employee_number", "date", "worked"] as const;
/** 50 MB of short lines; more is a wrong file (or one to split by month). */
export const maxImportRows = 2_000_000;

export type ImportIssue = Issue;

const dayMs = 86_400_000;
/** Days since 1970-01-01, and back: rows keep the day as a number. */
export const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / dayMs;
export const isoDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

/** The file's well-formed rows, column by column; `employee` indexes `numbers`, `kind` is 1 + the absence kind's index (0: none). */
export class HoursRows {
  count = 0;
  numbers: string[] = [];
  line = new Uint32Array(1024);
  employee = new Uint32Array(1024);
  day = new Uint32Array(1024);
  worked = new Uint16Array(1024);
  absence = new Uint16Array(1024);
  kind = new Uint8Array(1024);
  overtime = new Uint8Array(1024);

  push(line: number, employee: number, day: number, worked: number, absence: number, kind: number, overtime: boolean) {
    if (this.count === this.line.length) this.grow();
    const i = this.count++;
    this.line[i] = line;
    this.employee[i] = employee;
    this.day[i] = day;
    this.worked[i] = worked;
    this.absence[i] = absence;
    this.kind[i] = kind;
    this.overtime[i] = overtime ? 1 : 0;
  }

  private grow() {
    const size = this.line.length * 2;
    const copy = <T extends Uint32Array | Uint16Array | Uint8Array>(from: T, to: T) => (to.set(from), to);
    this.line = copy(this.line, new Uint32Array(size));
    this.employee = copy(this.employee, new Uint32Array(size));
    this.day = copy(this.day, new Uint32Array(size));
    this.worked = copy(this.worked, new Uint16Array(size));
    this.absence = copy(this.absence, new Uint16Array(size));
    this.kind = copy(this.kind, new Uint8Array(size));
    this.overtime = copy(this.overtime, new Uint8Array(size));
  }
}

export type ParsedHours = { rows: HoursRows; issues: IssueList };

/** Every well-formed row, and every problem with the file's shape or a row's syntax (line numbers as a spreadsheet shows them). */
export async function parseHoursFile(bytes: Uint8Array): Promise<ParsedHours> {
  const rows = new HoursRows();
  const issues = new IssueList();
  // Refused whole for one reason: that reason alone.
  const refuse = (issue: Issue) => {
    const only = new IssueList();
    only.add(issue);
    return { rows: new HoursRows(), issues: only };
  };
  if (bytes.byteLength > maxImportBytes) return refuse({ line: 1, column: null, key: "importTooLarge" });
  let header: Header | null = null;
  const employees = new Map<string, number>();
  // Per employee, the day and the line it first appeared on (duplicates name that line).
  const seen: Map<number, number>[] = [];
  let total = 0;
  try {
    for await (const batch of csvBatches(bytes)) {
      for (const { record, line } of batch) {
        if (!header) {
          header = readHeader(record, { known: importColumns, required: requiredColumns }, issues);
          if (issues.count > 0) return { rows: new HoursRows(), issues };
          continue;
        }
        total += 1;
        if (total > maxImportRows) return refuse({ line: 1, column: null, key: "importTooManyRows", values: { max: maxImportRows } });
        if (issues.full(line)) return { rows: new HoursRows(), issues };
        const before = issues.count;
        const at = header.at;
        const number = at(record, "employee_number");
        if (!number) issues.add({ line, column: "employee_number", key: "employeeNotFound" });
        const date = parseDate(at(record, "date"));
        if (!date) issues.add({ line, column: "date", key: "dateInvalid" });
        const duration = (column: string) => {
          const minutes = parseDuration(at(record, column));
          if (minutes === null) issues.add({ line, column, key: "timeInvalid" });
          else if (minutes > 24 * 60) issues.add({ line, column, key: "timeTooLong" });
          return minutes ?? 0;
        };
        const worked = duration("worked");
        const absence = header.has("absence") ? duration("absence") : 0;
        const kind = at(record, "absence_kind").toLowerCase();
        const kindIndex = kind ? (absenceKinds as readonly string[]).indexOf(kind) : -1;
        if (kind && kindIndex < 0) issues.add({ line, column: "absence_kind", key: "absenceInvalid" });
        if (!kind && absence > 0) issues.add({ line, column: "absence_kind", key: "absenceInvalid" });
        const overtime = parseYesNo(at(record, "overtime"));
        if (overtime === null) issues.add({ line, column: "overtime", key: "importOvertimeInvalid" });
        let employee = -1;
        let day = 0;
        if (number && date) {
          employee = employees.get(number) ?? -1;
          if (employee < 0) {
            employee = rows.numbers.push(number) - 1;
            employees.set(number, employee);
            seen.push(new Map());
          }
          day = dayNumber(date);
          const first = seen[employee].get(day);
          if (first !== undefined) issues.add({ line, column: "date", key: "importDuplicate", values: { first } });
          else seen[employee].set(day, line);
        }
        if (issues.count === before) rows.push(line, employee, day, worked, absence, kindIndex + 1, overtime === true);
      }
    }
  } catch (error) {
    if (error instanceof MalformedCsv) return refuse({ line: error.line, column: null, key: "importMalformed", values: { line: error.line } });
    throw error;
  }
  if (!header) return refuse({ line: 1, column: null, key: "importEmpty" });
  return { rows, issues };
}
