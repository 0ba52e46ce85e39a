import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { monthSheetSchema } from "@/lib/rht/schema";
import { getMonthSheet, saveMonthSheet, submitMonth } from "@/lib/rht/timesheet";
import { createEmployee, seedJourney } from "../support/factories";

// RHT-RULES.md, Decisions: an untouched day is empty, not "worked 0"; a planned public
// holiday is never lost; planned minutes follow the contract until the month is locked.

const save = (employeeId: string, raw: unknown) => db().transaction((tx) => saveMonthSheet(tx, employeeId, monthSheetSchema.parse(raw)));
const day = (date: string, worked: string, extra: Partial<{ absenceKind: string; absence: string; overtime: boolean }> = {}) => ({ date, worked, absenceKind: "", absence: "", overtime: false, ...extra });
const stored = async (employeeId: string) =>
  (await db().execute(sql`select day::text, planned_minutes, worked_minutes, absences from timesheet_days where employee_id = ${employeeId} order by day`)) as unknown as { day: string; planned_minutes: number; worked_minutes: number; absences: Record<string, number> }[];

async function submitRefusal(employeeId: string, month: string): Promise<{ key: string; values?: Record<string, string | number> } | "accepted"> {
  try {
    await db().transaction((tx) => submitMonth(tx, employeeId, month));
    return "accepted";
  } catch (error) {
    if (error instanceof ActionError) return { key: error.key, values: error.values };
    throw error;
  }
}

let zurichSite: string;
beforeAll(async () => {
  await seedJourney(); // public holidays
  const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('ZED', 'Zürich empty days', 'Zürich', 'ZH') returning id`)) as unknown as { id: string }[];
  zurichSite = site.id;
});

describe("an untouched day stays empty", () => {
  test("saving the grid writes only the days filled; clearing a day deletes its row; '0' is a filled day", async () => {
    const person = await createEmployee();
    const sheet = await getMonthSheet(person.id, "2026-11");
    // The whole grid is sent, as the page does: one day typed, one day an explicit 0, the rest untouched.
    const days = sheet.days.map((d) => (d.date === "2026-11-02" ? day(d.date, "4:00") : d.date === "2026-11-03" ? day(d.date, "0") : day(d.date, "")));
    await save(person.id, { month: "2026-11", days });
    expect((await stored(person.id)).map((r) => [r.day, r.worked_minutes])).toEqual([
      ["2026-11-02", 240],
      ["2026-11-03", 0],
    ]);
    const after = await getMonthSheet(person.id, "2026-11");
    expect(after.days.filter((d) => d.filled).map((d) => d.date)).toEqual(["2026-11-02", "2026-11-03"]);

    await save(person.id, { month: "2026-11", days: [day("2026-11-02", "")] });
    expect((await stored(person.id)).map((r) => r.day)).toEqual(["2026-11-03"]);
    expect((await getMonthSheet(person.id, "2026-11")).days[1]).toMatchObject({ filled: false, worked: 0, absences: {} });
  });

  test("submitting needs every working day filled, and says how many are empty", async () => {
    const person = await createEmployee();
    await save(person.id, { month: "2026-11", days: [day("2026-11-02", "8:24")] });
    // November 2026: 21 working days, no public holiday in "CH".
    expect(await submitRefusal(person.id, "2026-11")).toEqual({ key: "daysMissing", values: { count: 20 } });
  });

  test("a planned public holiday without an entry is not an empty working day", async () => {
    const person = await createEmployee({ siteId: zurichSite });
    const sheet = await getMonthSheet(person.id, "2026-05");
    // May 2026 in Zürich: Labour Day, Ascension and Whit Monday fall on working days.
    expect(sheet.days.filter((d) => d.planned > 0 && d.holiday).map((d) => d.date)).toEqual(["2026-05-01", "2026-05-14", "2026-05-25"]);
    const holiday = sheet.days.find((d) => d.date === "2026-05-14")!;
    expect(holiday).toMatchObject({ filled: false, absences: { public_holiday: 504 } });
    const working = sheet.days.filter((d) => d.planned > 0 && !d.holiday);
    await save(person.id, { month: "2026-05", days: working.slice(1).map((d) => day(d.date, "8:24")) });
    expect(await submitRefusal(person.id, "2026-05")).toEqual({ key: "daysMissing", values: { count: 1 } });
    await save(person.id, { month: "2026-05", days: [day(working[0].date, "8:24")] });
    expect(await submitRefusal(person.id, "2026-05")).toBe("accepted");
    expect((await stored(person.id)).some((r) => r.day === "2026-05-14")).toBe(false);
  });

  test("a partly worked public holiday is stored with the rest as public holiday, never lost", async () => {
    const person = await createEmployee({ siteId: zurichSite });
    await save(person.id, { month: "2026-05", days: [day("2026-05-01", "4:00")] });
    expect(await stored(person.id)).toEqual([{ day: "2026-05-01", planned_minutes: 504, worked_minutes: 240, absences: { public_holiday: 264 } }]);
    const labour = (await getMonthSheet(person.id, "2026-05")).days[0];
    expect(labour).toMatchObject({ filled: true, worked: 240, absences: { public_holiday: 264 } });
    // The grid sends the day back as shown (public holiday 4:24) with more hours: the holiday shrinks, nothing is refused.
    await save(person.id, { month: "2026-05", days: [day("2026-05-01", "5:00", { absenceKind: "public_holiday", absence: "4:24" })] });
    expect((await stored(person.id))[0]).toMatchObject({ worked_minutes: 300, absences: { public_holiday: 204 } });
  });

  test("an open month follows the contract: a new employment rate re-plans its days", async () => {
    const person = await createEmployee();
    await save(person.id, { month: "2026-11", days: [day("2026-11-02", "4:00")] });
    expect((await getMonthSheet(person.id, "2026-11")).days[1].planned).toBe(504);
    await db().execute(sql`update employees set employment_rate = 50 where id = ${person.id}`);
    const sheet = await getMonthSheet(person.id, "2026-11");
    expect(sheet.days[1]).toMatchObject({ planned: 252, worked: 240, filled: true });
    expect(sheet.days[2].planned).toBe(252);
  });
});
