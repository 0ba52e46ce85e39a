import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { monthOverview } from "@/lib/rht/hr";
import { createEmployee } from "../support/factories";

async function unit(code: string) {
  const [row] = (await db().execute(sql`insert into org_units (code, name) values (${code}, ${`Unit ${code}`}) returning id`)) as unknown as { id: string }[];
  return row.id;
}

async function days(employeeId: string, entries: [string, number, number][]) {
  for (const [day, planned, worked] of entries) {
    await db().execute(sql`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) values (${employeeId}, ${day}::date, ${planned}, ${worked})`);
  }
}

test("a unit qualifies at exactly 10 % loss of its entitled staff; one minute less does not", async () => {
  const exact = await unit("EX");
  const under = await unit("UN");
  const a = await createEmployee({ orgUnitId: exact });
  const apprentice = await createEmployee({ orgUnitId: exact, contractType: "apprentice" });
  const b = await createEmployee({ orgUnitId: under });
  await days(a.id, [["2026-11-02", 500, 400], ["2026-11-03", 500, 500]]); // 100 of 1000 lost
  await days(apprentice.id, [["2026-11-02", 500, 500]]); // not entitled: does not dilute
  await days(b.id, [["2026-11-02", 500, 401], ["2026-11-03", 500, 500]]); // 99 of 1000
  await db().execute(sql`insert into timesheet_months (employee_id, month, status) values (${a.id}, '2026-11-01', 'submitted')`);

  const overview = await monthOverview("2026-11");
  const ex = overview.find((u) => u.orgUnitId === exact)!;
  const un = overview.find((u) => u.orgUnitId === under)!;
  expect(ex).toMatchObject({ employees: 2, withEntries: 2, submitted: 1, normal: 1000, lost: 100, qualifies: true });
  expect(un).toMatchObject({ employees: 1, normal: 1000, lost: 99, qualifies: false });
  expect((await monthOverview("2026-10")).find((u) => u.orgUnitId === exact)).toMatchObject({ normal: 0, withEntries: 0, qualifies: false });
});
