import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { approvePeriod, lockPeriod } from "../../lib/rht/periods";
import { insertMonthDays } from "./crisis-hours";
import { lastMonth, type Clock } from "./rollout-clock";
import { untouchable } from "./rollout-people";

// Last month's short-time work: Logistics and Production are authorised, their people
// entered every working day (some lost time, some sick, some on holiday), Logistics is
// submitted in full and HR has approved and locked it (lib/rht/periods.ts itself, so its
// versions and frozen figures are the real ones); a few of Production are still missing.

/** Lost time per mille of working days: both units are well over the 10 % threshold. */
const shortTimeUnits: [string, number][] = [
  ["LOG", 300],
  ["PRD", 380],
];
export const lockedUnit = "LOG";

export async function seedRhtMonth(tx: Tx, clock: Clock, hrActor: string): Promise<{ month: string }> {
  const month = lastMonth(clock.today);
  const first = `${month}-01`;
  await tx.execute(sql`
    update org_units set rht_authorized_from = ${first}::date, rht_authorized_until = (${first}::date + interval '6 months' - interval '1 day')::date
     where code in ${shortTimeUnits.map(([code]) => code)} and rht_authorized_from is null`);
  await insertMonthDays(tx, month, shortTimeUnits, sql`(${untouchable} or (o.code = 'PRD' and abs(hashtext('rht:' || e.number)) % 100 = 0))`);
  // Submitted in the first hours of this month; in Production a few are still drafts.
  await tx.execute(sql`
    insert into timesheet_months (employee_id, month, status, submitted_at)
    select e.id, ${first}::date, m.status::timesheet_month_status,
           case when m.status = 'submitted' then least(((${first}::date + interval '1 month')::timestamp + make_interval(mins => abs(hashtext('sub:' || e.number)) % 600)) at time zone 'Europe/Zurich',
                                                     now() - interval '5 minutes') end
      from employees e join org_units o on o.id = e.org_unit_id
     cross join lateral (select case when o.code = 'PRD' and abs(hashtext('rht:' || e.number)) % 100 between 1 and 4 then 'draft' else 'submitted' end as status) m
     where exists (select 1 from timesheet_days d where d.employee_id = e.id and d.day >= ${first}::date and d.day < ${first}::date + interval '1 month')
       and o.code in ${shortTimeUnits.map(([code]) => code)}`);
  const [unit] = (await tx.execute(sql`select id from org_units where code = ${lockedUnit}`)) as unknown as { id: string }[];
  await approvePeriod(tx, hrActor, unit.id, month);
  await lockPeriod(tx, hrActor, unit.id, month);
  return { month };
}

