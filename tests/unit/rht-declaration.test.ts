import { describe, expect, test } from "vitest";
import { blocksApproval, checkCollector, namesPerCheck, type Check, type CheckCode, type CheckLevel, type CheckPerson } from "@/lib/rht/checks";
import {
  compensationCents,
  compensableIn,
  declaredDays,
  employeeMonth,
  exclusionReason,
  over85Periods,
  plannedOn,
  unitThreshold,
  unitThresholdAccumulator,
  type Contract,
  type EmployeeFigures,
  type ExclusionReason,
  type HistoryMonth,
  type UnitThreshold,
} from "@/lib/rht/declaration";
import { csvCell } from "@/lib/csv/write";
import { hours, percent, summaryColumns, summaryRow, totalsAccumulator, type Cell, type SummaryPerson } from "@/lib/rht/export-format";
import type { Absences, DayRecord } from "@/lib/rht/rules";
import { defaultRhtSettings, type RhtSettings } from "@/lib/settings/schemas";

// Every expected figure below is worked out by hand (see the comments), never by the code under test.
// May 2026: Fri 1, Mon 4 … Fri 29; Ascension Thu 14, Whit Monday Mon 25; 21 weekdays.

const settings = (over: Partial<RhtSettings> = {}): RhtSettings => ({ ...defaultRhtSettings, ...over });
const day = (date: string, planned: number, worked: number, absences: Absences = {}): DayRecord => ({ date, planned, worked, absences });
const history = (month: string, over85 = false): HistoryMonth => ({ month, over85 });

// Figures written out by hand for the checks and the export.
const zeroAbsences = { holiday: 0, public_holiday: 0, sickness: 0, accident: 0, service: 0, other_paid: 0, unpaid: 0 };
const noDeductions = { holidayAdjacent: 0, overtime: 0, waitingPeriod: 0 };
const figures = (over: Partial<EmployeeFigures> = {}): EmployeeFigures => ({
  normal: 10_080,
  worked: 10_080,
  absences: { ...zeroAbsences },
  overtime: 0,
  lost: 0,
  compensable: 0,
  closingOvertimeBalance: 0,
  deductions: { ...noDeductions },
  loss: { lost: 0, base: 10_080 },
  over85: false,
  thresholdLost: 0,
  thresholdBase: 10_080,
  priorOvertimeBalance: 0,
  over85Periods: 0,
  excludedReason: null,
  ...over,
});

describe("exclusion from RHT", () => {
  test.each<[string, string, boolean, ExclusionReason | null]>([
    ["permanent contract", "permanent", false, null],
    ["permanent contract, notice given", "permanent", true, "notice_given"],
    ["notice wins over the contract type", "fixed_term", true, "notice_given"],
    ["fixed term", "fixed_term", false, "fixed_term"],
    ["apprentice", "apprentice", false, "apprentice"],
    ["on call", "on_call", false, "on_call"],
    ["temporary", "temporary", false, "temporary"],
  ])("%s", (_label, contractType, noticeGiven, expected) => {
    expect(exclusionReason({ contractType, noticeGiven })).toBe(expected);
  });
});

describe("planned minutes of a date", () => {
  const fullTime: Contract = { weeklyMinutes: 2520, employmentRate: 100, employedFrom: null, employedUntil: null };
  test.each<[string, string, Partial<Contract>, number]>([
    ["Monday, 42 h over five days = 504", "2026-05-18", {}, 504],
    ["Saturday", "2026-05-16", {}, 0],
    ["Sunday", "2026-05-17", {}, 0],
    ["50 %: 1260 / 5 = 252", "2026-05-19", { employmentRate: 50 }, 252],
    ["80 % Monday gets the remainder: 2016 = 404 + 4 × 403", "2026-05-18", { employmentRate: 80 }, 404],
    ["80 % Tuesday", "2026-05-19", { employmentRate: 80 }, 403],
    ["before a mid-month entry", "2026-05-15", { employedFrom: "2026-05-18" }, 0],
    ["the entry day itself", "2026-05-18", { employedFrom: "2026-05-18" }, 504],
    ["the exit day itself", "2026-05-12", { employedUntil: "2026-05-12" }, 504],
    ["after a mid-month exit", "2026-05-13", { employedUntil: "2026-05-12" }, 0],
  ])("%s", (_label, date, contract, expected) => {
    expect(plannedOn(date, { ...fullTime, ...contract })).toBe(expected);
  });
});

describe("declared days of a month", () => {
  const fullTime: Contract = { weeklyMinutes: 2520, employmentRate: 100, employedFrom: null, employedUntil: null };
  const holidays = new Set(["2026-05-14", "2026-05-25"]);
  const entered = [
    day("2026-05-04", 504, 252), // half a day lost, as entered
    day("2026-05-14", 504, 504), // worked on Ascension: kept as entered, not turned into a holiday
    day("2026-05-16", 0, 120), // Saturday work: kept
  ];

  test("the whole month: entries kept, gaps filled with the plan, holidays booked", () => {
    const { days, missing } = declaredDays("2026-05", entered, fullTime, holidays);
    expect(days).toHaveLength(31);
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get("2026-05-01")).toEqual(day("2026-05-01", 504, 504)); // missing: worked as planned
    expect(byDate.get("2026-05-02")).toEqual(day("2026-05-02", 0, 0)); // Saturday
    expect(byDate.get("2026-05-03")).toEqual(day("2026-05-03", 0, 0)); // Sunday
    expect(byDate.get("2026-05-04")).toEqual(day("2026-05-04", 504, 252));
    expect(byDate.get("2026-05-14")).toEqual(day("2026-05-14", 504, 504));
    expect(byDate.get("2026-05-16")).toEqual(day("2026-05-16", 0, 120));
    expect(byDate.get("2026-05-25")).toEqual(day("2026-05-25", 504, 0, { public_holiday: 504 })); // Whit Monday, no entry
    // 21 weekdays − 2 entered (4th, 14th) − Whit Monday = 18 days without an entry.
    expect(missing).toBe(18);
  });

  test.each<[string, Partial<Contract>, DayRecord[], number, [string, DayRecord][]]>([
    // Only the 18th–29th are planned: 10 weekdays, Whit Monday is a holiday → 9 missing.
    [
      "mid-month entry on the 18th",
      { employedFrom: "2026-05-18" },
      [],
      9,
      [
        ["2026-05-14", day("2026-05-14", 0, 0)], // Ascension before the entry: nothing planned, no holiday
        ["2026-05-15", day("2026-05-15", 0, 0)],
        ["2026-05-18", day("2026-05-18", 504, 504)],
        ["2026-05-25", day("2026-05-25", 504, 0, { public_holiday: 504 })],
      ],
    ],
    // Only the 1st–12th are planned: 1st, 4th–8th, 11th, 12th = 8 weekdays, no holiday among them.
    [
      "mid-month exit on the 12th",
      { employedUntil: "2026-05-12" },
      [],
      8,
      [
        ["2026-05-12", day("2026-05-12", 504, 504)],
        ["2026-05-13", day("2026-05-13", 0, 0)],
        ["2026-05-14", day("2026-05-14", 0, 0)],
        ["2026-05-25", day("2026-05-25", 0, 0)],
      ],
    ],
    // 50 %: 252 a day; the 4th is entered, so 21 − 1 − 2 holidays = 18 missing.
    [
      "part time, one entry",
      { employmentRate: 50 },
      [day("2026-05-04", 252, 0)],
      18,
      [
        ["2026-05-04", day("2026-05-04", 252, 0)],
        ["2026-05-05", day("2026-05-05", 252, 252)],
        ["2026-05-14", day("2026-05-14", 252, 0, { public_holiday: 252 })],
      ],
    ],
  ])("%s", (_label, contract, enteredDays, missing, expectedDays) => {
    const result = declaredDays("2026-05", enteredDays, { ...fullTime, ...contract }, holidays);
    expect(result.missing).toBe(missing);
    const byDate = new Map(result.days.map((d) => [d.date, d]));
    for (const [date, expected] of expectedDays) expect(byDate.get(date)).toEqual(expected);
  });

  test("a missing day is never declared as lost", () => {
    const { days } = declaredDays("2026-05", [], fullTime, holidays);
    const lost = days.reduce((a, d) => a + Math.max(0, d.planned - d.worked - (d.absences.public_holiday ?? 0)), 0);
    expect(lost).toBe(0);
    // 21 weekdays × 504 planned.
    expect(days.reduce((a, d) => a + d.planned, 0)).toBe(10_584);
  });
});

describe("periods above 85 %", () => {
  // For May 2026; a 24-month window is June 2024 … May 2026.
  const past = [
    history("2024-05", true), // 25th month back: outside
    history("2024-06", true), // first month of the window
    history("2025-12", true),
    history("2026-03", false), // not above 85 %
    history("2026-05", true), // this month comes from the flag, not the history
    history("2026-07", true), // later: ignored
  ];
  test.each<[string, number, boolean, number]>([
    ["24 months, this month above", 24, true, 3],
    ["24 months, this month not above", 24, false, 2],
    ["25 months reaches May 2024", 25, true, 4],
    ["1 month: only this one", 1, true, 1],
    ["1 month, this month not above", 1, false, 0],
  ])("%s", (_label, window, thisMonth, expected) => {
    expect(over85Periods(past, "2026-05", window, thisMonth)).toBe(expected);
  });
});

describe("one employee's month", () => {
  const holidays = ["2026-05-14", "2026-05-25"];
  // Full time (504 a day) around Ascension, Thursday 14 May. Adjacent days (2 each side): 12, 13, 15, 18.
  const ascensionWeek = [
    day("2026-05-11", 504, 504), // nothing lost
    day("2026-05-12", 504, 252), // adjacent: 252 lost
    day("2026-05-13", 504, 252), // adjacent: 252 lost
    day("2026-05-14", 504, 0, { public_holiday: 504 }), // Ascension: never lost
    day("2026-05-15", 504, 0), // adjacent: 504 lost
    day("2026-05-16", 0, 0),
    day("2026-05-17", 0, 0),
    day("2026-05-18", 504, 252), // adjacent: 252 lost
    day("2026-05-19", 504, 0), // 504 lost
    day("2026-05-20", 504, 0), // 504 lost
  ];
  // normal 8 × 504 = 4032, lost 2268 of which 1260 adjacent; average day 504; base 4032 − 504 = 3528.
  const saturdayWork = ascensionWeek.map((d) => (d.date === "2026-05-16" ? day("2026-05-16", 0, 120) : d));
  // 50 % (252 a day), same week.
  const partTime = [
    day("2026-05-11", 252, 0, { sickness: 252 }), // sick: not lost
    day("2026-05-12", 252, 252), // adjacent, nothing lost
    day("2026-05-13", 252, 126), // adjacent: 126 lost
    day("2026-05-14", 252, 0, { public_holiday: 252 }),
    day("2026-05-15", 252, 0), // adjacent: 252 lost
    day("2026-05-19", 252, 0), // 252 lost
    day("2026-05-20", 252, 126), // 126 lost
  ];
  // normal 7 × 252 = 1764, worked 504, lost 756 (378 adjacent), average day 252, base 1764 − 504 = 1260.

  type Case = {
    label: string;
    days: DayRecord[];
    settings?: Partial<RhtSettings>;
    opening?: number;
    excluded?: ExclusionReason;
    expected: Partial<EmployeeFigures>;
  };
  test.each<Case>([
    {
      label: "holiday-adjacent days removed, then one waiting day of 504",
      days: ascensionWeek,
      // 2268 − 1260 = 1008 → − 504 waiting = 504.
      expected: {
        normal: 4032,
        worked: 1260,
        absences: { ...zeroAbsences, public_holiday: 504 },
        lost: 2268,
        deductions: { holidayAdjacent: 1260, overtime: 0, waitingPeriod: 504 },
        compensable: 504,
        thresholdLost: 1008,
        loss: { lost: 2268, base: 3528 },
        over85: false,
        priorOvertimeBalance: 0,
        over85Periods: 0,
        excludedReason: null,
      },
    },
    {
      label: "holiday-adjacent rule off",
      days: ascensionWeek,
      settings: { holidayAdjacentDays: 0 },
      // 2268 − 504 waiting.
      expected: { deductions: { holidayAdjacent: 0, overtime: 0, waitingPeriod: 504 }, compensable: 1764, thresholdLost: 2268 },
    },
    {
      label: "waiting period 0",
      days: ascensionWeek,
      settings: { waitingDays: 0 },
      expected: { deductions: { holidayAdjacent: 1260, overtime: 0, waitingPeriod: 0 }, compensable: 1008, thresholdLost: 1008 },
    },
    {
      label: "waiting period of half a day",
      days: ascensionWeek,
      settings: { waitingDays: 0.5 },
      // 0.5 × 504 = 252; 1008 − 252.
      expected: { deductions: { holidayAdjacent: 1260, overtime: 0, waitingPeriod: 252 }, compensable: 756 },
    },
    {
      label: "a waiting period longer than what is left takes only what is left",
      days: ascensionWeek,
      settings: { waitingDays: 3 },
      // 3 × 504 = 1512 > 1008.
      expected: { deductions: { holidayAdjacent: 1260, overtime: 0, waitingPeriod: 1008 }, compensable: 0, thresholdLost: 1008 },
    },
    {
      label: "overtime balance of 25 h above the 20 h threshold: 300 deducted",
      days: ascensionWeek,
      opening: 1500,
      // 1008 − 300 = 708 → − 504 = 204.
      expected: { priorOvertimeBalance: 1500, deductions: { holidayAdjacent: 1260, overtime: 300, waitingPeriod: 504 }, compensable: 204, thresholdLost: 708 },
    },
    {
      label: "overtime balance exactly at the threshold: nothing deducted",
      days: ascensionWeek,
      opening: 1200,
      expected: { priorOvertimeBalance: 1200, deductions: { holidayAdjacent: 1260, overtime: 0, waitingPeriod: 504 }, compensable: 504 },
    },
    {
      label: "overtime worked this month and the balance both deducted",
      days: saturdayWork,
      opening: 1500,
      // 120 min on Saturday + (1500 − 1200) = 420; 1008 − 420 = 588 → − 504 = 84.
      expected: { worked: 1380, overtime: 120, deductions: { holidayAdjacent: 1260, overtime: 420, waitingPeriod: 504 }, compensable: 84, thresholdLost: 588 },
    },
    {
      label: "excluded employee: figures kept, nothing compensable",
      days: ascensionWeek,
      excluded: "temporary",
      expected: { lost: 2268, deductions: { holidayAdjacent: 1260, overtime: 0, waitingPeriod: 504 }, compensable: 0, thresholdLost: 1008, excludedReason: "temporary" },
    },
    {
      label: "part time 50 %: the waiting day is their own average day (252)",
      days: partTime,
      // 756 − 378 adjacent = 378 → − 252 = 126; loss 756 / 1260 = 60 %.
      expected: {
        normal: 1764,
        worked: 504,
        absences: { ...zeroAbsences, public_holiday: 252, sickness: 252 },
        lost: 756,
        deductions: { holidayAdjacent: 378, overtime: 0, waitingPeriod: 252 },
        compensable: 126,
        thresholdLost: 378,
        loss: { lost: 756, base: 1260 },
        over85: false,
      },
    },
  ])("$label", ({ days, settings: over, opening, excluded, expected }) => {
    const figures = employeeMonth({ month: "2026-05", days, holidays, excludedReason: excluded ?? null, history: [], openingBalance: opening ?? 0, settings: settings(over) });
    expect(figures).toMatchObject(expected);
  });

  // Three days planned 500: 500 lost, 350 (or 351) lost, one day sick. normal 1500, absences 500.
  const boundary = (secondDayWorked: number) => [day("2026-05-04", 500, 0), day("2026-05-05", 500, secondDayWorked), day("2026-05-06", 500, 0, { sickness: 500 })];
  const twoEarlierPeriods = [history("2025-01", true), history("2026-02", true)];
  test.each<[string, number, Partial<RhtSettings>, { lost: number; base: number }, boolean, number]>([
    // 850 × 100 = 85 000 = 1000 × 85: not above.
    ["exactly 85 % of normal − absences is not above", 150, {}, { lost: 850, base: 1000 }, false, 2],
    // 851 × 100 = 85 100 > 85 000: above, and this month is the third period.
    ["one minute more is above", 149, {}, { lost: 851, base: 1000 }, true, 3],
    // Base 1500: 85 100 < 127 500.
    ["with base normal the same month is not above", 149, { lossBase: "normal" }, { lost: 851, base: 1500 }, false, 2],
    // 100 000 < 1500 × 85 = 127 500: not above.
    ["base normal, everything but the sick day lost", 0, { lossBase: "normal" }, { lost: 1000, base: 1500 }, false, 2],
    // 1000 of 1000 (100 %): above.
    ["base normal − absences, everything but the sick day lost", 0, {}, { lost: 1000, base: 1000 }, true, 3],
  ])("%s", (_label, worked, over, loss, over85, periods) => {
    const figures = employeeMonth({ month: "2026-05", days: boundary(worked), holidays, excludedReason: null, history: twoEarlierPeriods, openingBalance: 0, settings: settings(over) });
    expect(figures.loss).toEqual(loss);
    expect(figures.over85).toBe(over85);
    expect(figures.over85Periods).toBe(periods);
  });
});

describe("unit 10 % threshold", () => {
  // No absences here: the base is the normal minutes (absences: see rht-decisions.test.ts).
  const p = (thresholdLost: number, normal: number, excludedReason: ExclusionReason | null = null) => ({ thresholdLost, normal, absences: {}, excludedReason });
  test.each<[string, ReturnType<typeof p>[], Partial<RhtSettings>, UnitThreshold]>([
    ["exactly 10 %", [p(100, 1000)], {}, { qualifies: true, lost: 100, base: 1000 }],
    ["one minute under 10 %", [p(99, 1000)], {}, { qualifies: false, lost: 99, base: 1000 }],
    ["two people, 200 of 2000 together", [p(150, 1000), p(50, 1000)], {}, { qualifies: true, lost: 200, base: 2000 }],
    ["an excluded colleague without loss does not dilute", [p(100, 1000), p(0, 1000, "fixed_term")], {}, { qualifies: true, lost: 100, base: 1000 }],
    ["an excluded colleague's loss does not help", [p(99, 1000), p(1000, 1000, "notice_given")], {}, { qualifies: false, lost: 99, base: 1000 }],
    ["all entitled: a colleague without loss dilutes", [p(100, 1000), p(0, 1000)], {}, { qualifies: false, lost: 100, base: 2000 }],
    ["with loss only: a colleague without loss is left out", [p(100, 1000), p(0, 1000)], { departmentBase: "with_loss" }, { qualifies: true, lost: 100, base: 1000 }],
    ["with loss only: still one minute short", [p(99, 1000), p(0, 5000)], { departmentBase: "with_loss" }, { qualifies: false, lost: 99, base: 1000 }],
    ["a 20 % setting", [p(199, 1000)], { thresholdPercent: 20 }, { qualifies: false, lost: 199, base: 1000 }],
    ["nobody", [], {}, { qualifies: false, lost: 0, base: 0 }],
    ["only excluded people", [p(500, 1000, "apprentice")], {}, { qualifies: false, lost: 0, base: 0 }],
  ])("%s", (_label, people, over, expected) => {
    const s = settings(over);
    expect(unitThreshold(people, s)).toEqual(expected);
    const accumulator = unitThresholdAccumulator(s);
    for (const person of people) accumulator.add(person);
    expect(accumulator.result()).toEqual(expected);
  });

  test.each<[string, boolean, number]>([
    ["unit qualifies: compensable kept", true, 300],
    ["unit below 10 %: nothing compensable", false, 0],
  ])("%s", (_label, qualifies, expected) => {
    expect(compensableIn({ compensable: 300 }, { qualifies, lost: 100, base: 1000 })).toBe(expected);
  });
});

describe("checks before export", () => {
  const person = (over: Partial<CheckPerson> = {}): CheckPerson => ({ number: "1001", name: "Anna Muster", unitId: "u1", status: "submitted", entries: 20, missingDays: 0, figures: figures(), ...over });
  const codes = (checks: Check[]) => checks.map((c) => [c.code, c.level]);

  test.each<[string, CheckPerson, Partial<RhtSettings>, [CheckCode, CheckLevel][]]>([
    ["submitted and complete: nothing", person(), {}, []],
    ["approved and complete: nothing", person({ status: "approved" }), {}, []],
    ["draft with entries: unsubmitted", person({ status: "draft", entries: 5 }), {}, [["unsubmitted", "error"]]],
    ["draft with entries and missing days: only unsubmitted", person({ status: "draft", entries: 5, missingDays: 3 }), {}, [["unsubmitted", "error"]]],
    ["submitted with missing days: incomplete", person({ missingDays: 2 }), {}, [["incomplete", "error"]]],
    ["no entries, still draft: warning", person({ status: "draft", entries: 0, missingDays: 21 }), {}, [["noEntries", "warning"]]],
    ["no entries but excluded: only the exclusion", person({ status: "draft", entries: 0, figures: figures({ excludedReason: "apprentice" }) }), {}, [["excluded", "info"]]],
    ["excluded and submitted", person({ figures: figures({ excludedReason: "fixed_term" }) }), {}, [["excluded", "info"]]],
    // over85Periods counts this month; 4 of at most 4 is still allowed.
    ["over 85 %, fourth period", person({ figures: figures({ over85: true, over85Periods: 4 }) }), {}, [["over85", "warning"]]],
    ["over 85 %, fifth period: over the limit", person({ figures: figures({ over85: true, over85Periods: 5 }) }), {}, [["over85Limit", "warning"]]],
    ["over 85 %, limit set to 2, third period", person({ figures: figures({ over85: true, over85Periods: 3 }) }), { over85MaxPeriods: 2 }, [["over85Limit", "warning"]]],
    ["over 85 % but excluded: only the exclusion", person({ figures: figures({ over85: true, over85Periods: 5, excludedReason: "on_call" }) }), {}, [["excluded", "info"]]],
    ["periods counted without being over 85 % this month: nothing", person({ figures: figures({ over85: false, over85Periods: 6 }) }), {}, []],
    ["overtime balance 1201 > 1200 with lost time", person({ figures: figures({ priorOvertimeBalance: 1201, lost: 60 }) }), {}, [["overtimeBalance", "info"]]],
    ["overtime balance exactly 1200: nothing", person({ figures: figures({ priorOvertimeBalance: 1200, lost: 60 }) }), {}, []],
    ["overtime balance but no lost time: nothing", person({ figures: figures({ priorOvertimeBalance: 3000, lost: 0 }) }), {}, []],
    ["overtime balance with a 30 h threshold: nothing", person({ figures: figures({ priorOvertimeBalance: 1500, lost: 60 }) }), { overtimeThresholdMinutes: 1800 }, []],
    ["waiting period deducted", person({ figures: figures({ deductions: { ...noDeductions, waitingPeriod: 504 } }) }), {}, [["waitingPeriod", "info"]]],
    ["holiday-adjacent loss deducted", person({ figures: figures({ deductions: { ...noDeductions, holidayAdjacent: 252 } }) }), {}, [["holidayAdjacent", "info"]]],
    [
      "several at once, errors first",
      person({ status: "draft", entries: 3, figures: figures({ over85: true, over85Periods: 1, lost: 60, priorOvertimeBalance: 1300, deductions: { holidayAdjacent: 10, overtime: 100, waitingPeriod: 504 } }) }),
      {},
      [
        ["unsubmitted", "error"],
        ["over85", "warning"],
        ["overtimeBalance", "info"],
        ["waitingPeriod", "info"],
        ["holidayAdjacent", "info"],
      ],
    ],
  ])("%s", (_label, p, over, expected) => {
    const collector = checkCollector(settings(over));
    collector.person(p);
    expect(codes(collector.result())).toEqual(expected);
  });

  test.each<[string, UnitThreshold, [CheckCode, CheckLevel][]]>([
    ["lost time below 10 %: warning", { qualifies: false, lost: 99, base: 1000 }, [["underThreshold", "warning"]]],
    ["no lost time at all: nothing", { qualifies: false, lost: 0, base: 1000 }, []],
    ["qualifies: nothing", { qualifies: true, lost: 100, base: 1000 }, []],
  ])("unit: %s", (_label, threshold, expected) => {
    const collector = checkCollector(settings());
    collector.unit("u1", threshold);
    const checks = collector.result();
    expect(codes(checks)).toEqual(expected);
    if (expected.length) expect(checks[0]).toEqual({ level: "warning", code: "underThreshold", unitId: "u1", count: 1, people: [] });
  });

  test("names are capped per check while the count goes on", () => {
    const collector = checkCollector(settings());
    for (let i = 1; i <= 12; i += 1) collector.person(person({ number: String(1000 + i), name: `Person ${i}`, status: "draft", entries: 1 }));
    const [check] = collector.result();
    expect(namesPerCheck).toBe(10);
    expect(check).toMatchObject({ level: "error", code: "unsubmitted", unitId: "u1", count: 12 });
    expect(check.people).toEqual(Array.from({ length: 10 }, (_, i) => `Person ${i + 1} (${1001 + i})`));
  });

  test("checks of different units stay apart; errors, then warnings, then information", () => {
    const collector = checkCollector(settings());
    // Noted in the reverse order on purpose.
    collector.person(person({ unitId: "u2", figures: figures({ deductions: { ...noDeductions, holidayAdjacent: 30 } }) }));
    collector.person(person({ unitId: "u2", status: "draft", entries: 0 }));
    collector.unit("u2", { qualifies: false, lost: 50, base: 1000 });
    collector.person(person({ unitId: "u1", figures: figures({ excludedReason: "temporary" }) }));
    collector.person(person({ unitId: "u1", missingDays: 1 }));
    collector.person(person({ unitId: "u2", missingDays: 1 }));
    const checks = collector.result();
    expect(checks.map((c) => c.level)).toEqual(["error", "error", "warning", "warning", "info", "info"]);
    expect(checks.map((c) => `${c.unitId}:${c.code}`)).toEqual(["u1:incomplete", "u2:incomplete", "u2:underThreshold", "u2:noEntries", "u2:holidayAdjacent", "u1:excluded"]);
    expect(checks.every((c) => c.count === 1)).toBe(true);
  });

  test("only a unit with an error blocks approval", () => {
    const collector = checkCollector(settings());
    collector.person(person({ unitId: "u1", status: "draft", entries: 4 })); // error
    collector.person(person({ unitId: "u2", status: "draft", entries: 0 })); // warning
    collector.unit("u2", { qualifies: false, lost: 50, base: 1000 }); // warning
    collector.person(person({ unitId: "u3", figures: figures({ excludedReason: "on_call" }) })); // info
    const checks = collector.result();
    expect(blocksApproval(checks, "u1")).toBe(true);
    expect(blocksApproval(checks, "u2")).toBe(false);
    expect(blocksApproval(checks, "u3")).toBe(false);
    expect(blocksApproval(checks, "u4")).toBe(false);
  });
});

describe("export format", () => {
  test.each<[string, Cell, string]>([
    ["null is empty", null, ""],
    ["a number as is", 12.5, "12.5"],
    ["a negative number is not escaped", -3, "-3"],
    ["zero", 0, "0"],
    ["plain text", "Muster", "Muster"],
    ["empty text", "", ""],
    ["formula =", "=SUM(A1)", "'=SUM(A1)"],
    ["formula +", "+41 79 000 00 00", "'+41 79 000 00 00"],
    ["formula - (text, not number)", "-5", "'-5"],
    ["formula @", "@cmd", "'@cmd"],
    ["leading tab", "\tx", "'\tx"],
    ["leading carriage return: apostrophe, then quoted for the CR", "\rx", "\"'\rx\""],
    ["a dash inside is harmless", "Jean-Luc", "Jean-Luc"],
    ["semicolon quoted", "a;b", '"a;b"'],
    ["quotes doubled", 'say "hi"', '"say ""hi"""'],
    ["line break quoted", "line 1\nline 2", '"line 1\nline 2"'],
    ["formula with a separator: both", "=1;2", "\"'=1;2\""],
  ])("csvCell: %s", (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test.each<[number, number]>([
    [0, 0],
    [1, 0.02], // 0.0167
    [10, 0.17], // 0.1667
    [30, 0.5],
    [50, 0.83], // 0.8333
    [59, 0.98], // 0.9833
    [60, 1],
    [100, 1.67], // 1.6667
    [504, 8.4],
    [2520, 42],
  ])("hours(%i) = %d", (minutes, expected) => {
    expect(hours(minutes)).toBe(expected);
  });

  test.each<[number, number, number]>([
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 7, 14.29], // 14.2857
    [1, 8, 12.5],
    [1, 32, 3.13], // 3.125 rounds up
    [850, 1000, 85],
    [2268, 3428, 66.16], // 66.161
    [0, 0, 0],
    [5, 0, 0],
  ])("percent(%i, %i) = %d", (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });

  const unitOk: UnitThreshold = { qualifies: true, lost: 1008, base: 4032 };
  const unitBelow: UnitThreshold = { qualifies: false, lost: 99, base: 1000 };
  const anna: SummaryPerson = {
    number: "1001",
    lastName: "Muster",
    firstName: "Anna",
    orgUnit: "Atelier",
    employmentRate: 100,
    figures: figures({
      normal: 4032,
      worked: 1261,
      absences: { ...zeroAbsences, public_holiday: 504, sickness: 100 },
      overtime: 10,
      lost: 2268,
      deductions: { holidayAdjacent: 1260, overtime: 300, waitingPeriod: 504 },
      compensable: 204,
      loss: { lost: 2268, base: 3428 },
      over85Periods: 1,
    }),
    hr: { avsNumber: "756.1234.5678.97", birthDate: "1980-04-12", wageCents: 612_345 },
  };
  const label = (reason: string) => `excluded: ${reason}`;
  const pairs = (row: Cell[]) => summaryColumns.map((c, i) => [c, row[i]]);

  test("summary row: every column in order", () => {
    const row = summaryRow(anna, unitOk, label);
    expect(row).toHaveLength(summaryColumns.length);
    expect(pairs(row)).toEqual([
      ["number", "1001"],
      ["lastName", "Muster"],
      ["firstName", "Anna"],
      ["avsNumber", "756.1234.5678.97"],
      ["birthDate", "1980-04-12"],
      ["orgUnit", "Atelier"],
      ["employmentRate", 100],
      ["normal", 67.2], // 4032 / 60
      ["worked", 21.02], // 21.0167
      ["absence_holiday", 0],
      ["absence_public_holiday", 8.4],
      ["absence_sickness", 1.67], // 100 min
      ["absence_accident", 0],
      ["absence_service", 0],
      ["absence_other_paid", 0],
      ["absence_unpaid", 0],
      ["overtime", 0.17], // 10 min
      ["lost", 37.8],
      ["holidayAdjacent", 21],
      ["overtimeDeduction", 5],
      ["waitingPeriod", 8.4],
      ["compensable", 3.4], // 204 min
      ["lossPercent", 66.16], // 2268 / 3428
      ["over85Periods", 1],
      ["avsWage", 6123.45],
      ["compensation", 247.85], // 80 % of 6123.45 × 204 / 4032, under the insured cap
      ["excluded", null],
    ]);
  });

  test("summary row: nothing compensable below 10 %; HR data absent; exclusion labelled", () => {
    const row = summaryRow({ ...anna, hr: null, figures: { ...anna.figures, excludedReason: "fixed_term" } }, unitBelow, label);
    const byColumn = Object.fromEntries(pairs(row));
    expect(byColumn).toMatchObject({
      number: "1001",
      lastName: "Muster",
      firstName: "Anna",
      orgUnit: "Atelier",
      avsNumber: null,
      birthDate: null,
      avsWage: null,
      compensable: 0,
      lost: 37.8,
      excluded: "excluded: fixed_term",
    });
  });

  test("summary row: HR present without a wage", () => {
    const byColumn = Object.fromEntries(pairs(summaryRow({ ...anna, hr: { avsNumber: "756.0000.0000.02", birthDate: null, wageCents: null } }, unitOk, label)));
    expect(byColumn).toMatchObject({ avsNumber: "756.0000.0000.02", birthDate: null, avsWage: null });
  });

  // Three people with 50 normal, 49 worked, 1 lost: each cell rounds 1 min to 0.02 h and 50 to 0.83 h,
  // which would sum to 0.06 and 2.49; the totals come from the minutes: 3 min = 0.05 h, 150 min = 2.5 h.
  const small = (over: Partial<EmployeeFigures> = {}) => figures({ normal: 50, worked: 49, lost: 1, compensable: 1, loss: { lost: 1, base: 50 }, ...over });
  const totalsFor = (unit: UnitThreshold) => {
    const totals = totalsAccumulator();
    totals.add(small(), unit, 100_001);
    totals.add(small(), unit, null);
    totals.add(small({ absences: { ...zeroAbsences, sickness: 20 } }), unit, 33);
    return totals;
  };

  test("totals row from minutes, not from rounded cells", () => {
    const totals = totalsFor(unitOk);
    expect(totals.people).toBe(3);
    expect(pairs(totals.row("Total"))).toEqual([
      ["number", "Total"],
      ["lastName", null],
      ["firstName", null],
      ["avsNumber", null],
      ["birthDate", null],
      ["orgUnit", null],
      ["employmentRate", null],
      ["normal", 2.5], // 150 min, not 3 × 0.83
      ["worked", 2.45], // 147 min, not 3 × 0.82
      ["absence_holiday", 0],
      ["absence_public_holiday", 0],
      ["absence_sickness", 0.33], // 20 min
      ["absence_accident", 0],
      ["absence_service", 0],
      ["absence_other_paid", 0],
      ["absence_unpaid", 0],
      ["overtime", 0],
      ["lost", 0.05], // 3 min, not 3 × 0.02
      ["holidayAdjacent", 0],
      ["overtimeDeduction", 0],
      ["waitingPeriod", 0],
      ["compensable", 0.05],
      ["lossPercent", 2], // 3 / 150
      ["over85Periods", null],
      ["avsWage", 1000.34], // 100 001 + 0 + 33 cents
      ["compensation", 16.01], // 1600 + nothing without a wage + 1 cent, each rounded to the centime
      ["excluded", null],
    ]);
  });

  test("totals row: nothing compensable in a unit below 10 %", () => {
    const byColumn = Object.fromEntries(pairs(totalsFor(unitBelow).row("Total")));
    expect(byColumn).toMatchObject({ lost: 0.05, compensable: 0 });
  });
});

describe("compensation (Art. 34 LACI)", () => {
  test.each<[string, number, number, number | null, number, number | null]>([
    ["80 % of the lost share of the wage", 10_000, 2_500, 600_000, 148_200, 120_000], // 6000 × 25 % × 80 %
    ["the wage is capped at the insured maximum (12,350 a month)", 10_000, 2_500, 2_000_000, 148_200, 247_000], // 12 350 × 25 % × 80 %
    ["nothing compensable, nothing paid", 10_000, 0, 600_000, 148_200, 0],
    ["no wage on the roster: no figure", 10_000, 2_500, null, 148_200, null],
    ["no planned time: no figure", 0, 0, 600_000, 148_200, null],
  ])("%s", (_label, normal, compensable, wage, cap, expected) => {
    expect(compensationCents({ normal }, compensable, wage, cap)).toBe(expected);
  });
});
