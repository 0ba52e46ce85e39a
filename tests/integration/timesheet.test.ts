import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { monthSheetSchema } from "@/lib/rht/schema";
import { getMonthSheet, saveMonthSheet, submitMonth } from "@/lib/rht/timesheet";
import { createEmployee, seedJourney } from "../support/factories";
import { refusal } from "../support/refusal";

const save = (employeeId: string, raw: unknown) => db().transaction((tx) => saveMonthSheet(tx, employeeId, monthSheetSchema.parse(raw)));
const day = (date: string, worked: string, extra: Partial<{ absenceKind: string; absence: string; overtime: boolean }> = {}) => ({ date, worked, absenceKind: "", absence: "", overtime: false, ...extra });

beforeAll(async () => {
  await seedJourney();
});

describe("the employee's month", () => {
  test("planned minutes come from the contract; the canton's holidays are booked, not lost", async () => {
    const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('ZT', 'Zürich test', 'Zürich', 'ZH') returning id`)) as unknown as { id: string }[];
    const person = await createEmployee({ siteId: site.id, employmentRate: 80, weeklyMinutes: 2520 });
    const sheet = await getMonthSheet(person.id, "2026-05");
    const labour = sheet.days.find((d) => d.date === "2026-05-01")!;
    // A Friday: 80 % of 42 h is 2016 min a week, 404 on Monday and 403 on the other days.
    expect(labour).toMatchObject({ planned: 403, holiday: "Labour Day", absences: { public_holiday: 403 } });
    expect(sheet.days.find((d) => d.date === "2026-05-02")!.planned).toBe(0); // Saturday
    expect(sheet.days.filter((d) => d.planned > 0).reduce((a, d) => a + d.planned, 0)).toBe(21 * 403 + 4 * 1);
  });

  test("a day over plan must be marked as overtime; nothing is saved when one day is refused", async () => {
    const person = await createEmployee();
    expect(await refusal(save(person.id, { month: "2026-11", days: [day("2026-11-02", "4:00"), day("2026-11-03", "9:00")] }))).toBe("exceedsPlanned");
    const rows = (await db().execute(sql`select count(*)::int as n from timesheet_days where employee_id = ${person.id}`)) as unknown as { n: number }[];
    expect(rows[0].n).toBe(0);
    await save(person.id, { month: "2026-11", days: [day("2026-11-02", "4:00"), day("2026-11-03", "9:00", { overtime: true }), day("2026-11-04", "0", { absenceKind: "sickness", absence: "8,4" })] });
    const sheet = await getMonthSheet(person.id, "2026-11");
    expect(sheet.days.slice(1, 4).map((d) => [d.worked, d.absences])).toEqual([[240, {}], [540, {}], [0, { sickness: 504 }]]);
  });

  test("bad input is refused with the field's message", async () => {
    const person = await createEmployee();
    for (const [input, message] of [
      [{ month: "2026-13", days: [] }, "monthInvalid"],
      [{ month: "2026-11", days: [day("2026-11-02", "-1")] }, "timeInvalid"],
      [{ month: "2026-11", days: [day("2026-11-02", "7:75")] }, "timeInvalid"],
      [{ month: "2026-11", days: [day("2026-11-02", "25:00")] }, "timeTooLong"],
      [{ month: "2026-11", days: [day("2026-11-02", "24,5")] }, "timeTooLong"],
    ] as const) {
      const parsed = monthSheetSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0].message).toBe(message);
    }
    expect(await refusal(save(person.id, { month: "2026-11", days: [day("2026-12-01", "1:00")] }))).toBe("dateOutsideMonth");
    expect(await refusal(save(person.id, { month: "2026-11", days: [day("2026-11-07", "0", { absenceKind: "holiday", absence: "8" })] }))).toBe("absenceOnFreeDay");
  });

  test("after submission the month no longer changes", async () => {
    const person = await createEmployee();
    await save(person.id, { month: "2026-11", days: [day("2026-11-02", "4:00")] });
    // Every working day needs an entry before the month can be submitted.
    expect(await refusal(db().transaction((tx) => submitMonth(tx, person.id, "2026-11")))).toBe("daysMissing");
    const workingDays = (await getMonthSheet(person.id, "2026-11")).days.filter((d) => d.planned > 0 && d.date !== "2026-11-02");
    await save(person.id, { month: "2026-11", days: workingDays.map((d) => day(d.date, "8:24")) });
    await db().transaction((tx) => submitMonth(tx, person.id, "2026-11"));
    expect(await refusal(save(person.id, { month: "2026-11", days: [day("2026-11-02", "8:00")] }))).toBe("monthSubmitted");
    expect(await refusal(db().transaction((tx) => submitMonth(tx, person.id, "2026-11")))).toBe("monthSubmitted");
    expect((await getMonthSheet(person.id, "2026-11")).days[1].worked).toBe(240);
  });
});
