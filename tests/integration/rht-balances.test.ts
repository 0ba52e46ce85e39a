import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { EmployeeFigures } from "@/lib/rht/declaration";
import { employeeMonths } from "@/lib/rht/employee-months";
import { approvePeriod, correctMonth, lockPeriod, reviewMonth } from "@/lib/rht/periods";
import { monthSheetSchema } from "@/lib/rht/schema";
import { defaultRhtSettings } from "@/lib/settings/schemas";
import { createEmployee } from "../support/factories";

// Issue 14 through the real periods: balances consumed once across three locked months, a
// contract change that re-plans open months only, and each unit's own authorisation.
// No public holiday is stored in this database, so no day is holiday-adjacent.

const weekdays = (month: string) => {
  const out: string[] = [];
  for (let d = 1; d <= 31; d += 1) {
    const date = new Date(`${month}-01T00:00:00Z`);
    date.setUTCDate(d);
    if (date.toISOString().slice(0, 7) !== month) break;
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) out.push(date.toISOString().slice(0, 10));
  }
  return out;
};

/** Every weekday worked as planned (504) except `lost` days (0 worked); Saturday overtime if asked; the month submitted. */
async function month(employeeId: string, m: string, options: { lost: number; saturday?: { date: string; minutes: number }; worked?: number; planned?: number }) {
  const days = weekdays(m).map((date, i) => ({ date, planned: options.planned ?? 504, worked: i < options.lost ? 0 : (options.worked ?? 504), overtime: false }));
  if (options.saturday) days.push({ date: options.saturday.date, planned: 0, worked: options.saturday.minutes, overtime: true });
  await db().execute(sql`
    insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, overtime_marked)
    select ${employeeId}, x.date, x.planned, x.worked, x.overtime from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as x(date date, planned int, worked int, overtime boolean)`);
  await db().execute(sql`insert into timesheet_months (employee_id, month, status, submitted_at) values (${employeeId}, ${`${m}-01`}::date, 'submitted', now())`);
}

async function unit(code: string) {
  const [row] = (await db().execute(sql`insert into org_units (code, name) values (${code}, ${`Unit ${code}`}) returning id`)) as unknown as { id: string }[];
  return row.id;
}

const frozen = async (employeeId: string, m: string) =>
  ((await db().execute(sql`select figures from timesheet_months where employee_id = ${employeeId} and month = ${`${m}-01`}::date and status = 'locked'`)) as unknown as { figures: EmployeeFigures }[])[0]?.figures;

async function preview(employeeId: string, m: string): Promise<EmployeeFigures> {
  for await (const e of employeeMonths(m, { employeeId })) return e.figures;
  throw new Error("no month");
}

const approveAndLock = async (hr: string, unitId: string, m: string) => {
  await db().transaction((tx) => approvePeriod(tx, hr, unitId, m));
  await db().transaction((tx) => lockPeriod(tx, hr, unitId, m));
};

let hr: string;
beforeAll(async () => {
  // No waiting period, so each month's figures show the overtime deduction alone.
  await db().execute(sql`insert into settings (key, value) values ('rht', ${JSON.stringify({ ...defaultRhtSettings, waitingDays: 0 })}::jsonb)
                         on conflict (key) do update set value = excluded.value`);
  hr = (await createEmployee({ lastName: "Hr" })).id;
});

describe("an overtime balance is used once, across three locked months", () => {
  test("30 h carried into September over a 20 h threshold cuts 10 h once; each month's overtime joins or offsets", async () => {
    const unitId = await unit("BAL");
    const person = await createEmployee({ orgUnitId: unitId, lastName: "Balance" });
    await db().execute(sql`insert into rht_overtime_openings (employee_id, month, minutes) values (${person.id}, '2026-09-01', 1800)`);
    // September: two days lost (1,008); 600 above the threshold → 600 deducted, 408 compensable, 1,200 left.
    await month(person.id, "2026-09", { lost: 2 });
    // October: one day lost (504), 300 on Saturday the 3rd offset it first → 204 compensable, balance unchanged.
    await month(person.id, "2026-10", { lost: 1, saturday: { date: "2026-10-03", minutes: 300 } });
    // November: one day lost, 900 on Saturday the 7th: 504 offset, 396 join → 1,596.
    await month(person.id, "2026-11", { lost: 1, saturday: { date: "2026-11-07", minutes: 900 } });

    // Before any lock, November's preview walks September and October: 1,800 → 1,200 → 1,200.
    expect((await preview(person.id, "2026-11")).priorOvertimeBalance).toBe(1200);
    await approveAndLock(hr, unitId, "2026-09");
    await approveAndLock(hr, unitId, "2026-10");
    await approveAndLock(hr, unitId, "2026-11");
    const figures = await Promise.all(["2026-09", "2026-10", "2026-11"].map((m) => frozen(person.id, m)));
    expect(figures.map((f) => [f.priorOvertimeBalance, f.deductions.overtime, f.compensable, f.closingOvertimeBalance])).toEqual([
      [1800, 600, 408, 1200],
      [1200, 300, 204, 1200],
      [1200, 504, 0, 1596],
    ]);
    // A correction of October (its lost day worked after all) keeps the balance October was locked with.
    const lostDay = weekdays("2026-10")[0];
    await db().transaction((tx) =>
      correctMonth(tx, hr, person.id, monthSheetSchema.parse({ month: "2026-10", days: [{ date: lostDay, worked: "8:24", absenceKind: "", absence: "", overtime: false }] }), "Worked after all, per badge log"),
    );
    const corrected = await frozen(person.id, "2026-10");
    // Nothing lost any more: the Saturday's 300 offsets nothing and joins the balance.
    expect([corrected.priorOvertimeBalance, corrected.lost, corrected.deductions.overtime, corrected.closingOvertimeBalance]).toEqual([1200, 0, 0, 1500]);
    // December, still open, starts from November's frozen closing: 396 above the threshold.
    await month(person.id, "2026-12", { lost: 1 });
    const december = await preview(person.id, "2026-12");
    expect([december.priorOvertimeBalance, december.deductions.overtime, december.compensable]).toEqual([1596, 396, 108]);
    // Figures frozen before they kept their closing balance: the next month computes it from their parts.
    await db().transaction(async (tx) => {
      await tx.execute(sql`select set_config('passerelle.rht_correction', 'older figures', true)`);
      await tx.execute(sql`update timesheet_months set figures = figures - 'closingOvertimeBalance' where employee_id = ${person.id} and month = '2026-11-01'`);
    });
    expect(await frozen(person.id, "2026-11")).not.toHaveProperty("closingOvertimeBalance");
    const fromParts = await preview(person.id, "2026-12");
    expect([fromParts.priorOvertimeBalance, fromParts.deductions.overtime, fromParts.compensable]).toEqual([1596, 396, 108]);
  });
});

describe("a contract change re-plans open months only", () => {
  test("100 % → 50 %: October (open) follows the new plan, September (locked) keeps its own", async () => {
    const unitId = await unit("CTR");
    const person = await createEmployee({ orgUnitId: unitId, lastName: "Contract" });
    // September locked at 100 %: 22 days × 504, one day lost.
    await month(person.id, "2026-09", { lost: 1 });
    await approveAndLock(hr, unitId, "2026-09");
    // October entered at 100 % (504 planned stored), 252 worked a day: 22 × 252 = 5,544 lost at 100 %.
    await month(person.id, "2026-10", { lost: 0, worked: 252 });
    expect((await preview(person.id, "2026-10")).lost).toBe(22 * 252);

    await db().execute(sql`update employees set employment_rate = 50 where id = ${person.id}`);
    const october = await preview(person.id, "2026-10");
    // At 50 % the plan is 252 a day: nothing lost.
    expect([october.normal, october.lost]).toEqual([22 * 252, 0]);
    const september = await frozen(person.id, "2026-09");
    expect([september.normal, september.lost]).toEqual([22 * 504, 504]);
    // Locking October now stores the plan it was declared with: 252 a day.
    await approveAndLock(hr, unitId, "2026-10");
    const [{ october: stored }] = (await db().execute(sql`select sum(planned_minutes)::int as october from timesheet_days where employee_id = ${person.id} and day between '2026-10-01' and '2026-10-31'`)) as unknown as { october: number }[];
    expect(stored).toBe(22 * 252);
    // The locked month's days keep their plan too.
    const [{ planned }] = (await db().execute(sql`select sum(planned_minutes)::int as planned from timesheet_days where employee_id = ${person.id} and day between '2026-09-01' and '2026-09-30'`)) as unknown as { planned: number }[];
    expect(planned).toBe(22 * 504);
  });
});

describe("each unit has its own authorisation", () => {
  test("a unit authorised from the 16th counts only those days, says so, and its lock keeps that", async () => {
    const own = await unit("AUT");
    const other = await unit("ALL");
    const a = await createEmployee({ orgUnitId: own, lastName: "Own" });
    const b = await createEmployee({ orgUnitId: other, lastName: "Company" });
    // November 2026: 21 weekdays, the first 5 lost (2nd–6th); from the 16th: 11 weekdays, nothing lost.
    await month(a.id, "2026-11", { lost: 5 });
    await month(b.id, "2026-11", { lost: 5 });
    await db().execute(sql`update org_units set rht_authorized_from = '2026-11-16' where id = ${own}`);

    const review = await reviewMonth("2026-11");
    const byUnit = new Map(review.units.map((u) => [u.orgUnitId, u]));
    expect([byUnit.get(own)?.normal, byUnit.get(own)?.lost, byUnit.get(own)?.threshold.qualifies]).toEqual([11 * 504, 0, false]);
    expect([byUnit.get(other)?.normal, byUnit.get(other)?.lost, byUnit.get(other)?.threshold.qualifies]).toEqual([21 * 504, 5 * 504, true]);
    expect(review.checks.find((c) => c.unitId === own && c.code === "partlyAuthorised")?.values).toEqual({ from: "2026-11-16", until: "" });
    expect(review.checks.some((c) => c.unitId === other && c.code === "partlyAuthorised")).toBe(false);

    await approveAndLock(hr, own, "2026-11");
    const [period] = (await db().execute(sql`select settings->>'authorizedFrom' as "from" from rht_periods where org_unit_id = ${own}`)) as unknown as { from: string }[];
    expect(period.from).toBe("2026-11-16");
    expect((await frozen(a.id, "2026-11")).normal).toBe(11 * 504);
  });
});

describe("periods above 85 % loss are counted from the locked months of the window", () => {
  test("two locked months above 85 % and this one make three; a locked month below does not count", async () => {
    const unitId = await unit("O85");
    const person = await createEmployee({ orgUnitId: unitId, lastName: "Eightyfive" });
    await month(person.id, "2026-08", { lost: 1 });
    await month(person.id, "2026-09", { lost: 30 });
    await month(person.id, "2026-10", { lost: 30 });
    await month(person.id, "2026-11", { lost: 30 });
    for (const m of ["2026-08", "2026-09", "2026-10"]) await approveAndLock(hr, unitId, m);
    expect((await Promise.all(["2026-08", "2026-09", "2026-10"].map((m) => frozen(person.id, m)))).map((f) => f.over85)).toEqual([false, true, true]);
    expect((await preview(person.id, "2026-11")).over85Periods).toBe(3);
  });
});
