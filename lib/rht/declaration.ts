// What the unemployment fund gets for one employee and month, and whether their unit
// qualifies: pure functions over the day records (../shared/RHT-RULES.md).

import type { RhtSettings } from "@/lib/settings/schemas";
import { daysOfMonth, shiftMonth } from "./month";
import { bookPublicHoliday, holidayAdjacentDates, isoWeekday, monthFigures, plannedPerWeekday, departmentQualifies, shutdownAdjacentDates, type DayRecord, type MonthFigures, type Weekday } from "./rules";

export const exclusionReasons = ["notice_given", "fixed_term", "apprentice", "on_call", "temporary"] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

/** Why an employee is not entitled to short-time work, or null (flags on the roster). */
export function exclusionReason(person: { contractType: string; noticeGiven: boolean }): ExclusionReason | null {
  if (person.noticeGiven) return "notice_given";
  return (exclusionReasons as readonly string[]).includes(person.contractType) ? (person.contractType as ExclusionReason) : null;
}

export type Contract = { weeklyMinutes: number; employmentRate: number; employedFrom: string | null; employedUntil: string | null };
export const workingDays: Weekday[] = [1, 2, 3, 4, 5];

/** Planned minutes of a date under a contract: 0 on weekends and outside the employment (mid-month entry or exit). */
export function plannedOn(date: string, contract: Contract, perWeekday = plannedPerWeekday(contract.weeklyMinutes, contract.employmentRate, workingDays)): number {
  if (contract.employedFrom && date < contract.employedFrom) return 0;
  if (contract.employedUntil && date > contract.employedUntil) return 0;
  return perWeekday.get(isoWeekday(date)) ?? 0;
}

/**
 * The whole month for the declaration. Planned minutes follow the contract of each day
 * (RHT-RULES.md, Decisions) unless the month is locked, whose days keep the plan they were
 * locked with; a planned public holiday is booked as such whatever the entry says. Each
 * planned working day without an entry is declared as worked as planned, so a missing day
 * is never declared as lost: the checks report it instead (`missing`).
 */
export function declaredDays(month: string, entered: DayRecord[], contract: Contract, holidays: Set<string>, locked = false): { days: DayRecord[]; missing: number } {
  const byDate = new Map(entered.map((d) => [d.date, d]));
  const perWeekday = plannedPerWeekday(contract.weeklyMinutes, contract.employmentRate, workingDays);
  let missing = 0;
  const days = daysOfMonth(month).map((date): DayRecord => {
    const stored = byDate.get(date);
    const planned = locked && stored ? stored.planned : plannedOn(date, contract, perWeekday);
    const holiday = holidays.has(date);
    if (stored) return bookPublicHoliday({ ...stored, planned }, holiday);
    if (planned === 0) return { date, planned, worked: 0, absences: {} };
    if (holiday) return { date, planned, worked: 0, absences: { public_holiday: planned } };
    missing += 1;
    return { date, planned, worked: planned, absences: {} };
  });
  return { days, missing };
}

export type HistoryMonth = { month: string; overtime: number; lost: number; over85: boolean };

/**
 * The overtime balance carried into a month: overtime that earlier months within the
 * look-back window did not use up against their own lost time.
 */
export function overtimeBalance(history: HistoryMonth[], month: string, lookBackMonths: number): number {
  const from = shiftMonth(month, -lookBackMonths);
  return history.filter((h) => h.month >= from && h.month < month).reduce((total, h) => total + Math.max(0, h.overtime - h.lost), 0);
}

/** Periods above 85 % loss within the window, this month included. */
export function over85Periods(history: HistoryMonth[], month: string, windowMonths: number, thisMonth: boolean): number {
  const from = shiftMonth(month, -(windowMonths - 1));
  return history.filter((h) => h.over85 && h.month >= from && h.month < month).length + (thisMonth ? 1 : 0);
}

export type EmployeeFigures = MonthFigures & {
  /** Lost minutes that count for the unit's 10 % threshold (after holiday-adjacent days and overtime). */
  thresholdLost: number;
  priorOvertimeBalance: number;
  over85Periods: number;
  excludedReason: ExclusionReason | null;
};

export function employeeMonth(input: {
  month: string;
  days: DayRecord[];
  /** Public holidays of the employee's canton, from a week before to a week after the month. */
  holidays: string[];
  excludedReason: ExclusionReason | null;
  history: HistoryMonth[];
  settings: RhtSettings;
}): EmployeeFigures {
  const { settings } = input;
  const priorOvertimeBalance = overtimeBalance(input.history, input.month, settings.overtimeLookBackMonths);
  // Only the authorised part of the month counts, for the employee and so for the unit's 10 %.
  const days = input.days.filter((d) => (!settings.authorizedFrom || d.date >= settings.authorizedFrom) && (!settings.authorizedUntil || d.date <= settings.authorizedUntil));
  const figures = monthFigures(days, {
    nonCompensable: new Set([
      ...(settings.holidayAdjacentDays > 0 ? holidayAdjacentDates(input.holidays, workingDays, settings.holidayAdjacentDays) : []),
      ...(settings.shutdownAdjacentDays > 0 ? shutdownAdjacentDates(settings.shutdowns, workingDays, settings.shutdownAdjacentDays) : []),
    ]),
    priorOvertimeBalance,
    overtimeThreshold: settings.overtimeThresholdMinutes,
    waitingDays: settings.waitingDays,
    excluded: input.excludedReason !== null,
    lossBase: settings.lossBase,
  });
  return {
    ...figures,
    thresholdLost: figures.lost - figures.deductions.holidayAdjacent - figures.deductions.overtime,
    priorOvertimeBalance,
    over85Periods: over85Periods(input.history, input.month, settings.over85WindowMonths, figures.over85),
    excludedReason: input.excludedReason,
  };
}

export type UnitThreshold = { qualifies: boolean; lost: number; normal: number };

type ThresholdInput = Pick<EmployeeFigures, "thresholdLost" | "normal" | "excludedReason">;
const countsForThreshold = (p: ThresholdInput, settings: RhtSettings) => p.excludedReason === null && (settings.departmentBase === "all_entitled" || p.thresholdLost > 0);

/** The department's 10 % check over its employees' figures, with the configured base. */
export function unitThreshold(people: ThresholdInput[], settings: RhtSettings): UnitThreshold {
  return departmentQualifies(
    people.map((p) => ({ lost: p.thresholdLost, normal: p.normal, entitled: countsForThreshold(p, settings) })),
    settings.thresholdPercent,
  );
}

/** The same check, fed one employee at a time (exports stream 15,000 of them). */
export function unitThresholdAccumulator(settings: RhtSettings) {
  let lost = 0;
  let normal = 0;
  return {
    add(p: ThresholdInput) {
      if (!countsForThreshold(p, settings)) return;
      lost += p.thresholdLost;
      normal += p.normal;
    },
    result: (): UnitThreshold => ({ ...departmentQualifies([{ lost, normal, entitled: true }], settings.thresholdPercent) }),
  };
}

/** Compensable minutes once the unit's threshold is known: nothing below 10 %. */
export const compensableIn = (figures: Pick<EmployeeFigures, "compensable">, unit: UnitThreshold) => (unit.qualifies ? figures.compensable : 0);

/**
 * The compensation (Art. 34 LACI): 80 % of the lost share of the AVS wage, the wage capped
 * at the insured maximum. In centimes; null without a wage or planned time.
 */
export function compensationCents(figures: Pick<EmployeeFigures, "normal">, compensableMinutes: number, wageCents: number | null, insuredMaxYearlyFrancs: number): number | null {
  if (wageCents === null || figures.normal === 0) return null;
  const capped = Math.min(wageCents, Math.round((insuredMaxYearlyFrancs * 100) / 12));
  return Math.round((capped * compensableMinutes * 80) / (figures.normal * 100));
}
