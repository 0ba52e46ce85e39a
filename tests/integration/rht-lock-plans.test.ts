import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { frozenPlanUpdate } from "@/lib/rht/periods";
import { scansOf, seqScansOf, type PlanNode } from "./it-queue-scale-seed";

// Locking a unit's month writes its days' plan in batches of 500 people. At crisis scale the
// table holds every month kept (15,000 people, about 330,000 days a month): a batch must find
// its own days through their key, not read the whole table (issue 16: 0.34 s a batch with one
// month behind, growing with each month).

const people = 6_000;
const months = ["2026-09", "2026-10", "2026-11"];

beforeAll(async () => {
  await db().transaction(async (tx) => {
    // A few seconds of inserts: more than a web request's statement limit.
    await allowLongWork(tx);
    const [unit] = (await tx.execute(sql`insert into org_units (code, name) values ('LCK', 'Lock plans') returning id`)) as unknown as { id: string }[];
    await tx.execute(sql`
      insert into employees (number, first_name, last_name, work_email, job_family, org_unit_id)
      select 'L' || lpad(g::text, 5, '0'), 'Lena', 'Lock ' || g, 'lock.' || g || '@work.test', 'sales', ${unit.id} from generate_series(1, ${people}) g`);
    // Every working day of three months for everyone: about 390,000 days.
    await tx.execute(sql`
      insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes)
      select e.id, d::date, 504, 504 from employees e
       cross join generate_series(${`${months[0]}-01`}::date, ${`${months[months.length - 1]}-30`}::date, interval '1 day') d
       where e.number like 'L%' and extract(isodow from d) < 6`);
  });
  await db().execute(sql`vacuum analyze timesheet_days`);
}, 120_000);

test("a lock's batch finds its days through their key, never by reading every day kept", async () => {
  const batch = (await db().execute(sql`
    select e.id as "employeeId", jsonb_agg(jsonb_build_object('date', d.day, 'planned', 480) order by d.day) as days
      from employees e join timesheet_days d on d.employee_id = e.id and d.day >= '2026-10-01' and d.day < '2026-11-01'
     where e.number like 'L%' group by e.id order by e.id limit 500`)) as unknown as { employeeId: string; days: unknown }[];
  expect(batch).toHaveLength(500);
  const update = frozenPlanUpdate("2026-10", JSON.stringify(batch), batch.map((b) => b.employeeId));
  const [{ "QUERY PLAN": plan }] = (await db().execute(sql`explain (format json) ${update}`)) as unknown as { "QUERY PLAN": { Plan: PlanNode }[] }[];
  expect(scansOf(plan[0].Plan, "timesheet_days").length).toBeGreaterThan(0);
  expect(seqScansOf(plan[0].Plan, "timesheet_days")).toEqual([]);

  // And it writes exactly the batch's days of that month, nobody else's and no other month's.
  await db().execute(update);
  const [changed] = (await db().execute(sql`
    select count(*) filter (where planned_minutes = 480)::int as changed,
           count(*) filter (where planned_minutes = 480 and (day < '2026-10-01' or day >= '2026-11-01'))::int as "otherMonths"
      from timesheet_days`)) as unknown as { changed: number; otherMonths: number }[];
  expect(changed).toEqual({ changed: batch.reduce((n, b) => n + (b.days as unknown[]).length, 0), otherMonths: 0 });
});
