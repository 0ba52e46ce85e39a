import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { approvePeriod, lockPeriod } from "../../lib/rht/periods";

// A month of working days, written set-based for the demo's short-time units
// (db/seed/rollout-rht.ts) and for the whole crisis-scale company (db/seed/crisis.ts).

/**
 * One row per active employee and working day of `month` in the given units (code, per mille
 * of days with lost time), as the grid or an import would write them: planned minutes as
 * plannedPerWeekday spreads the contract's week, a public holiday of the person's canton booked
 * as such; `r` picks each day's story (sick, on holiday, short-time, overtime, worked).
 * `skip`: people (alias e, their unit o) who entered nothing; by default the demo accounts.
 */
export async function insertMonthDays(tx: Tx, month: string, units: [string, number][], skip: SQL = sql`e.number like 'D%'`): Promise<void> {
  const first = `${month}-01`;
  await tx.execute(sql`
    with loss as (select * from jsonb_to_recordset(${JSON.stringify(units.map(([code, perMille]) => ({ code, perMille })))}::jsonb) as l(code text, "perMille" int)),
    -- Materialised: inlined, each use of holiday below ran its holiday lookup again (three per day).
    day as materialized (
      select e.id, d::date as day, pl.planned, abs(hashtext(e.number || d::date::text)) % 1000 as r, loss."perMille" as per_mille,
             exists (select 1 from public_holidays h where h.day = d::date and h.canton in ('CH', coalesce(s.canton, 'CH'))) as holiday
        from employees e join org_units o on o.id = e.org_unit_id join loss on loss.code = o.code left join sites s on s.id = e.site_id
       cross join generate_series(${first}::date, ${first}::date + interval '1 month' - interval '1 day', interval '1 day') d
       cross join lateral (select round(e.weekly_minutes * e.employment_rate / 100.0)::int as total) t
       cross join lateral (select t.total / 5 + case when extract(isodow from d) <= t.total % 5 then 1 else 0 end as planned) pl
       where e.active and extract(isodow from d) < 6
         and (e.employed_from is null or e.employed_from <= d) and (e.employed_until is null or e.employed_until >= d)
         and not ${skip}),
    kind as (
      select *, case when holiday then 'public_holiday' when r < 30 then 'sickness' when r < 40 then 'sickness_half' when r < 45 then 'accident'
                     when r < 75 then 'holiday' when r < 78 then 'service' when r < 80 then 'other_paid' when r < 80 + per_mille then 'lost'
                     when r < 110 + per_mille then 'overtime' else 'worked' end as k
        from day)
    insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, absences, overtime_marked)
    select id, day, planned,
           case k when 'sickness_half' then planned - planned / 2 when 'other_paid' then planned - 120
                  when 'lost' then (case r % 3 when 0 then 0 when 1 then planned - planned / 2 else greatest(0, planned - 120) end)
                  when 'overtime' then planned + 30 * (1 + r % 4) when 'worked' then planned else 0 end,
           case k when 'sickness_half' then jsonb_build_object('sickness', planned / 2) when 'other_paid' then jsonb_build_object('other_paid', 120)
                  when 'sickness' then jsonb_build_object('sickness', planned) when 'accident' then jsonb_build_object('accident', planned)
                  when 'holiday' then jsonb_build_object('holiday', planned) when 'service' then jsonb_build_object('service', planned)
                  when 'public_holiday' then jsonb_build_object('public_holiday', planned) else '{}'::jsonb end,
           k = 'overtime'
      from kind`);
}

/** Per mille of working days with lost time per unit (as the RHT benches' company: some units under 10 %). */
const crisisLoss: [string, number][] = [
  ["DIR", 0], ["FIN", 60], ["HR", 30], ["IT", 40], ["SAL", 180], ["CC", 250],
  ["LOG", 350], ["PRD", 400], ["PUR", 100], ["MKT", 120], ["LEG", 20], ["RND", 150],
];

/** The whole company's month: every unit authorised from its first day, every day entered, every month submitted. */
export async function seedCrisisMonth(tx: Tx, month: string): Promise<void> {
  const first = `${month}-01`;
  await tx.execute(sql`
    update org_units set rht_authorized_from = ${first}::date, rht_authorized_until = (${first}::date + interval '6 months' - interval '1 day')::date
     where rht_authorized_from is null`);
  await insertMonthDays(tx, month, crisisLoss);
  await tx.execute(sql`
    insert into timesheet_months (employee_id, month, status, submitted_at)
    select d.employee_id, ${first}::date, 'submitted',
           least(((${first}::date + interval '1 month')::timestamp + make_interval(mins => (row_number() over (order by d.employee_id))::int % 2000)) at time zone 'Europe/Zurich', now() - interval '5 minutes')
      from (select distinct employee_id from timesheet_days where day >= ${first}::date and day < ${first}::date + interval '1 month') d
    on conflict (employee_id, month) do nothing`);
}

/**
 * The month before, as HR left it: every day entered and submitted, every unit approved and
 * locked through lib/rht/periods.ts itself (frozen figures and versions as a lock writes them),
 * so the month after reads its balance and history from a locked month, as from a crisis's
 * second month on.
 */
export async function seedLockedCrisisMonth(tx: Tx, month: string, hrActor: string): Promise<void> {
  await seedCrisisMonth(tx, month);
  // The month's rows are this transaction's own: statistics that count them, so HR's passes below plan well.
  await tx.execute(sql`analyze timesheet_days, timesheet_months`);
  const units = (await tx.execute(sql`select id from org_units order by code`)) as unknown as { id: string }[];
  for (const unit of units) {
    await approvePeriod(tx, hrActor, unit.id, month);
    await lockPeriod(tx, hrActor, unit.id, month);
  }
}
