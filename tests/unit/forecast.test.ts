import { describe, expect, test } from "vitest";
import { deliveryEffect, equippedBy, personDate, poolOutlook, queueDates, type PoolForecastInput } from "@/lib/devices/forecast";
import { expectedActivationDate } from "@/lib/devices/rules";

// December 2026: the 1st is a Tuesday, the 5th/6th a weekend, the 25th (Christmas) a Friday,
// the 26th (St Stephen's) a Saturday; 2027-01-01 is a Friday.
const base: PoolForecastInput = { today: "2026-12-01", freeUnits: 100, dailyLimit: 10, remainingToday: 10, deliveries: [] };
const federalHolidays = new Set(["2026-12-25", "2027-01-01"]);

/** Dates as runs, "2026-12-01 ×10", so a row reads like the waves it describes. */
function runs(dates: (string | null)[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < dates.length; ) {
    let j = i;
    while (j < dates.length && dates[j] === dates[i]) j += 1;
    out.push(`${dates[i]} ×${j - i}`);
    i = j;
  }
  return out;
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

describe("queueDates", () => {
  // Each row: what it shows, what differs from `base`, how many positions, the expected waves.
  test.each<[string, Partial<PoolForecastInput>, number, string[]]>([
    ["10 a day, starting with today's wave", {}, 25, ["2026-12-01 ×10", "2026-12-02 ×10", "2026-12-03 ×5"]],
    ["weekends skipped: Thursday, Friday, then Monday", { today: "2026-12-03" }, 30, ["2026-12-03 ×10", "2026-12-04 ×10", "2026-12-07 ×10"]],
    ["Friday with nothing left today: Monday", { today: "2026-12-04", remainingToday: 0 }, 5, ["2026-12-07 ×5"]],
    ["more used today than the limit counts as nothing left", { remainingToday: -2 }, 3, ["2026-12-02 ×3"]],
    ["a Saturday activates nobody, whatever is left", { today: "2026-12-05" }, 5, ["2026-12-07 ×5"]],
    ["part of today's wave used: the rest tomorrow", { remainingToday: 4 }, 6, ["2026-12-01 ×4", "2026-12-02 ×2"]],
    ["Christmas closed: Thursday, then Monday", { today: "2026-12-24", closedDays: federalHolidays }, 30, ["2026-12-24 ×10", "2026-12-28 ×10", "2026-12-29 ×10"]],
    ["New Year closed: Thursday, then Monday", { today: "2026-12-31", remainingToday: 5, closedDays: federalHolidays }, 15, ["2026-12-31 ×5", "2027-01-04 ×10"]],
    ["no daily limit: everyone with a unit today", { dailyLimit: null, remainingToday: null }, 100, ["2026-12-01 ×100"]],
    ["no daily limit on a Sunday: Monday", { today: "2026-12-06", dailyLimit: null, remainingToday: null }, 3, ["2026-12-07 ×3"]],
    ["no daily limit, stock short: the rest have no date", { dailyLimit: null, remainingToday: null, freeUnits: 4 }, 6, ["2026-12-01 ×4", "null ×2"]],
    ["stock short, nothing planned: no date from position freeUnits+1", { freeUnits: 15 }, 20, ["2026-12-01 ×10", "2026-12-02 ×5", "null ×5"]],
    ["delivery before the queue needs it: as if it were stock", { freeUnits: 10, deliveries: [{ date: "2026-12-02", quantity: 20 }] }, 30, ["2026-12-01 ×10", "2026-12-02 ×10", "2026-12-03 ×10"]],
    // Without the delivery the 3rd would take the last 5 and the 10 after them would have no date.
    ["delivery mid-wave: the wave continues the day it arrives", { freeUnits: 25, deliveries: [{ date: "2026-12-03", quantity: 10 }] }, 35, ["2026-12-01 ×10", "2026-12-02 ×10", "2026-12-03 ×10", "2026-12-04 ×5"]],
    ["delivery after stock runs out: nobody until it arrives", { freeUnits: 10, deliveries: [{ date: "2026-12-08", quantity: 10 }] }, 20, ["2026-12-01 ×10", "2026-12-08 ×10"]],
    ["delivery on a Saturday: used on Monday", { freeUnits: 0, deliveries: [{ date: "2026-12-05", quantity: 3 }] }, 3, ["2026-12-07 ×3"]],
    ["delivery dated in the past counts today", { freeUnits: 0, deliveries: [{ date: "2026-11-20", quantity: 5 }] }, 5, ["2026-12-01 ×5"]],
    ["two deliveries the same day add up", { freeUnits: 0, deliveries: [{ date: "2026-12-03", quantity: 4 }, { date: "2026-12-03", quantity: 6 }] }, 12, ["2026-12-03 ×10", "null ×2"]],
    ["deliveries in any order, a quantity of 0 ignored", { freeUnits: 0, deliveries: [{ date: "2026-12-08", quantity: 5 }, { date: "2026-12-02", quantity: 0 }, { date: "2026-12-03", quantity: 5 }] }, 10, ["2026-12-03 ×5", "2026-12-08 ×5"]],
    ["a delivery beyond the three-year horizon gives no date", { freeUnits: 0, deliveries: [{ date: "2030-01-07", quantity: 5 }] }, 5, ["null ×5"]],
    ["nobody queued: no dates", {}, 0, []],
  ])("%s", (_why, over, count, expected) => {
    expect(runs(queueDates({ ...base, ...over }, count))).toEqual(expected);
  });

  test("a malformed day is refused rather than rolled over", () => {
    expect(() => queueDates({ ...base, today: "2026-02-30" }, 1)).toThrow(RangeError);
  });

  // Within stock and without holidays the old single-position rule already knew the answer.
  test.each<[string, number]>([
    ["2026-12-01", 10],
    ["2026-12-02", 3],
    ["2026-12-04", 0],
    ["2026-12-05", 10],
  ])("agrees with expectedActivationDate from %s with %i left today", (today, remainingToday) => {
    const dates = queueDates({ ...base, today, remainingToday, freeUnits: 40 }, 45);
    const old = dates.map((_, i) => expectedActivationDate({ position: i + 1, freeUnits: 40, remainingToday, dailyLimit: 10, today: new Date(`${today}T00:00:00Z`) }));
    expect(dates).toEqual(old.map((date) => date?.toISOString().slice(0, 10) ?? null));
  });

  // Closed days everywhere they could slip in: today, deliveries, the wave's path.
  test.each<[string, PoolForecastInput]>([
    ["over Christmas and New Year", { ...base, today: "2026-12-24", freeUnits: 50, closedDays: federalHolidays, deliveries: [{ date: "2026-12-25", quantity: 30 }, { date: "2027-01-01", quantity: 30 }] }],
    ["today a holiday, no daily limit", { ...base, today: "2026-12-25", dailyLimit: null, remainingToday: null, closedDays: federalHolidays }],
    ["deliveries on weekends", { ...base, freeUnits: 0, deliveries: [{ date: "2026-12-05", quantity: 7 }, { date: "2026-12-13", quantity: 25 }] }],
  ])("never a weekend or closed day, never before the position ahead: %s", (_why, input) => {
    const dates = queueDates(input, 120).filter((date): date is string => date !== null);
    expect(dates.length).toBeGreaterThan(0);
    for (const [i, date] of dates.entries()) {
      expect([0, 6]).not.toContain(weekday(date));
      expect(input.closedDays?.has(date) ?? false).toBe(false);
      if (i > 0) expect(date >= dates[i - 1]).toBe(true);
    }
  });

  test("10,000 positions: the last date is the 100th open day", () => {
    const dates = queueDates({ ...base, dailyLimit: 100, remainingToday: 100, freeUnits: 6_000, deliveries: [{ date: "2027-01-15", quantity: 4_000 }], closedDays: federalHolidays }, 10_000);
    // 100 a day from Tuesday 2026-12-01: 20 weeks of 5 open days (Tuesday to Monday) end on Monday
    // 2027-04-19 (+139 days); the two Friday holidays push the 100th open day two days on. The
    // delivery arrives on the 32nd open day, long before the 60 days of stock run out.
    expect(dates[0]).toBe("2026-12-01");
    expect(dates[9_999]).toBe("2027-04-21");
    expect(runs(dates)).toHaveLength(100);
  });
});

describe("changing a planned delivery", () => {
  // 20 in stock: positions 1–20 go on the 1st and 2nd, 21–30 wait for the delivery.
  const planned: PoolForecastInput = { ...base, freeUnits: 20, deliveries: [{ date: "2026-12-03", quantity: 10 }] };
  const before = queueDates(planned, 30);

  test("moved later: exactly the people beyond stock move with it", () => {
    const after = queueDates({ ...planned, deliveries: [{ date: "2026-12-10", quantity: 10 }] }, 30);
    expect(after.slice(0, 20)).toEqual(before.slice(0, 20));
    expect(runs(before.slice(20))).toEqual(["2026-12-03 ×10"]);
    expect(runs(after.slice(20))).toEqual(["2026-12-10 ×10"]);
  });

  test("cancelled: the people beyond stock have no date again", () => {
    const after = queueDates({ ...planned, deliveries: [] }, 30);
    expect(after.slice(0, 20)).toEqual(before.slice(0, 20));
    expect(runs(after.slice(20))).toEqual(["null ×10"]);
  });
});

test("priority: moved from position 5 to 1, a person takes position 1's date and the others shift by one", () => {
  const dates = queueDates({ ...base, dailyLimit: 2, remainingToday: 2 }, 5);
  const dateOf = (queue: string[]) => Object.fromEntries(queue.map((person, i) => [person, dates[i]]));
  expect(dateOf(["ana", "ben", "chloé", "dario", "emma"])).toEqual({ ana: "2026-12-01", ben: "2026-12-01", chloé: "2026-12-02", dario: "2026-12-02", emma: "2026-12-03" });
  expect(dateOf(["emma", "ana", "ben", "chloé", "dario"])).toEqual({ emma: "2026-12-01", ana: "2026-12-01", ben: "2026-12-02", chloé: "2026-12-02", dario: "2026-12-03" });
});

describe("personDate", () => {
  const lucerne = new Set(["2026-12-08", "2026-12-25", "2026-12-26", "2027-01-01", "2027-01-02"]);
  test.each<[string, string | null, ReadonlySet<string>, string | null]>([
    ["an open day stays", "2026-12-08", new Set(), "2026-12-08"],
    ["Immaculate Conception in Lucerne: the Wednesday", "2026-12-08", lucerne, "2026-12-09"],
    ["Christmas Friday, St Stephen's Saturday, Sunday: the Monday", "2026-12-25", lucerne, "2026-12-28"],
    ["New Year over the year end: the Monday", "2027-01-01", lucerne, "2027-01-04"],
    ["a weekend day: the Monday", "2026-12-05", new Set(), "2026-12-07"],
    ["no pool date: no personal date", null, lucerne, null],
  ])("%s", (_why, poolDay, closed, expected) => {
    expect(personDate(poolDay, closed)).toBe(expected);
  });
});

describe("equippedBy", () => {
  test.each<[string, Partial<PoolForecastInput>, number, string | null]>([
    ["nobody waits: equipped already, today", {}, 0, "2026-12-01"],
    ["30 at 10 a day: the third day", {}, 30, "2026-12-03"],
    ["31 at 10 a day: the fourth", {}, 31, "2026-12-04"],
    ["stock short: no date", { freeUnits: 15 }, 20, null],
    ["the last ones wait for a delivery", { freeUnits: 10, deliveries: [{ date: "2026-12-08", quantity: 10 }] }, 20, "2026-12-08"],
  ])("%s", (_why, over, waiting, expected) => {
    expect(equippedBy({ ...base, ...over }, waiting)).toBe(expected);
  });
});

describe("deliveryEffect", () => {
  // 300 waiting, 50 a day, 100 in stock.
  const pool: PoolForecastInput = { ...base, freeUnits: 100, dailyLimit: 50, remainingToday: 50 };
  test.each<[string, PoolForecastInput, { date: string; quantity: number }, { before: string | null; after: string | null }]>([
    // 100 + 200 units: 50 a day from Tuesday 1st reaches 300 on Tuesday 8th.
    ["+200 on Thursday covers a short pool", pool, { date: "2026-12-03", quantity: 200 }, { before: null, after: "2026-12-08" }],
    // Alone, the 10th's delivery ends on the 15th; the earlier one lets the wave run without a gap.
    ["+200 on Thursday brings a later plan forward", { ...pool, deliveries: [{ date: "2026-12-10", quantity: 200 }] }, { date: "2026-12-03", quantity: 200 }, { before: "2026-12-15", after: "2026-12-08" }],
    ["too small to cover everyone: still no date", pool, { date: "2026-12-03", quantity: 100 }, { before: null, after: null }],
    ["arriving after everyone is equipped changes nothing", { ...pool, freeUnits: 300 }, { date: "2027-01-04", quantity: 200 }, { before: "2026-12-08", after: "2026-12-08" }],
  ])("%s", (_why, input, extra, expected) => {
    expect(deliveryEffect(input, 300, extra)).toEqual(expected);
  });
});

describe("poolOutlook", () => {
  test.each<[string, Partial<PoolForecastInput>, number, number]>([
    ["stock short by 5", { freeUnits: 15 }, 20, 5],
    ["a delivery covers the rest", { freeUnits: 15, deliveries: [{ date: "2026-12-10", quantity: 5 }] }, 20, 0],
    ["all in stock", {}, 100, 0],
    ["nobody queued", {}, 0, 0],
  ])("%s: the shortfall, and the same dates and day as queueDates and equippedBy", (_why, over, count, expected) => {
    const input = { ...base, ...over };
    const outlook = poolOutlook(input, count);
    expect(outlook.beyond).toBe(expected);
    expect(outlook.dates).toEqual(queueDates(input, count));
    expect(outlook.equippedBy).toBe(equippedBy(input, count));
  });
});
