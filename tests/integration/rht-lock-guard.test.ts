import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createEmployee } from "../support/factories";

// The database's own guard of locked months (migrations 0008, 0026): outside a correction, no
// statement writes a day of a locked month, and a statement that tries keeps none of its rows,
// however many others it wrote. Checked per statement since 0026 (one join instead of a lookup
// per row: a whole company's month of days is 315,000 rows).

let locked: string;
let open: string;

const count = async (employeeId: string) =>
  ((await db().execute(sql`select count(*)::int as n from timesheet_days where employee_id = ${employeeId}`)) as unknown as { n: number }[])[0].n;
const worked = async (employeeId: string, day: string) =>
  ((await db().execute(sql`select worked_minutes as w from timesheet_days where employee_id = ${employeeId} and day = ${day}::date`)) as unknown as { w: number }[])[0]?.w;

async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "accepted";
}

/** `n` days from 2026-09-01 on, one a day. */
const days = (employeeId: string, n: number, from = "2026-09-01") =>
  sql`select ${employeeId}::uuid, d::date, 504, 504 from generate_series(${from}::date, ${from}::date + ${n - 1}::int, interval '1 day') d`;

beforeAll(async () => {
  locked = (await createEmployee()).id;
  open = (await createEmployee()).id;
  await db().execute(sql`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) ${days(locked, 20, "2026-10-01")}`);
  await db().execute(sql`insert into timesheet_months (employee_id, month, status, figures, version) values (${locked}, '2026-10-01', 'locked', '{}'::jsonb, 1)`);
});

describe("a locked month's days", () => {
  test("a bulk insert with one day of a locked month is refused whole", async () => {
    const insert = (extra: string) =>
      db().execute(sql`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) ${days(open, 1000)} union all select ${locked}::uuid, ${extra}::date, 0, 0`);
    // The month after a locked one is free.
    await insert("2026-11-02");
    expect([await count(open), await count(locked)]).toEqual([1000, 21]);
    await db().execute(sql`delete from timesheet_days where employee_id = ${open}`);
    // One new day inside the locked month among a thousand others: nothing of the statement remains.
    expect(await refusal(insert("2026-10-25"))).toMatch(/locked \(INSERT refused\)/);
    expect([await count(open), await count(locked)]).toEqual([0, 21]);
    // A day that conflicts and is skipped writes nothing, so nothing is refused.
    await db().execute(sql`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) ${days(open, 1000)}
                           union all select ${locked}::uuid, '2026-10-01'::date, 0, 0 on conflict do nothing`);
    expect(await count(open)).toBe(1000);
    expect(await worked(locked, "2026-10-01")).toBe(504);
  });

  test("an update or a delete that touches a locked day is refused whole; other days stay as they were", async () => {
    await db().execute(sql`delete from timesheet_days where employee_id = ${open}`);
    await db().execute(sql`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) ${days(open, 61)}`);
    const both = sql`employee_id in (${locked}, ${open}) and day between '2026-10-01' and '2026-10-31'`;
    expect(await refusal(db().execute(sql`update timesheet_days set worked_minutes = 0 where ${both}`))).toMatch(/locked \(UPDATE refused\)/);
    expect(await worked(open, "2026-10-15")).toBe(504);
    expect(await refusal(db().execute(sql`delete from timesheet_days where ${both}`))).toMatch(/locked \(DELETE refused\)/);
    expect(await count(open)).toBe(61);
    expect(await count(locked)).toBe(21);
    // Moving a day out of the locked month is refused too (its old row was in it).
    expect(await refusal(db().execute(sql`update timesheet_days set day = '2026-11-30' where employee_id = ${locked} and day = '2026-10-20'`))).toMatch(/locked/);
    // The open person's own days change freely.
    await db().execute(sql`update timesheet_days set worked_minutes = 0 where employee_id = ${open} and day between '2026-10-01' and '2026-10-31'`);
    expect(await worked(open, "2026-10-15")).toBe(0);
  });

  test("a correction, and only inside its transaction, writes a locked month's days", async () => {
    await db().transaction(async (tx) => {
      await tx.execute(sql`select set_config('passerelle.rht_correction', ${locked}, true)`);
      await tx.execute(sql`update timesheet_days set worked_minutes = 250 where employee_id = ${locked} and day = '2026-10-05'`);
      await tx.execute(sql`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) values (${locked}, '2026-10-31', 0, 0) on conflict (employee_id, day) do update set worked_minutes = 0`);
    });
    expect(await worked(locked, "2026-10-05")).toBe(250);
    expect(await refusal(db().execute(sql`update timesheet_days set worked_minutes = 251 where employee_id = ${locked} and day = '2026-10-05'`))).toMatch(/locked/);
    expect(await worked(locked, "2026-10-05")).toBe(250);
  });
});
