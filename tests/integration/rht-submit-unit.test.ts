import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { importDays } from "@/lib/rht/import";
import { approvePeriod, lockPeriod } from "@/lib/rht/periods";
import { monthSheetSchema } from "@/lib/rht/schema";
import { submitImportedMonths } from "@/lib/rht/submit-unit";
import { getMonthSheet, saveMonthSheet } from "@/lib/rht/timesheet";
import { createEmployee, seedJourney } from "../support/factories";
import { refusal } from "../support/refusal";

// Issue 14 point 6: imported months are submitted for a whole unit in one action,
// except those with empty working days, which are listed.

const month = "2026-05"; // Ascension (14) and Whit Monday (25) are public holidays everywhere
const run = (lines: string[]) => db().transaction((tx) => importDays(tx, new TextEncoder().encode(["employee_number;date;worked", ...lines].join("\n")), true));
const submitAll = (unitId: string) => db().transaction((tx) => submitImportedMonths(tx, hr.id, unitId, month));
const unit = async (code: string) => ((await db().execute(sql`insert into org_units (code, name) values (${code}, ${`Unit ${code}`}) returning id`)) as unknown as { id: string }[])[0].id;
const monthRow = async (employeeId: string) =>
  ((await db().execute(sql`select status::text, submitted_at, imported_at from timesheet_months where employee_id = ${employeeId} and month = ${`${month}-01`}::date`)) as unknown as { status: string; submitted_at: string | null; imported_at: string | null }[])[0];

let hr: { id: string };
let workingDays: string[];
beforeAll(async () => {
  await seedJourney();
  hr = await createEmployee({ lastName: "Hr" });
  const sheet = await getMonthSheet(hr.id, month);
  workingDays = sheet.days.filter((d) => d.planned > 0 && !d.holiday).map((d) => d.date);
});

describe("submitting a unit's imported months", () => {
  test("complete imported months are submitted in one go; incomplete ones are listed; typed drafts are left alone", async () => {
    const u = await unit("SUB1");
    const other = await unit("SUB2");
    const complete = await createEmployee({ orgUnitId: u, lastName: "Complete" });
    const missingTwo = await createEmployee({ orgUnitId: u, lastName: "Brunner" });
    const missingOne = await createEmployee({ orgUnitId: u, lastName: "Aebi" });
    const typed = await createEmployee({ orgUnitId: u, lastName: "Typed" });
    const elsewhere = await createEmployee({ orgUnitId: other, lastName: "Elsewhere" });
    expect(workingDays).toHaveLength(19);
    await run([
      ...workingDays.map((d) => `${complete.number};${d};8:24`),
      ...workingDays.slice(2).map((d) => `${missingTwo.number};${d};4:00`),
      ...workingDays.slice(1).map((d) => `${missingOne.number};${d};8:24`),
      ...workingDays.map((d) => `${elsewhere.number};${d};8:24`),
    ]);
    await db().transaction((tx) =>
      saveMonthSheet(tx, typed.id, monthSheetSchema.parse({ month, days: workingDays.map((date) => ({ date, worked: "8:24", absenceKind: "", absence: "", overtime: false })) })),
    );
    expect((await monthRow(complete.id)).imported_at).not.toBeNull();
    expect((await monthRow(typed.id)).imported_at).toBeNull();

    const refused = [
      { number: missingOne.number, name: `Aebi ${missingOne.firstName}`, emptyDays: 1 },
      { number: missingTwo.number, name: `Brunner ${missingTwo.firstName}`, emptyDays: 2 },
    ];
    expect(await submitAll(u)).toEqual({ submitted: 1, refused });
    expect(await monthRow(complete.id)).toMatchObject({ status: "submitted", submitted_at: expect.anything() });
    expect((await monthRow(missingOne.id)).status).toBe("draft");
    expect((await monthRow(typed.id)).status).toBe("draft");
    expect((await monthRow(elsewhere.id)).status).toBe("draft");

    // A double click: nothing more is submitted, the same people are listed.
    expect(await submitAll(u)).toEqual({ submitted: 0, refused });
  });

  test("refused once the unit's month is approved or locked", async () => {
    const u = await unit("SUB3");
    const person = await createEmployee({ orgUnitId: u });
    await run(workingDays.map((d) => `${person.number};${d};8:24`));
    // Imported drafts block the approval until they are submitted: this is what the action is for.
    expect(await refusal(db().transaction((tx) => approvePeriod(tx, hr.id, u, month)))).toBe("periodHasErrors");
    expect(await submitAll(u)).toEqual({ submitted: 1, refused: [] });
    await db().transaction((tx) => approvePeriod(tx, hr.id, u, month));
    expect(await refusal(submitAll(u))).toBe("periodApproved");
    await db().transaction((tx) => lockPeriod(tx, hr.id, u, month));
    expect(await refusal(submitAll(u))).toBe("periodLocked");
  });

  test("2,000 imported months are checked and submitted in a few statements", async () => {
    const u = await unit("SUBBIG");
    // Written directly (the import has its own tests): 2,000 people, every working day for all but the last 10.
    await db().execute(sql`
      insert into employees (number, first_name, last_name, job_family, org_unit_id)
      select 'BIG' || lpad(i::text, 5, '0'), 'Big', 'Person' || lpad(i::text, 5, '0'), 'sales', ${u} from generate_series(1, 2000) as i`);
    await db().execute(sql`
      insert into timesheet_months (employee_id, month, imported_at) select id, ${`${month}-01`}::date, now() from employees where org_unit_id = ${u}`);
    await db().execute(sql`
      insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, absences, overtime_marked)
      select e.id, d::date, 504, 504, '{}'::jsonb, false from employees e, unnest(${`{${workingDays.join(",")}}`}::date[]) as d
       where e.org_unit_id = ${u} and e.number < 'BIG01991'`);
    const started = performance.now();
    const result = await submitAll(u);
    const elapsed = performance.now() - started;
    expect(result.submitted).toBe(1990);
    expect(result.refused.map((r) => [r.number, r.emptyDays])).toEqual(Array.from({ length: 10 }, (_, i) => [`BIG${String(1991 + i).padStart(5, "0")}`, 19]));
    expect(elapsed).toBeLessThan(3000);
  });
});
