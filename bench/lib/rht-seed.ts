// The RHT benches' company: 15,000 employees in 12 units over three sites, with one row per
// employee and working day of the month and every month submitted. Deterministic (no random),
// so two runs read the same rows.
import { createDb, noConnectionLimits } from "../../db/client";
import { seedDefaultSettings } from "../../db/seed/journey";
import { firstNamesDe, firstNamesFr, firstNamesIt, lastNamesDe, lastNamesFr, lastNamesIt } from "../../db/seed/names";
import { seconds } from "./measure";

export const month = "2026-11"; // 21 working days (Mon 2 – Mon 30), no public holiday
export const employees = 15_000;

// code, name, weight in the roster, per mille of working days with lost time (some units stay under the 10 % threshold)
export const units: [string, string, number, number][] = [
  ["DIR", "Direction", 1, 0],
  ["FIN", "Finance & Controlling", 4, 60],
  ["HR", "Human Resources", 3, 30],
  ["IT", "Information Technology", 5, 40],
  ["SAL", "Sales", 8, 180],
  ["CC", "Customer Service", 14, 250],
  ["LOG", "Logistics & Warehouse", 18, 350],
  ["PRD", "Production", 26, 400],
  ["PUR", "Procurement", 3, 100],
  ["MKT", "Marketing & Communication", 4, 120],
  ["LEG", "Legal & Compliance", 2, 20],
  ["RND", "Research & Development", 8, 150],
];

/** Seeds the month into the migrated database at `url`; prints what it made and how long it took. */
export async function seedRhtMonth(url: string): Promise<void> {
  const seed = createDb(url, { max: 1, limits: noConnectionLimits });
  const s = seed.sql;
  const started = performance.now();
  await seedDefaultSettings(seed.db); // the 2026 public holidays per canton
  await s`insert into sites (code, name, city, canton) values
            ('LSN', 'Lausanne – Malley', 'Lausanne', 'VD'), ('ZRH', 'Zürich – Altstetten', 'Zürich', 'ZH'), ('FRI', 'Fribourg – Givisiez', 'Givisiez', 'FR')`;
  // Each unit owns a range of `g % 96` (its weight), so sizes follow the weights.
  let from = 0;
  const ranges = units.map(([code, name, weight, lossPerMille]) => ({ code, name, lo: from, hi: (from += weight), lossPerMille }));
  await s`insert into org_units (code, name) select * from unnest(${s.array(ranges.map((u) => u.code))}::text[], ${s.array(ranges.map((u) => u.name))}::text[])`;
  const firstNames = [...firstNamesFr, ...firstNamesDe, ...firstNamesIt];
  const lastNames = [...lastNamesFr, ...lastNamesDe, ...lastNamesIt];
  await s`
    with u as (
      select o.id, r.lo, r.hi from unnest(${s.array(ranges.map((u) => u.code))}::text[], ${s.array(ranges.map((u) => u.lo))}::int[], ${s.array(ranges.map((u) => u.hi))}::int[]) as r(code, lo, hi)
        join org_units o on o.code = r.code),
    site as (select id, code, row_number() over (order by code) - 1 as k from sites),
    p as (
      select g, '756' || lpad(((g::bigint * 48271 + 12345) % 1000000000)::text, 9, '0') as avs12,
             (array[100, 100, 100, 100, 100, 90, 80, 80, 60, 50])[1 + (g * 3) % 10] as rate
        from generate_series(1, ${employees}) g)
    insert into employees (number, first_name, last_name, work_email, org_unit_id, site_id, job_family, contract_type, employment_rate,
                           language, avs_number, birth_date, avs_monthly_wage_cents, notice_given)
    select 'R' || lpad(p.g::text, 5, '0'),
           (${s.array(firstNames)}::text[])[1 + (p.g * 7) % ${firstNames.length}],
           (${s.array(lastNames)}::text[])[1 + (p.g * 13) % ${lastNames.length}],
           'r' || p.g || '@bench.test', u.id, site.id, 'bench',
           (case when p.g % 100 < 90 then 'permanent' when p.g % 100 < 94 then 'fixed_term' when p.g % 100 < 96 then 'apprentice'
                 when p.g % 100 < 98 then 'on_call' else 'temporary' end)::contract_type,
           p.rate, (case site.code when 'ZRH' then 'de' else 'fr' end)::language,
           (select substr(a, 1, 3) || '.' || substr(a, 4, 4) || '.' || substr(a, 8, 4) || '.' || substr(a, 12, 2)
              from (select p.avs12 || ((10 - sum(substr(p.avs12, i, 1)::int * (case when i % 2 = 1 then 1 else 3 end)) % 10) % 10)::text as a
                      from generate_series(1, 12) i) c),
           date '1961-01-01' + (p.g * 7919) % 16000,
           round((520000 + (p.g * 7717) % 600000) * p.rate / 100.0)::int,
           p.g % 97 = 0
      from p join u on p.g % 96 >= u.lo and p.g % 96 < u.hi join site on site.k = p.g % 3`;
  // One row per employee and working day. Planned minutes as plannedPerWeekday spreads
  // the week (504 at full time); `r` picks the day's story, deterministically.
  await s`
    with loss as (select * from unnest(${s.array(ranges.map((u) => u.code))}::text[], ${s.array(ranges.map((u) => u.lossPerMille))}::int[]) as l(code, per_mille)),
    day as (
      select e.id, d::date as day, pl.planned, abs(hashtext(e.number || d::date::text)) % 1000 as r, loss.per_mille
        from employees e join org_units o on o.id = e.org_unit_id join loss on loss.code = o.code
       cross join generate_series(${`${month}-01`}::date, ${`${month}-01`}::date + interval '1 month' - interval '1 day', interval '1 day') d
       cross join lateral (select round(e.weekly_minutes * e.employment_rate / 100.0)::int as total) t
       cross join lateral (select t.total / 5 + case when extract(isodow from d) <= t.total % 5 then 1 else 0 end as planned) pl
       where extract(isodow from d) < 6),
    kind as (
      select *, case when r < 30 then 'sickness' when r < 40 then 'sickness_half' when r < 45 then 'accident' when r < 75 then 'holiday'
                     when r < 78 then 'service' when r < 80 then 'other_paid' when r < 80 + per_mille then 'lost'
                     when r < 110 + per_mille then 'overtime' else 'worked' end as k
        from day)
    insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, absences, overtime_marked)
    select id, day, planned,
           case k when 'sickness_half' then planned - planned / 2 when 'other_paid' then planned - 120
                  when 'lost' then (case r % 3 when 0 then 0 when 1 then planned - planned / 2 else planned - 120 end)
                  when 'overtime' then planned + 30 * (1 + r % 4) when 'worked' then planned else 0 end,
           case k when 'sickness_half' then jsonb_build_object('sickness', planned / 2) when 'other_paid' then jsonb_build_object('other_paid', 120)
                  when 'sickness' then jsonb_build_object('sickness', planned) when 'accident' then jsonb_build_object('accident', planned)
                  when 'holiday' then jsonb_build_object('holiday', planned) when 'service' then jsonb_build_object('service', planned)
                  else '{}'::jsonb end,
           k = 'overtime'
      from kind`;
  await s`
    insert into timesheet_months (employee_id, month, status, submitted_at)
    select id, ${`${month}-01`}::date, 'submitted', timestamptz '2026-11-30 17:00+01' + make_interval(mins => row_number() over (order by id)::int % 2000)
      from employees`;
  await s`analyze`;
  const [counts] = await s`
    select (select count(*)::int from employees where active) as employees, (select count(*)::int from org_units) as units,
           (select count(*)::int from timesheet_days) as days, (select count(*)::int from timesheet_days where absences <> '{}') as absent,
           (select count(*)::int from timesheet_days where worked_minutes < planned_minutes and absences = '{}') as lost,
           (select count(*)::int from timesheet_days where overtime_marked) as overtime`;
  await s.end({ timeout: 5 });
  console.log(
    `RHT seed: ${counts.employees.toLocaleString("en")} employees in ${counts.units} units, ${counts.days.toLocaleString("en")} days ` +
      `(${counts.lost.toLocaleString("en")} with lost time, ${counts.absent.toLocaleString("en")} with absences, ${counts.overtime.toLocaleString("en")} with overtime): ${seconds(performance.now() - started)} s`,
  );
}
