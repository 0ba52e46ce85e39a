import { describe, expect, test } from "vitest";
import { emptyWorkingDays, filledDay, isEmptyEntry } from "@/lib/rht/filled";

// RHT-RULES.md, Decisions: an untouched day is empty, not "worked 0"; a planned public holiday is never lost.

describe("empty days", () => {
  test("a working day without an entry is empty; a planned public holiday, a free day or a filled day is not", () => {
    expect(
      emptyWorkingDays([
        { planned: 504, holiday: null, filled: false },
        { planned: 504, holiday: "Ascension", filled: false },
        { planned: 0, holiday: null, filled: false },
        { planned: 504, holiday: null, filled: true },
        { planned: 252, holiday: false, filled: false },
      ]),
    ).toBe(2);
  });

  test("nothing typed is empty; '0', an absence or an overtime tick is a filled day", () => {
    const blank = { worked: null, absenceKind: "" as const, absence: null, overtime: false };
    expect(isEmptyEntry(blank)).toBe(true);
    expect(isEmptyEntry({ ...blank, worked: 0 })).toBe(false);
    expect(isEmptyEntry({ ...blank, absenceKind: "sickness" })).toBe(false);
    expect(isEmptyEntry({ ...blank, overtime: true })).toBe(false);
  });
});

describe("a filled day", () => {
  const entry = (worked: number | null, absenceKind: "" | "public_holiday" | "sickness" = "", absence: number | null = null, overtime = false) => ({ worked, absenceKind, absence, overtime });

  test("on a planned public holiday the rest of the plan is booked as public holiday, whatever the entry said of it", () => {
    expect(filledDay(504, true, entry(240))).toEqual({ refusal: null, worked: 240, absences: { public_holiday: 264 } });
    expect(filledDay(504, true, entry(300, "public_holiday", 264))).toEqual({ refusal: null, worked: 300, absences: { public_holiday: 204 } });
    expect(filledDay(504, true, entry(null, "sickness", 100))).toEqual({ refusal: null, worked: 0, absences: { sickness: 100, public_holiday: 404 } });
  });

  test("any other day is checked and stored as entered", () => {
    expect(filledDay(504, false, entry(0))).toEqual({ refusal: null, worked: 0, absences: {} });
    expect(filledDay(504, false, entry(600)).refusal).toEqual({ key: "exceedsPlanned", field: "worked" });
    expect(filledDay(504, true, entry(600)).refusal).toEqual({ key: "exceedsPlanned", field: "worked" });
    expect(filledDay(0, false, entry(null, "sickness", 60)).refusal).toEqual({ key: "absenceOnFreeDay", field: "absence" });
  });
});
