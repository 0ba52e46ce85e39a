import { describe, expect, test } from "vitest";
import { dayFigures, departmentQualifies, holidayAdjacentDates, monthFigures, plannedPerWeekday, type DayRecord, type Weekday } from "@/lib/rht/rules";

const weekdays: Weekday[] = [1, 2, 3, 4, 5];

describe("planned minutes per working day", () => {
  test.each<[string, number, number, Weekday[], [Weekday, number][]]>([
    ["42 h full time, Monday to Friday", 2520, 100, weekdays, [[1, 504], [2, 504], [3, 504], [4, 504], [5, 504]]],
    ["80 % over five days", 2520, 80, weekdays, [[1, 404], [2, 403], [3, 403], [4, 403], [5, 403]]],
    ["80 % over four days", 2520, 80, [1, 2, 3, 4], [[1, 504], [2, 504], [3, 504], [4, 504]]],
    ["50 % over three days (remainder to the first)", 2520, 50, [2, 3, 5], [[2, 420], [3, 420], [5, 420]]],
    ["41 h over five days", 2460, 100, weekdays, [[1, 492], [2, 492], [3, 492], [4, 492], [5, 492]]],
    ["no working day", 2520, 100, [], []],
  ])("%s", (_label, weekly, rate, days, expected) => {
    const planned = plannedPerWeekday(weekly, rate, days);
    expect([...planned.entries()]).toEqual(expected);
    expect([...planned.values()].reduce((a, b) => a + b, 0)).toBe(days.length ? Math.round((weekly * rate) / 100) : 0);
  });
});

describe("day figures", () => {
  test.each([
    ["full day worked", { planned: 504, worked: 504, absences: {} }, 0, 0],
    ["half day lost", { planned: 504, worked: 252, absences: {} }, 252, 0],
    ["nothing worked", { planned: 504, worked: 0, absences: {} }, 504, 0],
    ["sick half a day, worked the rest", { planned: 504, worked: 252, absences: { sickness: 252 } }, 0, 0],
    ["public holiday on a planned day is never lost", { planned: 504, worked: 0, absences: { public_holiday: 504 } }, 0, 0],
    ["overtime", { planned: 504, worked: 600, absences: {} }, 0, 96],
    ["work on a non-planned day is overtime", { planned: 0, worked: 120, absences: {} }, 0, 120],
    ["no planned time, nothing lost", { planned: 0, worked: 0, absences: {} }, 0, 0],
  ])("%s", (_label, day, lost, overtime) => {
    expect(dayFigures(day)).toEqual({ lost, overtime });
  });
});

describe("holiday-adjacent days (Art. 54 OACI)", () => {
  test("two working days before and after a weekday holiday, skipping the weekend and other holidays", () => {
    // 2026-04-03 Good Friday, 2026-04-06 Easter Monday.
    const dates = holidayAdjacentDates(["2026-04-03", "2026-04-06"], weekdays);
    expect([...dates].sort()).toEqual(["2026-04-01", "2026-04-02", "2026-04-07", "2026-04-08"]);
  });
  test("a holiday on a Saturday has no adjacent days; a part-timer's span counts their own days", () => {
    expect(holidayAdjacentDates(["2026-08-01"], weekdays).size).toBe(0);
    // 2026-12-25 is a Friday; working Monday, Tuesday, Friday only.
    expect([...holidayAdjacentDates(["2026-12-25"], [1, 2, 5])].sort()).toEqual(["2026-12-21", "2026-12-22", "2026-12-28", "2026-12-29"]);
  });
});

function month(days: [string, number, number, Record<string, number>?][]): DayRecord[] {
  return days.map(([date, planned, worked, absences]) => ({ date, planned, worked, absences: absences ?? {} }));
}

describe("month figures", () => {
  const fourDays = month([
    ["2026-11-02", 480, 240],
    ["2026-11-03", 480, 240],
    ["2026-11-04", 480, 480],
    ["2026-11-05", 480, 0, { sickness: 480 }],
  ]);

  test("sums, overtime deduction, waiting period and loss fraction", () => {
    const figures = monthFigures(fourDays, { waitingDays: 0 });
    expect(figures).toMatchObject({ normal: 1920, worked: 960, lost: 480, overtime: 0, compensable: 480 });
    expect(figures.absences.sickness).toBe(480);
    expect(figures.loss).toEqual({ lost: 480, base: 1440 });
    expect(figures.over85).toBe(false);
  });

  test.each([
    ["one waiting day of 480 min", { waitingDays: 1 }, 0, 0, 480, 0],
    ["prior balance 22 h over a 20 h threshold", { waitingDays: 0, priorOvertimeBalance: 22 * 60 }, 0, 120, 0, 360],
    ["prior balance under the threshold", { waitingDays: 0, priorOvertimeBalance: 19 * 60 }, 0, 0, 0, 480],
    ["an adjacent day removes its lost time first", { waitingDays: 0, nonCompensable: new Set(["2026-11-02"]) }, 240, 0, 0, 240],
    ["excluded from RHT: nothing compensable", { excluded: true, waitingDays: 0 }, 0, 0, 0, 0],
  ])("%s", (_label, options, adjacent, overtimeDeduction, waiting, compensable) => {
    const figures = monthFigures(fourDays, options);
    expect(figures.deductions).toEqual({ holidayAdjacent: adjacent, overtime: overtimeDeduction, waitingPeriod: waiting });
    expect(figures.compensable).toBe(compensable);
  });

  test("overtime worked in the month offsets lost time", () => {
    const figures = monthFigures(month([["2026-11-02", 480, 600], ["2026-11-03", 480, 0]]), { waitingDays: 0 });
    expect(figures).toMatchObject({ overtime: 120, lost: 480, compensable: 360 });
  });

  test.each([
    ["exactly 85 % is not above", 85, false],
    ["85 % and one minute is above", 86, true],
  ])("%s", (_label, lostOfHundred, over) => {
    // 100 planned minutes per day × 10 days = 1000 base; lost 850 vs 851+.
    const days = month(Array.from({ length: 10 }, (_, i) => [`2026-11-${String(i + 2).padStart(2, "0")}`, 100, i === 0 && lostOfHundred === 86 ? 14 : 15] as [string, number, number]));
    const figures = monthFigures(days, { waitingDays: 0 });
    expect(figures.lost).toBe(lostOfHundred === 86 ? 851 : 850);
    expect(figures.over85).toBe(over);
  });

  test("mid-month entry: only the days employed are planned", () => {
    const figures = monthFigures(month([["2026-11-02", 0, 0], ["2026-11-30", 504, 252]]), { waitingDays: 0 });
    expect(figures).toMatchObject({ normal: 504, lost: 252, compensable: 252 });
  });
});

describe("department 10 % threshold", () => {
  test.each([
    ["exactly 10 %", [{ lost: 100, base: 1000, entitled: true }], true],
    ["one minute under", [{ lost: 99, base: 1000, entitled: true }], false],
    ["excluded staff do not count", [{ lost: 100, base: 1000, entitled: true }, { lost: 0, base: 1000, entitled: false }], true],
    ["entitled staff without loss dilute it", [{ lost: 100, base: 1000, entitled: true }, { lost: 0, base: 1000, entitled: true }], false],
    ["nobody entitled", [{ lost: 500, base: 1000, entitled: false }], false],
  ])("%s", (_label, employees, qualifies) => {
    expect(departmentQualifies(employees).qualifies).toBe(qualifies);
  });
});

describe("days next to a company shutdown", () => {
  test("five working days before the first day and after the last, skipping weekends", async () => {
    const { shutdownAdjacentDates } = await import("@/lib/rht/rules");
    // Shutdown Thu 24 Dec 2026 – Mon 4 Jan 2027.
    const dates = [...shutdownAdjacentDates([{ from: "2026-12-24", to: "2027-01-04" }], weekdays)].sort();
    expect(dates).toEqual(["2026-12-17", "2026-12-18", "2026-12-21", "2026-12-22", "2026-12-23", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08", "2027-01-11"]);
    expect([...shutdownAdjacentDates([{ from: "2026-12-24", to: "2026-12-24" }], weekdays, 1)].sort()).toEqual(["2026-12-23", "2026-12-25"]);
    expect(shutdownAdjacentDates([], weekdays).size).toBe(0);
  });

  test("lost time on those days is removed from what is compensable", async () => {
    const { employeeMonth } = await import("@/lib/rht/declaration");
    const { defaultRhtSettings } = await import("@/lib/settings/schemas");
    // December 2026, 504 planned a day, the 21st–23rd fully lost (just before a shutdown from the 24th).
    const days: DayRecord[] = ["2026-12-21", "2026-12-22", "2026-12-23"].map((date) => ({ date, planned: 504, worked: 0, absences: {} }));
    const without = employeeMonth({ month: "2026-12", days, holidays: [], excludedReason: null, history: [], openingBalance: 0, settings: { ...defaultRhtSettings, waitingDays: 0 } });
    const withShutdown = employeeMonth({ month: "2026-12", days, holidays: [], excludedReason: null, history: [], openingBalance: 0, settings: { ...defaultRhtSettings, waitingDays: 0, shutdowns: [{ from: "2026-12-24", to: "2027-01-04" }] } });
    expect(without.compensable).toBe(3 * 504);
    expect(withShutdown.deductions.holidayAdjacent).toBe(3 * 504);
    expect(withShutdown.compensable).toBe(0);
  });
});

describe("a short-time work authorisation that starts mid-month (Art. 48a OACI)", () => {
  test("only the authorised days count: normal, lost, compensable and the unit's threshold", async () => {
    const { employeeMonth, unitThreshold } = await import("@/lib/rht/declaration");
    const { defaultRhtSettings } = await import("@/lib/settings/schemas");
    // November 2026: the 2nd to the 13th worked in full (10 days), the 16th to the 30th half lost (11 days).
    const days: DayRecord[] = [];
    for (let d = 2; d <= 30; d += 1) {
      const date = `2026-11-${String(d).padStart(2, "0")}`;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      days.push({ date, planned: 504, worked: d >= 16 ? 252 : 504, absences: {} });
    }
    const settings = { ...defaultRhtSettings, waitingDays: 0 };
    const whole = employeeMonth({ month: "2026-11", days, holidays: [], excludedReason: null, history: [], openingBalance: 0, settings });
    const fromSixteenth = employeeMonth({ month: "2026-11", days, holidays: [], excludedReason: null, history: [], openingBalance: 0, settings: { ...settings, authorizedFrom: "2026-11-16" } });
    expect([whole.normal, whole.lost]).toEqual([21 * 504, 11 * 252]);
    expect([fromSixteenth.normal, fromSixteenth.lost, fromSixteenth.compensable]).toEqual([11 * 504, 11 * 252, 11 * 252]);
    // 26 % of the whole month, but 50 % of the authorised part: the threshold looks at the part only.
    expect(unitThreshold([fromSixteenth], settings)).toEqual({ qualifies: true, lost: 11 * 252, base: 11 * 504 });
    const until = employeeMonth({ month: "2026-11", days, holidays: [], excludedReason: null, history: [], openingBalance: 0, settings: { ...settings, authorizedUntil: "2026-11-13" } });
    expect([until.normal, until.lost]).toEqual([10 * 504, 0]);
  });
});

describe("a month's totals are its days' figures summed", () => {
  // monthFigures reads each day once (the export walks 315,000): it must give what dayFigures
  // gives day by day, with any mix of absences, kinds unknown to the rules included.
  test("over random months, the same lost, overtime, holiday-adjacent and absence totals", () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const kinds = ["holiday", "sickness", "unpaid", "public_holiday", "other_paid", "mystery"];
    for (let round = 0; round < 200; round += 1) {
      const days: DayRecord[] = Array.from({ length: 1 + random(25) }, (_, i) => {
        const absences: Record<string, number> = {};
        for (let k = random(3); k > 0; k -= 1) absences[kinds[random(kinds.length)]] = random(300);
        return { date: `2026-11-${String(i + 1).padStart(2, "0")}`, planned: random(2) ? 504 : 0, worked: random(700), absences };
      });
      const nonCompensable = new Set(days.filter(() => random(4) === 0).map((d) => d.date));
      const figures = monthFigures(days, { nonCompensable, waitingDays: 0 });
      const each = days.map(dayFigures);
      expect(figures.lost).toBe(each.reduce((a, d) => a + d.lost, 0));
      expect(figures.overtime).toBe(each.reduce((a, d) => a + d.overtime, 0));
      expect(figures.deductions.holidayAdjacent).toBe(days.reduce((a, d, i) => a + (nonCompensable.has(d.date) ? each[i].lost : 0), 0));
      for (const kind of ["holiday", "sickness", "unpaid", "public_holiday", "other_paid"] as const) {
        expect(figures.absences[kind]).toBe(days.reduce((a, d) => a + (d.absences[kind] ?? 0), 0));
      }
      expect(Object.keys(figures.absences)).not.toContain("mystery");
    }
  });
});
