import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { seedCrisisMonth, seedLockedCrisisMonth } from "./crisis-hours";
import { seedCrisisDevices } from "./crisis-devices";
import { seedCrisisTickets } from "./crisis-tickets";
import { seedDemo } from "./demo";
import { lastMonth, rolloutClock, workingDayBefore } from "./rollout-clock";
import { shiftMonth } from "../../lib/rht/month";

// The crisis-scale data set of issue 16 (`DEMO_EMPLOYEES=15000 npm start` on a fresh .data/,
// and the bench's `seedCrisis`): the demo company at 15,000 people in the middle of its
// roll-out, with the figures of the measurement that found the pages slow. Set-based SQL
// (generate_series, insert … select), one transaction, each step timed. Every counter the
// app keeps is written as its own code would (pool units in use, activations per day, the
// queue's order); caches are left to the triggers and recomputations. Another number of
// people scales every figure in proportion.

export const crisisSeedVersion = "2";

/** The measurement's figures at 15,000 people. */
export const crisisTargets = { employees: 15_000, signedIn: 11_000, issued: 6_800, waiting: 777, tickets: 100_000, openTickets: 40_000, ticketEvents: 290_000, connectionTests: 30_000, sentMails: 60_000 };
export type CrisisCounts = typeof crisisTargets & { claimedOpen: number; invited: number; agents: number };

/** The figures for `employees` people: each target in proportion, rounded. */
export function crisisCounts(employees: number): CrisisCounts {
  const scaled = Object.fromEntries(Object.entries(crisisTargets).map(([k, v]) => [k, Math.round((v * employees) / crisisTargets.employees)])) as typeof crisisTargets;
  // Ended tickets have four events (opened, claimed, answered, ended), open ones one or two (claimed).
  const ended = scaled.tickets - scaled.openTickets;
  const claimedOpen = scaled.ticketEvents - scaled.tickets - 3 * ended;
  return { ...scaled, employees, claimedOpen, invited: Math.round(scaled.signedIn * 1.18), agents: Math.max(2, Math.round(employees / 750)) };
}

export type CrisisStep = { step: string; ms: number };

/**
 * Seeds the demo company at `employees` people (when the database has none yet) and the
 * crisis-scale roll-out on it, once (app_meta `demo_crisis`). Returns the timed steps, or
 * null when it was there already or the database holds the default demo's roll-out.
 */
export async function seedCrisis(
  db: Db,
  options: { employees?: number; encryptionKey: Buffer; month?: string; now?: Date; log?: (line: string) => void },
): Promise<CrisisStep[] | null> {
  const employees = options.employees ?? crisisTargets.employees;
  const counts = crisisCounts(employees);
  const steps: CrisisStep[] = [];
  const note = (step: string, started: number) => {
    steps.push({ step, ms: Math.round(performance.now() - started) });
    options.log?.(`crisis seed: ${step} in ${Math.round(performance.now() - started).toLocaleString("en")} ms`);
  };
  const timed = async <T,>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    note(step, started);
    return result;
  };
  const started = performance.now();
  if ((await seedDemo(db, { employees, encryptionKey: options.encryptionKey })).seeded) note(`the company, ${employees.toLocaleString("en")} people`, started);
  const clock = rolloutClock(options.now ?? new Date());
  const month = options.month ?? lastMonth(clock.today);
  const done = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('passerelle-demo-seed'))`);
    // Sorts and joins of a few hundred thousand rows stay in memory (this transaction only).
    await tx.execute(sql`set local work_mem = '128MB'`);
    const meta = (await tx.execute(sql`select key from app_meta where key in ('demo_rollout', 'demo_crisis')`)) as unknown as { key: string }[];
    if (meta.length > 0) return false;
    // The figures are sized for the roster seedDemo made: an older demo of another size is left alone.
    const [{ n }] = (await tx.execute(sql`select count(*)::int as n from employees`)) as unknown as { n: number }[];
    if (n !== employees) return false;
    await timed("people", () => crisisPeople(tx));
    await timed(`${counts.signedIn.toLocaleString("en")} signed in, with sessions and eligibility`, () => signIns(tx, counts, [workingDayBefore(clock.d1), clock.d1, clock.d2, clock.d3].map((d) => clock.window(d))));
    await seedCrisisDevices(tx, counts, options.encryptionKey, timed);
    await seedCrisisTickets(tx, counts, timed);
    // The month before, locked: the declared month reads its opening balance and history from it.
    const before = shiftMonth(month, -1);
    const [hr] = (await tx.execute(sql`select r.employee_id as id from employee_roles r join employees e on e.id = r.employee_id where r.role = 'hr' order by e.number limit 1`)) as unknown as { id: string }[];
    await timed(`timesheet days of ${before}, approved and locked`, () => seedLockedCrisisMonth(tx, before, hr.id));
    await timed(`timesheet days of ${month}`, () => seedCrisisMonth(tx, month));
    await tx.execute(sql`drop table crisis_people`);
    await tx.execute(sql`insert into app_meta (key, value) values ('demo_crisis', ${`${crisisSeedVersion}:${employees}`})`);
    return true;
  });
  if (!done) return null;
  await timed("analyze", () => db.execute(sql`analyze`));
  return steps;
}

const onSiteJobs = sql`('production_operator', 'warehouse', 'driver', 'maintenance', 'lab_technician')`;

/**
 * Everyone who may take part, ranked: people whose job can be done from home first, then by a
 * stable hash of their number, so "the first n" is the same set on every run. The demo accounts stay out.
 */
async function crisisPeople(tx: Tx) {
  await tx.execute(sql`
    create temporary table crisis_people as
    select e.id, e.number, e.job_family, e.contract_type::text as contract_type, lower(coalesce(e.work_email, e.private_email)) as address,
           e.job_family in ${onSiteJobs} as onsite,
           e.job_family in (select jsonb_array_elements_text(value->'vdi') from settings where key = 'device_recommendations') as vdi,
           abs(hashtext('crisis:' || e.number)) as h,
           row_number() over (order by e.job_family in ${onSiteJobs}, abs(hashtext('crisis:' || e.number)), e.number)::int as k
      from employees e
     where e.active and e.number not like 'D%' and coalesce(e.work_email, e.private_email) is not null`);
  await tx.execute(sql`create unique index on crisis_people (k)`);
  await tx.execute(sql`create unique index on crisis_people (id)`);
  await tx.execute(sql`analyze crisis_people`);
}

/**
 * One wave invited the first people over the last four working days; most of them signed in
 * (a session each, the address they used as contact address) and answered the questions. The
 * decision follows the default rules in their order (lib/eligibility/rules.ts), reason included.
 */
async function signIns(tx: Tx, counts: CrisisCounts, days: { t0: Date; t1: Date }[]) {
  const windows = JSON.stringify(days.map((d, idx) => ({ idx, t0: d.t0, t1: d.t1 })));
  await tx.execute(sql`
    with wave as (
      insert into invitation_waves (name, per_day, template, status, created_at)
      values ('Vague générale', 4000, ${JSON.stringify({ fr: { subject: "Passerelle", body: "Bonjour {firstName}, {link}" }, de: { subject: "Passerelle", body: "Guten Tag {firstName}, {link}" }, en: { subject: "Passerelle", body: "Hello {firstName}, {link}" } })}::jsonb,
              'paused', (select (min(t0) - interval '1 hour') from jsonb_to_recordset(${windows}::jsonb) as w(t0 timestamptz)))
      returning id)
    insert into invitations (employee_id, wave_id, sent_at, day)
    select p.id, wave.id, w.t0 + make_interval(secs => p.k % 600), (w.t0 at time zone 'Europe/Zurich')::date
      from crisis_people p cross join wave join jsonb_to_recordset(${windows}::jsonb) as w(idx int, t0 timestamptz, t1 timestamptz) on w.idx = p.k % 4
     where p.k <= ${counts.invited}`);
  await tx.execute(sql`
    insert into users (id, email, name, email_verified, employee_id, created_at)
    select gen_random_uuid()::text, p.address, e.first_name || ' ' || e.last_name, at, p.id, at
      from crisis_people p join employees e on e.id = p.id join invitations i on i.employee_id = p.id
     cross join lateral (select least(i.sent_at + make_interval(secs => (p.h % 30000)::int), now() - interval '1 minute') as at) t
     where p.k <= ${counts.signedIn}`);
  await tx.execute(sql`
    insert into sessions (session_token, user_id, expires)
    select encode(sha256(convert_to(u.id || ':' || u.employee_id, 'UTF8')), 'hex'), u.id, now() + interval '30 days' from users u join crisis_people p on p.id = u.employee_id`);
  await tx.execute(sql`
    update employees e set contact_email = case when lower(e.work_email) = p.address then e.work_email else e.private_email end
      from crisis_people p where p.id = e.id and p.k <= ${counts.signedIn}`);
  // Answers from the hash; 2 % signed in without answering yet.
  await tx.execute(sql`
    with answered as (
      select p.id, p.onsite, p.contract_type, u.created_at + make_interval(mins => 2 + (p.h % 13)::int) as at,
             jsonb_build_object('workFromHome', case when p.h % 100 < 2 then 'no' when p.h % 100 < 18 then 'partly' else 'yes' end,
                                'confidentialPaper', case when p.h / 100 % 100 < 2 then 'yes' else 'no' end,
                                'onSiteEquipment', case when p.h / 10000 % 100 < (case when p.onsite then 50 else 1 end) then 'yes' else 'no' end,
                                'homeWorkspace', case when p.h / 1000000 % 100 < 2 then 'no' else 'yes' end) as answers
        from crisis_people p join users u on u.employee_id = p.id
       where p.h / 7 % 100 >= 2),
    decided as (
      select a.*, case when a.onsite then 'on_site_job' when answers->>'onSiteEquipment' = 'yes' then 'equipment_on_site'
                       when answers->>'workFromHome' = 'no' then 'not_doable_from_home' when answers->>'confidentialPaper' = 'yes' then 'confidential_paper'
                       when answers->>'homeWorkspace' = 'no' then 'no_home_workspace' when a.contract_type in ('temporary', 'on_call') then 'temporary_contract' end as rule_id
        from answered a)
    insert into onboarding_cases (employee_id, eligibility, eligibility_answers, eligibility_rule_id, eligibility_reason, eligibility_rules_version, eligibility_decided_at, created_at, updated_at)
    select d.id, coalesce(r.rule->>'outcome', 'eligible')::eligibility_status, d.answers, d.rule_id, r.rule->'reason', s.version, least(d.at, now() - interval '1 minute'), d.at, d.at
      from decided d cross join (select version, rules from eligibility_rule_sets where active) s
      left join lateral (select x as rule from jsonb_array_elements(s.rules) x where x->>'id' = d.rule_id) r on true`);
  await tx.execute(sql`
    insert into employee_roles (employee_id, role)
    select e.id, 'it_agent' from employees e join org_units o on o.id = e.org_unit_id
     where o.code = 'IT' and e.job_family = 'it_support' and e.active and e.number not like 'D%' order by e.number limit ${counts.agents}
    on conflict do nothing`);
}
