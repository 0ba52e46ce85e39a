// Short-time work (RHT / Kurzarbeit) arithmetic, as ../shared/RHT-RULES.md sets it out.
// Pure and in whole minutes; percentages compared as exact fractions so the 10 % and 85 %
// boundaries are right to the minute.

export const absenceKinds = ["holiday", "public_holiday", "sickness", "accident", "service", "other_paid", "unpaid"] as const;
export type AbsenceKind = (typeof absenceKinds)[number];
export type Absences = Partial<Record<AbsenceKind, number>>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Planned minutes per working day: weekly hours × employment rate, spread over
 * the person's working days. Remainders go to the first days so the week adds up exactly.
 */
export function plannedPerWeekday(weeklyMinutes: number, employmentRatePercent: number, workingDays: Weekday[]): Map<Weekday, number> {
  const total = Math.round((weeklyMinutes * employmentRatePercent) / 100);
  const days = [...new Set(workingDays)].sort((a, b) => a - b);
  const result = new Map<Weekday, number>();
  if (days.length === 0) return result;
  const base = Math.floor(total / days.length);
  let remainder = total - base * days.length;
  for (const day of days) {
    result.set(day, base + (remainder > 0 ? 1 : 0));
    remainder -= 1;
  }
  return result;
}

/** The absences' minutes together (a loop: it runs for every day of every employee of an export). */
function sum(absences: Absences): number {
  let total = 0;
  for (const kind in absences) total += absences[kind as AbsenceKind] ?? 0;
  return total;
}

/** Lost = planned − worked − absences (never below 0); overtime = the excess, when positive. */
export function dayFigures(day: { planned: number; worked: number; absences: Absences }): { lost: number; overtime: number } {
  const covered = day.worked + sum(day.absences);
  return { lost: Math.max(0, day.planned - covered), overtime: Math.max(0, covered - day.planned) };
}

export type DayRecord = { date: string; planned: number; worked: number; absences: Absences };

/**
 * A planned public holiday is never lost time, whatever wrote the day (grid, HR, import):
 * the planned minutes neither worked nor covered by another absence are booked as
 * `public_holiday` (RHT-RULES.md, Decisions). Any other day is returned as it is.
 */
export function bookPublicHoliday<T extends { planned: number; worked: number; absences: Absences }>(day: T, isHoliday: boolean): T {
  if (!isHoliday || day.planned === 0) return day;
  const others = Object.fromEntries(Object.entries(day.absences).filter(([kind, minutes]) => kind !== "public_holiday" && (minutes ?? 0) > 0)) as Absences;
  const holiday = Math.max(0, day.planned - day.worked - sum(others));
  return { ...day, absences: holiday > 0 ? { ...others, public_holiday: holiday } : others };
}

const dayIndex = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

// Parsing a date costs more than everything else a day's figures need; the dates asked are
// those of a few months, so each is parsed once (bounded, in case a process lives for years).
const weekdays = new Map<string, Weekday>();

/** The ISO weekday of a "YYYY-MM-DD" date. */
export function isoWeekday(iso: string): Weekday {
  let weekday = weekdays.get(iso);
  if (weekday === undefined) {
    weekday = (((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as Weekday;
    if (weekdays.size > 10_000) weekdays.clear();
    weekdays.set(iso, weekday);
  }
  return weekday;
}

/**
 * Days whose lost time is not compensable: the `span` working days before and
 * after each public holiday that falls on a weekday (Art. 54 OACI).
 */
export function holidayAdjacentDates(publicHolidays: string[], workingDays: Weekday[], span = 2): Set<string> {
  const result = new Set<string>();
  const working = new Set(workingDays);
  const holidays = new Set(publicHolidays);
  for (const holiday of publicHolidays) {
    if (isoWeekday(holiday) > 5) continue;
    for (const direction of [-1, 1]) {
      let found = 0;
      for (let offset = 1; found < span && offset < 31; offset += 1) {
        const date = new Date((dayIndex(holiday) + direction * offset) * 86_400_000).toISOString().slice(0, 10);
        if (working.has(isoWeekday(date)) && !holidays.has(date)) {
          result.add(date);
          found += 1;
        }
      }
    }
  }
  return result;
}

/**
 * Days whose lost time is not compensable around company shutdowns: the `span` working
 * days before each shutdown's first day and after its last (RHT-RULES.md: 5 by default).
 */
export function shutdownAdjacentDates(shutdowns: { from: string; to: string }[], workingDays: Weekday[], span = 5): Set<string> {
  const result = new Set<string>();
  const working = new Set(workingDays);
  for (const shutdown of shutdowns) {
    for (const [start, direction] of [[shutdown.from, -1], [shutdown.to, 1]] as const) {
      let found = 0;
      for (let offset = 1; found < span && offset < 62; offset += 1) {
        const date = new Date((dayIndex(start) + direction * offset) * 86_400_000).toISOString().slice(0, 10);
        if (working.has(isoWeekday(date))) {
          result.add(date);
          found += 1;
        }
      }
    }
  }
  return result;
}

export type MonthOptions = {
  /** Dates (within the month) whose lost minutes are not compensable. */
  nonCompensable: ReadonlySet<string>;
  /** Overtime/flextime balance carried in from earlier months, in minutes. */
  priorOvertimeBalance: number;
  /** Balance above this is deducted from lost time (default 20 h). */
  overtimeThreshold: number;
  /** Waiting period, in days (turned into minutes from the average planned day). */
  waitingDays: number;
  /** Excluded from RHT (notice given, fixed term, apprentice, on call, temporary). */
  excluded: boolean;
  /** Base of the loss %: normal − absences (default) or normal. */
  lossBase: "normal_minus_absences" | "normal";
};

export const defaultMonthOptions: MonthOptions = {
  nonCompensable: new Set(),
  priorOvertimeBalance: 0,
  overtimeThreshold: 20 * 60,
  waitingDays: 1,
  excluded: false,
  lossBase: "normal_minus_absences",
};

export type MonthFigures = {
  normal: number;
  worked: number;
  absences: Record<AbsenceKind, number>;
  overtime: number;
  lost: number;
  /** Lost minutes left after holiday-adjacent days, overtime deductions and the waiting period. */
  compensable: number;
  /**
   * The overtime / flextime balance after this month: the balance carried in, less what
   * offset this month's loss, plus this month's overtime that offset nothing. The next
   * month starts from it, so a balance is used once (RHT-RULES.md, Decisions).
   */
  closingOvertimeBalance: number;
  deductions: { holidayAdjacent: number; overtime: number; waitingPeriod: number };
  /** Loss as an exact fraction lost / base. */
  loss: { lost: number; base: number };
  over85: boolean;
};

export function monthFigures(days: DayRecord[], options: Partial<MonthOptions> = {}): MonthFigures {
  const o = { ...defaultMonthOptions, ...options };
  const absences = Object.fromEntries(absenceKinds.map((k) => [k, 0])) as Record<AbsenceKind, number>;
  let normal = 0;
  let worked = 0;
  let overtime = 0;
  let lost = 0;
  let holidayAdjacent = 0;
  let plannedDays = 0;
  for (const day of days) {
    normal += day.planned;
    worked += day.worked;
    // dayFigures inlined: the month of 15,000 people walks 315,000 days, most without absences,
    // so only the kinds a day holds are read (every kind covers the day, as in sum()).
    let covered = day.worked;
    for (const kind in day.absences) {
      const minutes = day.absences[kind as AbsenceKind] ?? 0;
      covered += minutes;
      if (Object.hasOwn(absences, kind)) absences[kind as AbsenceKind] += minutes;
    }
    const dayLost = Math.max(0, day.planned - covered);
    overtime += Math.max(0, covered - day.planned);
    lost += dayLost;
    if (o.nonCompensable.has(day.date)) holidayAdjacent += dayLost;
    if (day.planned > 0) plannedDays += 1;
  }
  // Order (RHT-RULES.md): daily figures → holiday-adjacent removal → overtime deductions → waiting period.
  // The month's own overtime offsets its loss first, then the balance carried in above the threshold.
  let remaining = lost - holidayAdjacent;
  const fromMonth = Math.min(remaining, overtime);
  remaining -= fromMonth;
  const fromBalance = Math.min(remaining, Math.max(0, o.priorOvertimeBalance - o.overtimeThreshold));
  remaining -= fromBalance;
  const overtimeDeduction = fromMonth + fromBalance;
  const averageDay = plannedDays > 0 ? Math.round(normal / plannedDays) : 0;
  const waitingPeriod = Math.min(remaining, o.waitingDays * averageDay);
  remaining -= waitingPeriod;
  const base = o.lossBase === "normal" ? normal : normal - sum(absences);
  return {
    normal,
    worked,
    absences,
    overtime,
    lost,
    compensable: o.excluded ? 0 : remaining,
    closingOvertimeBalance: o.priorOvertimeBalance - fromBalance + (overtime - fromMonth),
    deductions: { holidayAdjacent, overtime: overtimeDeduction, waitingPeriod },
    loss: { lost, base },
    over85: base > 0 && lost * 100 > base * 85,
  };
}

/**
 * A department qualifies when the lost minutes of its entitled employees reach at least
 * 10 % of their normal minutes less their absences (Art. 32 al. 1 let. b LACI; BGE 111 V 257:
 * paid and unpaid absences leave the base, as in the employee's loss %). `base` is that
 * normal − absences, per employee.
 */
export function departmentQualifies(employees: { lost: number; base: number; entitled: boolean }[], thresholdPercent = 10): { qualifies: boolean; lost: number; base: number } {
  const entitled = employees.filter((e) => e.entitled);
  const lost = entitled.reduce((a, e) => a + e.lost, 0);
  const base = entitled.reduce((a, e) => a + e.base, 0);
  return { qualifies: base > 0 && lost * 100 >= base * thresholdPercent, lost, base };
}

/** Normal minutes less every absence: the base of the loss % and of the unit's 10 %. */
export const normalLessAbsences = (f: { normal: number; absences: Absences }) => f.normal - sum(f.absences);

export type DayEntry = { worked: number; absenceKind: AbsenceKind | ""; absence: number; overtime: boolean };

/**
 * Why a day's entry is refused, or null: an absence only on a planned day (unpaid leave
 * excepted), and more than planned only when marked as overtime. The grid, the save and
 * the import all ask this.
 */
export function dayRefusal(planned: number, entry: DayEntry): { key: "absenceOnFreeDay" | "exceedsPlanned"; field: "absence" | "worked" } | null {
  const absences: Absences = entry.absenceKind && entry.absence > 0 ? { [entry.absenceKind]: entry.absence } : {};
  if (entry.absenceKind && entry.absence > 0 && planned === 0 && entry.absenceKind !== "unpaid") return { key: "absenceOnFreeDay", field: "absence" };
  if (dayFigures({ planned, worked: entry.worked, absences }).overtime > 0 && !entry.overtime) return { key: "exceedsPlanned", field: "worked" };
  return null;
}
