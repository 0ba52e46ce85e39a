import { describe, expect, test } from "vitest";
import {
  compensableIn,
  employeeMonth,
  unitThreshold,
  unitThresholdAccumulator,
  type EmployeeFigures,
  type ExclusionReason,
  type UnitThreshold,
} from "@/lib/rht/declaration";
import type { DayRecord } from "@/lib/rht/rules";
import type { RhtSettings } from "@/lib/settings/schemas";
import { day, history, settings, zeroAbsences } from "../support/rht-figures";

// One employee's month and the unit's 10 % threshold (split from rht-declaration.test.ts).
// Every expected figure below is worked out by hand (see the comments), never by the code under test.
// May 2026: Fri 1, Mon 4 … Fri 29; Ascension Thu 14, Whit Monday Mon 25; 21 weekdays.

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
