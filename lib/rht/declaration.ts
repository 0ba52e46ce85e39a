// What the unemployment fund gets for one employee and month, and whether their unit
// qualifies: pure functions over the day records (../shared/RHT-RULES.md).

import type { RhtSettings } from "@/lib/settings/schemas";
import { daysOfMonth, shiftMonth } from "./month";
import { bookPublicHoliday, holidayAdjacentDates, normalLessAbsences, isoWeekday, monthFigures, plannedPerWeekday, departmentQualifies, shutdownAdjacentDates, type Absences, type DayRecord, type MonthFigures, type Weekday } from "./rules";

export const exclusionReasons = ["notice_given", "fixed_term", "apprentice", "on_call", "temporary"] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

/** Why an employee is not entitled to short-time work, or null (flags on the roster). */
export function exclusionReason(person: { contractType: string; noticeGiven: boolean }): ExclusionReason | null {
  if (person.noticeGiven) return "notice_given";
  return (exclusionReasons as readonly string[]).includes(person.contractType) ? (person.contractType as ExclusionReason) : null;
}

export type Contract = { weeklyMinutes: number; employmentRate: number; employedFrom: string | null; employedUntil: string | null };
export const workingDays: Weekday[] = [1, 2, 3, 4, 5];

// A company has a handful of weekly hours and rates: each plan is built once, not once per person
// and month of an export. Read only, never changed.
const weekPlans = new Map<string, ReadonlyMap<Weekday, number>>();
/** Planned minutes per working weekday for these weekly hours and rate (shared, never change it). */
export function weekPlan(weeklyMinutes: number, employmentRate: number): ReadonlyMap<Weekday, number> {
  const key = `${weeklyMinutes}|${employmentRate}`;
  let plan = weekPlans.get(key);
  if (!plan) {
    plan = plannedPerWeekday(weeklyMinutes, employmentRate, workingDays);
    if (weekPlans.size > 1_000) weekPlans.clear();
    weekPlans.set(key, plan);
  }
  return plan;
}

/** Planned minutes of a date under a contract: 0 on weekends and outside the employment (mid-month entry or exit). */
export function plannedOn(date: string, contract: Contract, perWeekday = weekPlan(contract.weeklyMinutes, contract.employmentRate)): number {
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
  const perWeekday = weekPlan(contract.weeklyMinutes, contract.employmentRate);
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

/** A locked month of the window, as the count of periods above 85 % reads it. */
export type HistoryMonth = { month: string; over85: boolean };

/** A known overtime balance: what stood at the start of `month` (a "YYYY-MM"). */
export type BalanceStart = { month: string; minutes: number };

/** The balance a locked month handed on, from its frozen figures (older locks did not keep it: rebuilt from their deductions). */
export function frozenClosing(f: Pick<EmployeeFigures, "lost" | "overtime" | "deductions" | "priorOvertimeBalance"> & { closingOvertimeBalance?: number }): number {
  if (typeof f.closingOvertimeBalance === "number") return f.closingOvertimeBalance;
  const fromMonth = Math.min(f.lost - f.deductions.holidayAdjacent, f.overtime);
  return f.priorOvertimeBalance - (f.deductions.overtime - fromMonth) + (f.overtime - fromMonth);
}

/**
 * Where the running balance of `month` starts: the later of the month after the last locked
 * month (its closing balance) and the imported opening balance (RHT-RULES.md, Decisions:
 * balances are used once). Nothing known, or known only from before the look-back: 0 at
 * the look-back's first month.
 */
export function balanceStart(month: string, lookBackMonths: number, locked: BalanceStart | null, opening: BalanceStart | null): BalanceStart {
  const earliest = shiftMonth(month, -lookBackMonths);
  const known = [locked, opening].filter((s): s is BalanceStart => s !== null && s.month <= month).sort((a, b) => (a.month < b.month ? 1 : -1))[0];
  return known && known.month >= earliest ? known : { month: earliest, minutes: 0 };
}

/** The balance carried into `month`: from its start, each month between hands its closing balance to the next. */
export function carriedBalance(month: string, start: BalanceStart, closingOf: (month: string, opening: number) => number): number {
  let balance = start.minutes;
  for (let m = start.month; m < month; m = shiftMonth(m, 1)) balance = closingOf(m, balance);
  return balance;
}

/** Periods above 85 % loss within the window, this month included. */
export function over85Periods(history: HistoryMonth[], month: string, windowMonths: number, thisMonth: boolean): number {
  const from = shiftMonth(month, -(windowMonths - 1));
  return history.filter((h) => h.over85 && h.month >= from && h.month < month).length + (thisMonth ? 1 : 0);
}

export type EmployeeFigures = MonthFigures & {
  /** Lost minutes that count for the unit's 10 % threshold (after holiday-adjacent days and overtime). */
  thresholdLost: number;
  /** Normal minutes less absences: this employee's share of the unit's 10 % base. */
  thresholdBase: number;
  /** The overtime balance carried in (the previous month's closing balance). */
  priorOvertimeBalance: number;
  over85Periods: number;
  excludedReason: ExclusionReason | null;
};

// The same canton's holidays and the same settings give the same days for every employee of
// a unit: computed once per combination (an export asks 15,000 times), never changed after.
const nonCompensableByInputs = new Map<string, ReadonlySet<string>>();
// An export passes its canton's one holidays array and its one settings object to every employee:
// by identity the answer is found without building the key (a tenth of the CSV's own work).
// Neither is changed once read; a new array or object is simply looked up by its key again.
type Inputs = Pick<RhtSettings, "holidayAdjacentDays" | "shutdownAdjacentDays" | "shutdowns">;
const byIdentity = new WeakMap<readonly string[], WeakMap<Inputs, ReadonlySet<string>>>();

/** Days whose lost time is not compensable: next to a public holiday or to a company shutdown. */
export function nonCompensableDates(holidays: string[], settings: Inputs): ReadonlySet<string> {
  const known = byIdentity.get(holidays)?.get(settings);
  if (known) return known;
  const dates = nonCompensableByKey(holidays, settings);
  const forHolidays = byIdentity.get(holidays) ?? new WeakMap<Inputs, ReadonlySet<string>>();
  forHolidays.set(settings, dates);
  byIdentity.set(holidays, forHolidays);
  return dates;
}

function nonCompensableByKey(holidays: string[], settings: Inputs): ReadonlySet<string> {
  const key = `${holidays.join(",")}|${settings.holidayAdjacentDays}|${settings.shutdownAdjacentDays}|${settings.shutdowns.map((s) => `${s.from}:${s.to}`).join(",")}`;
  let dates = nonCompensableByInputs.get(key);
  if (!dates) {
    dates = new Set([
      ...(settings.holidayAdjacentDays > 0 ? holidayAdjacentDates(holidays, workingDays, settings.holidayAdjacentDays) : []),
      ...(settings.shutdownAdjacentDays > 0 ? shutdownAdjacentDates(settings.shutdowns, workingDays, settings.shutdownAdjacentDays) : []),
    ]);
    if (nonCompensableByInputs.size > 1_000) nonCompensableByInputs.clear();
    nonCompensableByInputs.set(key, dates);
  }
  return dates;
}

export function employeeMonth(input: {
  month: string;
  days: DayRecord[];
  /** Public holidays of the employee's canton, from a week before to a week after the month. */
  holidays: string[];
  excludedReason: ExclusionReason | null;
  /** Locked months of the window, for the count of periods above 85 %. */
  history: HistoryMonth[];
  /** The overtime balance carried in (carriedBalance). */
  openingBalance: number;
  settings: RhtSettings;
}): EmployeeFigures {
  const { settings } = input;
  // Only the authorised part of the month counts, for the employee and so for the unit's 10 %.
  const { authorizedFrom: from, authorizedUntil: until } = settings;
  const days = from || until ? input.days.filter((d) => (!from || d.date >= from) && (!until || d.date <= until)) : input.days;
  const figures = monthFigures(days, {
    nonCompensable: nonCompensableDates(input.holidays, settings),
    priorOvertimeBalance: input.openingBalance,
    overtimeThreshold: settings.overtimeThresholdMinutes,
    waitingDays: settings.waitingDays,
    excluded: input.excludedReason !== null,
    lossBase: settings.lossBase,
  });
  return {
    ...figures,
    thresholdLost: figures.lost - figures.deductions.holidayAdjacent - figures.deductions.overtime,
    thresholdBase: normalLessAbsences(figures),
    priorOvertimeBalance: input.openingBalance,
    over85Periods: over85Periods(input.history, input.month, settings.over85WindowMonths, figures.over85),
    excludedReason: input.excludedReason,
  };
}

export type UnitThreshold = { qualifies: boolean; lost: number; base: number };

/** `thresholdBase` is absent from figures frozen before it existed: rebuilt from normal and absences. */
type ThresholdInput = Pick<EmployeeFigures, "thresholdLost" | "normal" | "excludedReason"> & { absences: Absences; thresholdBase?: number };
const baseOf = (p: ThresholdInput) => p.thresholdBase ?? normalLessAbsences(p);
const countsForThreshold = (p: ThresholdInput, settings: RhtSettings) => p.excludedReason === null && (settings.departmentBase === "all_entitled" || p.thresholdLost > 0);

/** The department's 10 % check over its employees' figures, with the configured base. */
export function unitThreshold(people: ThresholdInput[], settings: RhtSettings): UnitThreshold {
  return departmentQualifies(
    people.map((p) => ({ lost: p.thresholdLost, base: baseOf(p), entitled: countsForThreshold(p, settings) })),
    settings.thresholdPercent,
  );
}

/** The same check, fed one employee at a time (exports stream 15,000 of them). */
export function unitThresholdAccumulator(settings: RhtSettings) {
  let lost = 0;
  let base = 0;
  return {
    add(p: ThresholdInput) {
      if (!countsForThreshold(p, settings)) return;
      lost += p.thresholdLost;
      base += baseOf(p);
    },
    result: (): UnitThreshold => ({ ...departmentQualifies([{ lost, base, entitled: true }], settings.thresholdPercent) }),
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
