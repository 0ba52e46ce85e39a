import { describe, expect, test } from "vitest";
import {
  compensationCents,
  declaredDays,
  exclusionReason,
  over85Periods,
  plannedOn,
  type Contract,
  type ExclusionReason,
} from "@/lib/rht/declaration";
import type { DayRecord } from "@/lib/rht/rules";
import { day, history } from "../support/rht-figures";

// Every expected figure below is worked out by hand (see the comments), never by the code under test.
// May 2026: Fri 1, Mon 4 … Fri 29; Ascension Thu 14, Whit Monday Mon 25; 21 weekdays.

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
