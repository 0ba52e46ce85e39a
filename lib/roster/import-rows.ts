// The HR roster file: columns, and each row checked on its own. Pure; what needs the
// database (who exists, addresses taken, managers) is in import.ts.

import { z } from "zod";
import { normalisePhone } from "@/lib/contact/phone";
import { readHeader, type Header } from "@/lib/csv/header";
import { IssueList } from "@/lib/csv/issues";
import { maxImportBytes } from "@/lib/csv/limits";
import { parseDate, parseYesNo } from "@/lib/csv/read";
import { neutraliseFormula } from "@/lib/csv/formula";
import { csvBatches, MalformedCsv } from "@/lib/csv/stream";

export const rosterColumns = [
  "employee_number",
  "first_name",
  "last_name",
  "work_email",
  "private_email",
  "phone",
  "org_unit",
  "org_unit_name",
  "site",
  "site_name",
  "site_city",
  "site_canton",
  "job_family",
  "contract_type",
  "employment_rate",
  "weekly_hours",
  "language",
  "manager_number",
  "avs_number",
  "birth_date",
  "notice_given",
  "employed_from",
  "employed_until",
  "avs_monthly_wage",
] as const;
export type RosterColumn = (typeof rosterColumns)[number];
export const requiredRosterColumns = ["employee_number", "first_name", "last_name", "org_unit", "site", "job_family"] as const satisfies readonly RosterColumn[];
export const maxRosterRows = 100_000;

export const contractTypes = ["permanent", "fixed_term", "apprentice", "on_call", "temporary"] as const;
export const languages = ["fr", "de", "en"] as const;

/** What a row sets. A column missing from the file leaves that field as it is (undefined). */
export type RosterRow = {
  line: number;
  number: string;
  firstName: string;
  lastName: string;
  workEmail?: string | null;
  privateEmail?: string | null;
  /** E.164 ("+41791234567"). */
  phone?: string | null;
  orgUnit: string;
  orgUnitName?: string;
  site: string;
  siteName?: string;
  siteCity?: string;
  siteCanton?: string;
  jobFamily: string;
  contractType?: (typeof contractTypes)[number];
  employmentRate?: number;
  weeklyMinutes?: number;
  language?: (typeof languages)[number];
  managerNumber?: string | null;
  avsNumber?: string | null;
  birthDate?: string | null;
  noticeGiven?: boolean;
  employedFrom?: string | null;
  employedUntil?: string | null;
  avsMonthlyWageCents?: number | null;
};

export type RosterIssue = { line: number; column: string | null; key: string; values?: Record<string, string | number> };

/** The AVS number's EAN-13 check digit (756.XXXX.XXXX.XC). */
export function avsValid(digits: string): boolean {
  if (!/^756\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 12)].reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === Number(digits[12]);
}

/** "756.1234.5678.97" or "7561234567897" → the dotted form, or null when invalid. */
export function normaliseAvs(raw: string): string | null {
  const digits = raw.replace(/[.\s]/g, "");
  if (!avsValid(digits)) return null;
  return `${digits.slice(0, 3)}.${digits.slice(3, 7)}.${digits.slice(7, 11)}.${digits.slice(11)}`;
}

/**
 * Text a spreadsheet would run as a formula loses every leading = + - @ (and the spaces
 * between them): stored as plain text, and reported as a warning naming what is kept.
 * One rule for every import and export (lib/csv/formula.ts).
 */
export { neutraliseFormula as neutralise };

const email = z.email();

/** Warnings kept for the report (all are counted). */
const keptWarnings = 200;

export type ParsedRoster = { rows: RosterRow[]; total: number; issues: IssueList; warnings: RosterIssue[]; warningCount: number; columns: RosterColumn[] };

/**
 * The file's rows, each checked on its own, read in slices (lib/csv/stream.ts) so the event
 * loop keeps answering; checking stops after 1,000 problems or past the row limit.
 */
export async function parseRosterFile(bytes: Uint8Array): Promise<ParsedRoster> {
  const issues = new IssueList();
  const warnings: RosterIssue[] = [];
  let warningCount = 0;
  const warn = (warning: RosterIssue) => {
    warningCount += 1;
    if (warnings.length < keptWarnings) warnings.push(warning);
  };
  const refuse = (issue: RosterIssue, total = 0): ParsedRoster => {
    const only = new IssueList();
    only.add(issue);
    return { rows: [], total, issues: only, warnings: [], warningCount: 0, columns: [] };
  };
  if (bytes.byteLength > maxImportBytes) return refuse({ line: 1, column: null, key: "importTooLarge" });
  let header: Header | null = null;
  const rows: RosterRow[] = [];
  const numbers = new Map<string, number>();
  const emails = new Map<string, number>();
  let total = 0;
  const has = (c: RosterColumn) => header?.has(c) ?? false;
  try {
    for await (const batch of csvBatches(bytes)) {
      for (const { record, line } of batch) {
        if (!header) {
          header = readHeader(record, { known: rosterColumns, required: requiredRosterColumns }, issues);
          if (issues.count > 0) return { rows: [], total: 0, issues, warnings, warningCount, columns: [] };
          continue;
        }
        total += 1;
        if (total > maxRosterRows) return refuse({ line: 1, column: null, key: "importTooManyRows", values: { max: maxRosterRows } }, total);
        if (issues.full(line)) return { rows: [], total, issues, warnings, warningCount, columns: [] };
        checkRow(record, line);
      }
    }
  } catch (error) {
    if (error instanceof MalformedCsv) return refuse({ line: error.line, column: null, key: "importMalformed", values: { line: error.line } });
    throw error;
  }
  if (!header) return refuse({ line: 1, column: null, key: "importEmpty" });
  return { rows, total, issues, warnings, warningCount, columns: header.names as RosterColumn[] };

  function checkRow(record: string[], line: number) {
    const rowIssues: RosterIssue[] = [];
    const raw = (c: RosterColumn) => header!.at(record, c);
    const text = (c: RosterColumn, max: number, required = false) => {
      const { value, changed } = neutraliseFormula(raw(c));
      if (changed) warn({ line, column: c, key: "rosterFormulaNeutralised", values: { value } });
      if (required && !value) rowIssues.push({ line, column: c, key: "rosterRequired" });
      if (value.length > max) rowIssues.push({ line, column: c, key: "rosterTooLong", values: { max } });
      return value;
    };
    const optional = <T,>(c: RosterColumn, parse: (v: string) => T | null, key: string): T | null | undefined => {
      if (!has(c)) return undefined;
      const value = raw(c);
      if (!value) return null;
      const parsed = parse(value);
      if (parsed === null) rowIssues.push({ line, column: c, key });
      return parsed;
    };

    const number = text("employee_number", 40, true);
    const address = (c: "work_email" | "private_email") =>
      optional(c, (v) => {
        const lower = v.toLowerCase();
        if (!email.safeParse(lower).success) return null;
        const first = emails.get(lower);
        if (first !== undefined) rowIssues.push({ line, column: c, key: "rosterDuplicateEmail", values: { first } });
        else emails.set(lower, line);
        return lower;
      }, "emailInvalid");
    const row: RosterRow = {
      line,
      number,
      firstName: text("first_name", 100, true),
      lastName: text("last_name", 100, true),
      workEmail: address("work_email"),
      privateEmail: address("private_email"),
      orgUnit: text("org_unit", 40, true),
      orgUnitName: has("org_unit_name") ? text("org_unit_name", 200) || undefined : undefined,
      site: text("site", 40, true),
      siteName: has("site_name") ? text("site_name", 200) || undefined : undefined,
      siteCity: has("site_city") ? text("site_city", 100) || undefined : undefined,
      siteCanton: has("site_canton") ? text("site_canton", 2).toUpperCase() || undefined : undefined,
      jobFamily: text("job_family", 60, true),
    };
    if (has("phone")) {
      // The roster export writes "'+41…" (its guard against spreadsheet formulas): the apostrophe is not part of the number.
      const written = raw("phone").replace(/^'/, "");
      const phone = written ? normalisePhone(written) : null;
      if (phone && !phone.ok) rowIssues.push({ line, column: "phone", key: phone.error });
      row.phone = phone?.ok ? phone.e164 : null;
    }
    if (row.siteCanton && !/^[A-Z]{2}$/.test(row.siteCanton)) rowIssues.push({ line, column: "site_canton", key: "rosterCantonInvalid" });
    const contract = optional("contract_type", (v) => ((contractTypes as readonly string[]).includes(v.toLowerCase()) ? (v.toLowerCase() as RosterRow["contractType"]) : null), "rosterContractInvalid");
    // Present but empty: the roster's default (a column missing from the file changes nothing).
    if (contract !== undefined) row.contractType = contract ?? "permanent";
    const rate = optional("employment_rate", (v) => (/^\d{1,3}\s*%?$/.test(v) && Number(v.replace("%", "")) >= 1 && Number(v.replace("%", "")) <= 100 ? Number(v.replace("%", "")) : null), "rosterRateInvalid");
    if (rate !== undefined) row.employmentRate = rate ?? 100;
    const weekly = optional("weekly_hours", (v) => (/^\d{1,2}([.,]\d{1,2})?$/.test(v) && Number(v.replace(",", ".")) >= 1 && Number(v.replace(",", ".")) <= 60 ? Math.round(Number(v.replace(",", ".")) * 60) : null), "rosterWeeklyInvalid");
    if (weekly !== undefined) row.weeklyMinutes = weekly ?? 2520;
    const language = optional("language", (v) => ((languages as readonly string[]).includes(v.toLowerCase()) ? (v.toLowerCase() as RosterRow["language"]) : null), "rosterLanguageInvalid");
    if (language !== undefined) row.language = language ?? "fr";
    row.managerNumber = optional("manager_number", (v) => {
      // The manager is looked up by what is kept: the report says so rather than matching silently.
      const { value, changed } = neutraliseFormula(v);
      if (changed) warn({ line, column: "manager_number", key: "rosterFormulaNeutralised", values: { value } });
      return value || null;
    }, "rosterRequired");
    row.avsNumber = optional("avs_number", normaliseAvs, "rosterAvsInvalid");
    row.birthDate = optional("birth_date", parseDate, "dateInvalid");
    const notice = optional("notice_given", parseYesNo, "rosterYesNoInvalid");
    if (notice !== undefined) row.noticeGiven = notice ?? false;
    row.employedFrom = optional("employed_from", parseDate, "dateInvalid");
    row.employedUntil = optional("employed_until", parseDate, "dateInvalid");
    if (row.employedFrom && row.employedUntil && row.employedFrom > row.employedUntil) rowIssues.push({ line, column: "employed_until", key: "rosterEndBeforeStart" });
    row.avsMonthlyWageCents = optional("avs_monthly_wage", (v) => (/^\d{1,7}([.,]\d{1,2})?$/.test(v.replace(/['\s]/g, "")) ? Math.round(Number(v.replace(/['\s]/g, "").replace(",", ".")) * 100) : null), "rosterWageInvalid");
    if (number) {
      const first = numbers.get(number);
      if (first !== undefined) rowIssues.push({ line, column: "employee_number", key: "rosterDuplicateNumber", values: { first } });
      else numbers.set(number, line);
    }
    if (row.managerNumber && row.managerNumber === number) rowIssues.push({ line, column: "manager_number", key: "rosterOwnManager" });
    if (rowIssues.length > 0) rowIssues.forEach((i) => issues.add(i));
    else rows.push(row);
  }
}
