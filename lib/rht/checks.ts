// Checks before export: what HR must fix (errors block approval) and what the
// declaration will deduct or leave out (warnings, information). Pure, fed one
// employee at a time so a 15,000-person month never sits in memory.

import type { RhtSettings } from "@/lib/settings/schemas";
import type { EmployeeFigures, UnitThreshold } from "./declaration";

export type CheckLevel = "error" | "warning" | "info";
export const checkCodes = [
  "unsubmitted",
  "incomplete",
  "underThreshold",
  "over85",
  "over85Limit",
  "noEntries",
  "notAuthorised",
  "approvedAsPlanned",
  "partlyAuthorised",
  "overtimeBalance",
  "waitingPeriod",
  "holidayAdjacent",
  "excluded",
] as const;
export type CheckCode = (typeof checkCodes)[number];
const levels: Record<CheckCode, CheckLevel> = {
  unsubmitted: "error",
  incomplete: "error",
  underThreshold: "warning",
  over85: "warning",
  over85Limit: "warning",
  noEntries: "warning",
  notAuthorised: "warning",
  approvedAsPlanned: "info",
  partlyAuthorised: "info",
  overtimeBalance: "info",
  waitingPeriod: "info",
  holidayAdjacent: "info",
  excluded: "info",
};

export type CheckPerson = {
  number: string;
  name: string;
  unitId: string;
  status: "draft" | "submitted" | "approved" | "locked";
  entries: number;
  missingDays: number;
  figures: EmployeeFigures;
};

export type Check = { level: CheckLevel; code: CheckCode; unitId: string; count: number; people: string[]; values?: Record<string, string> };

/** The part of the month the unit's authorisation covers (both null: the whole month). */
export type Coverage = { from: string | null; until: string | null };

const levelOrder: CheckLevel[] = ["error", "warning", "info"];
/** Errors first, then warnings, then information; within a level, in the order of `checkCodes`. */
export const checkOrder = (a: Check, b: Check) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || checkCodes.indexOf(a.code) - checkCodes.indexOf(b.code);

/** At most this many names per check; the count says how many there are. */
export const namesPerCheck = 10;

export function checkCollector(settings: RhtSettings) {
  const found = new Map<string, Check>();
  const note = (code: CheckCode, unitId: string, who?: string) => {
    const key = `${unitId}:${code}`;
    const check = found.get(key) ?? { level: levels[code], code, unitId, count: 0, people: [] };
    check.count += 1;
    if (who && check.people.length < namesPerCheck) check.people.push(who);
    found.set(key, check);
  };
  return {
    /**
     * What this person's month still needs, as of its state: before approval, entries to
     * submit and days to fill; once approved or locked, nothing is missing any more (empty
     * days were declared as worked as planned, which the information says).
     */
    person(p: CheckPerson) {
      const who = `${p.name} (${p.number})`;
      const f = p.figures;
      const closed = p.status === "approved" || p.status === "locked";
      if (closed) {
        if (p.missingDays > 0 && !f.excludedReason) note("approvedAsPlanned", p.unitId, who);
      } else if (p.entries === 0 && p.status === "draft") {
        if (!f.excludedReason) note("noEntries", p.unitId, who);
      } else if (p.status === "draft") note("unsubmitted", p.unitId, who);
      else if (p.missingDays > 0) note("incomplete", p.unitId, who);
      if (f.excludedReason) note("excluded", p.unitId, who);
      if (f.over85 && !f.excludedReason) note(f.over85Periods > settings.over85MaxPeriods ? "over85Limit" : "over85", p.unitId, who);
      if (f.priorOvertimeBalance > settings.overtimeThresholdMinutes && f.lost > 0) note("overtimeBalance", p.unitId, who);
      if (f.deductions.waitingPeriod > 0) note("waitingPeriod", p.unitId, who);
      if (f.deductions.holidayAdjacent > 0) note("holidayAdjacent", p.unitId, who);
    },
    /** The unit's 10 % test, and how much of `month` its authorisation covers. */
    unit(unitId: string, threshold: UnitThreshold, month?: string, coverage?: Coverage) {
      if (threshold.lost > 0 && !threshold.qualifies) note("underThreshold", unitId);
      if (!month || !coverage) return;
      const first = `${month}-01`;
      const last = `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, "0")}`;
      const from = coverage.from && coverage.from > first ? coverage.from : first;
      const until = coverage.until && coverage.until < last ? coverage.until : last;
      const key = from > until ? "notAuthorised" : from !== first || until !== last ? "partlyAuthorised" : null;
      if (!key) return;
      note(key, unitId);
      found.get(`${unitId}:${key}`)!.values = { from: coverage.from ?? "", until: coverage.until ?? "" };
    },
    result(): Check[] {
      return [...found.values()].sort(checkOrder);
    },
  };
}

export const blocksApproval = (checks: Check[], unitId: string) => checks.some((c) => c.unitId === unitId && c.level === "error");
