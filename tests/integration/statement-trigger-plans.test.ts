import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// Statement triggers that join a transition table with a table (migrations 0016, 0026, 0030).
// PL/pgSQL keeps a static query's plan per connection, made for the first call's row count: after
// a bulk statement, a kept hash join read every employee and every timesheet month again for each
// one-day save on that pooled connection. Planned per call, a save looks its rows up by index.
// Observed on one connection through pg_stat_xact_user_tables (its scans not yet reported).

// The data is written and analysed on another connection, so that this one makes its first plans
// (PostgreSQL's own foreign-key checks keep theirs per connection too) on analysed tables, as a
// pooled connection of the app does.
const setup = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
const one = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
afterAll(() => Promise.all([setup.end({ timeout: 5 }), one.end({ timeout: 5 })]));

const people = 3000;
let someone: string;

beforeAll(async () => {
  await setup`
    insert into employees (number, first_name, last_name, work_email, job_family)
    select 'P' || g, 'Plan', 'Person' || g, 'plan' || g || '@work.test', 'sales' from generate_series(1, ${people}) g`;
  await setup`
    insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes)
    select e.id, d::date, 504, 504 from employees e, generate_series('2026-09-01'::date, '2026-09-03'::date, interval '1 day') d where e.number like 'P%'`;
  await setup`
    insert into timesheet_months (employee_id, month, status, figures, version)
    select id, '2026-08-01', 'locked', '{}'::jsonb, 1 from employees where number like 'P%'`;
  await setup`analyze employees`;
  await setup`analyze timesheet_months`;
  await setup`analyze timesheet_days`;
  someone = (await setup`select id from employees where number = 'P7'`)[0].id as string;
}, 120_000);

/**
 * Sequential scans of employees and timesheet_months by `run`, on this connection: the backend's
 * counts not yet sent to the statistics (pg_stat_xact_user_tables), before and after.
 */
async function tableScans(tx: postgres.TransactionSql, run: () => Promise<unknown>): Promise<Record<string, number>> {
  const read = async () => {
    const rows = await tx`select relname, seq_scan::int as n from pg_stat_xact_user_tables where relname in ('employees', 'timesheet_months')`;
    return (name: string) => (rows.find((r) => r.relname === name)?.n as number | undefined) ?? 0;
  };
  const before = await read();
  await run();
  const after = await read();
  return { employees: after("employees") - before("employees"), timesheet_months: after("timesheet_months") - before("timesheet_months") };
}

describe("statement triggers joined with a table", () => {
  test("a one-day save after a bulk statement on the same connection reads no table whole", async () => {
    // The bulk statement first: its triggers hash the written rows against the tables.
    await one
      .begin(async (tx) => {
        const scans = await tableScans(tx, () => tx`update timesheet_days set worked_minutes = worked_minutes + 1 where day = '2026-09-02'`);
        expect(scans.employees + scans.timesheet_months).toBeGreaterThan(0);
        throw new Error("rolled back");
      })
      .catch((error: unknown) => {
        if ((error as Error).message !== "rolled back") throw error;
      });
    // Then one person's day, as a save writes it, on the same connection; and one inserted, and one deleted.
    await one
      .begin(async (tx) => {
        const scans = await tableScans(tx, async () => {
          await tx`update timesheet_days set worked_minutes = 480 where employee_id = ${someone} and day = '2026-09-02'`;
          await tx`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) values (${someone}, '2026-09-04', 504, 504)`;
          await tx`delete from timesheet_days where employee_id = ${someone} and day = '2026-09-01'`;
        });
        expect(scans).toEqual({ employees: 0, timesheet_months: 0 });
        throw new Error("rolled back");
      })
      .catch((error: unknown) => {
        if ((error as Error).message !== "rolled back") throw error;
      });
  });
});
