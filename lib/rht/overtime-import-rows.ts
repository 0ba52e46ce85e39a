// Reading a file of opening overtime / flextime balances from another time system:
// decoding, columns and each row's syntax, by the same rules as the hours file
// (import-rows.ts). Pure; what needs the roster and the closed months is in overtime-import.ts.

import { readHeader, type Header } from "@/lib/csv/header";
import { IssueList, type Issue } from "@/lib/csv/issues";
import { maxImportBytes } from "@/lib/csv/limits";
import { parseDate } from "@/lib/csv/read";
import { csvBatches, MalformedCsv } from "@/lib/csv/stream";
import { parseDuration } from "./schema";

export const overtimeColumns = ["employee_number", "balance", "date"] as const;
/** The table's bound (rht_overtime_openings_bounds): about 1,666 hours either way. */
export const maxOpeningMinutes = 100_000;
/** One line per employee: far more than any roster; more is a wrong file (kept small, rows are objects here). */
export const maxOpeningRows = 200_000;

export type OpeningRow = { line: number; number: string; month: string; minutes: number };
export type ParsedOpenings = { rows: OpeningRow[]; issues: IssueList };

/**
 * A balance in hours → signed minutes, or null: "12:30", "12.5", "12,5", with "-" (or the
 * minus sign "−") in front when the employee owes hours. Required: empty is null. The part
 * after the whole hours is read by parseDuration, so the formats are the grid's; only the
 * whole hours may go past 99 (a balance is not one day).
 */
export function parseBalance(raw: string): number | null {
  const match = raw.trim().match(/^([-+\u2212]?)\s*(\d{1,4})(\D.*)?$/);
  if (!match) return null;
  const fraction = parseDuration(`0${match[3] ?? ""}`);
  if (fraction === null) return null;
  const minutes = Number(match[2]) * 60 + fraction;
  const negative = match[1] === "-" || match[1] === "\u2212";
  return negative && minutes > 0 ? -minutes : minutes;
}

/** Every well-formed row, and every problem with the file's shape or a row's syntax (line numbers as a spreadsheet shows them). */
export async function parseOvertimeFile(bytes: Uint8Array): Promise<ParsedOpenings> {
  const rows: OpeningRow[] = [];
  const issues = new IssueList();
  // Refused whole for one reason: that reason alone.
  const refuse = (issue: Issue) => {
    const only = new IssueList();
    only.add(issue);
    return { rows: [], issues: only };
  };
  if (bytes.byteLength > maxImportBytes) return refuse({ line: 1, column: null, key: "importTooLarge" });
  let header: Header | null = null;
  // Per employee number, the line it first appeared on (a duplicate names that line).
  const seen = new Map<string, number>();
  let total = 0;
  try {
    for await (const batch of csvBatches(bytes)) {
      for (const { record, line } of batch) {
        if (!header) {
          header = readHeader(record, { known: overtimeColumns, required: overtimeColumns }, issues);
          if (issues.count > 0) return { rows: [], issues };
          continue;
        }
        total += 1;
        if (total > maxOpeningRows) return refuse({ line: 1, column: null, key: "importTooManyRows", values: { max: maxOpeningRows } });
        if (issues.full(line)) return { rows: [], issues };
        const before = issues.count;
        const number = header.at(record, "employee_number");
        if (!number) issues.add({ line, column: "employee_number", key: "employeeNotFound" });
        const minutes = parseBalance(header.at(record, "balance"));
        if (minutes === null) issues.add({ line, column: "balance", key: "importBalanceInvalid" });
        else if (Math.abs(minutes) > maxOpeningMinutes) issues.add({ line, column: "balance", key: "importBalanceTooLarge" });
        const date = parseDate(header.at(record, "date"));
        if (!date) issues.add({ line, column: "date", key: "dateInvalid" });
        // Also for a refused row: its employee is in the file, and a second line for them is a mistake either way.
        if (number) {
          const first = seen.get(number);
          if (first !== undefined) issues.add({ line, column: "employee_number", key: "importEmployeeDuplicate", values: { first } });
          else seen.set(number, line);
        }
        if (issues.count === before) rows.push({ line, number, month: `${date!.slice(0, 7)}-01`, minutes: minutes! });
      }
    }
  } catch (error) {
    if (error instanceof MalformedCsv) return refuse({ line: error.line, column: null, key: "importMalformed", values: { line: error.line } });
    throw error;
  }
  if (!header) return refuse({ line: 1, column: null, key: "importEmpty" });
  return { rows, issues };
}
