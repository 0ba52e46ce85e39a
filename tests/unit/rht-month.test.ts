import { describe, expect, test } from "vitest";
import { nonCompensableDates } from "@/lib/rht/declaration";
import { daysOfMonth, shiftMonth } from "@/lib/rht/month";
import { holidayAdjacentDates, isoWeekday, shutdownAdjacentDates } from "@/lib/rht/rules";
import { defaultRhtSettings } from "@/lib/settings/schemas";

// The month and date helpers the export calls for each of 15,000 employees are computed without
// Date objects or kept once per input (lib/rht/month.ts, rules.ts, declaration.ts): each must
// equal the plain calendar computation it replaced, over years of months and days.

const byCalendar = (month: string, by: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
};

describe("months and days, as the calendar counts them", () => {
  test("shiftMonth equals the calendar's, forwards and backwards across years", () => {
    for (let y = 1999; y <= 2031; y += 1)
      for (let m = 1; m <= 12; m += 1) {
        const month = `${y}-${String(m).padStart(2, "0")}`;
        for (const by of [-25, -13, -12, -11, -1, 0, 1, 11, 12, 13, 25]) expect(shiftMonth(month, by)).toBe(byCalendar(month, by));
      }
  });

  test.each([
    ["2026-02", 28, "2026-02-28"],
    ["2028-02", 29, "2028-02-29"],
    ["2026-11", 30, "2026-11-30"],
    ["2026-12", 31, "2026-12-31"],
  ])("daysOfMonth(%s): %i days, the last %s; asked again, the same list, which cannot be changed", (month, count, last) => {
    const days = daysOfMonth(month);
    expect(days).toHaveLength(count);
    expect(days[0]).toBe(`${month}-01`);
    expect(days[count - 1]).toBe(last);
    expect(daysOfMonth(month)).toBe(days);
    expect(() => (days as string[]).push("2026-13-01")).toThrow();
  });

  test("isoWeekday equals the calendar's for every day of ten years, asked twice", () => {
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2030, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const expected = ((new Date(t).getUTCDay() + 6) % 7) + 1;
      expect(isoWeekday(iso)).toBe(expected);
      expect(isoWeekday(iso)).toBe(expected);
    }
  });

  test("the non-compensable days kept per holidays and settings equal a fresh computation, for each combination", () => {
    const cantons = [["2026-11-01"], ["2026-12-08", "2026-12-25", "2026-12-26"], ["2026-12-25", "2026-12-26"], []];
    const settings = [
      defaultRhtSettings,
      { ...defaultRhtSettings, holidayAdjacentDays: 0 },
      { ...defaultRhtSettings, shutdowns: [{ from: "2026-12-24", to: "2027-01-04" }], shutdownAdjacentDays: 3 },
      { ...defaultRhtSettings, shutdowns: [{ from: "2026-12-24", to: "2027-01-04" }], shutdownAdjacentDays: 0, holidayAdjacentDays: 1 },
    ];
    for (let round = 0; round < 2; round += 1)
      for (const holidays of cantons)
        for (const s of settings) {
          const fresh = new Set([
            ...(s.holidayAdjacentDays > 0 ? holidayAdjacentDates(holidays, [1, 2, 3, 4, 5], s.holidayAdjacentDays) : []),
            ...(s.shutdownAdjacentDays > 0 ? shutdownAdjacentDates(s.shutdowns, [1, 2, 3, 4, 5], s.shutdownAdjacentDays) : []),
          ]);
          expect([...nonCompensableDates(holidays, s)].sort()).toEqual([...fresh].sort());
          // The same content in new objects (another export's arrays and settings) too.
          expect([...nonCompensableDates([...holidays], { ...s })].sort()).toEqual([...fresh].sort());
        }
  });
});
