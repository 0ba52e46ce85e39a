import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { funnel, queueHistory, ticketsByAge, topIspFailures } from "@/lib/admin/dashboard";
import { dashboardPools, getAdminOverview } from "@/lib/admin/overview";
import { foldAdminRollups } from "@/lib/admin/rollups";
import { poolStatuses } from "@/lib/devices/stock-queries";
import { overdue } from "@/lib/triage/counts";
import { oracleFunnel, oracleOverview, oracleQueueHistory, oracleTicketsByAge, oracleTopIspFailures } from "./admin-rollups-oracle";
import { deferred } from "../support/deferred";

// The dashboard's figures come from rollups kept by triggers and folded by the worker
// (lib/admin/rollups.ts). After every step of a random sequence of the changes a roll-out
// makes, folded or not, each figure must equal the old from-scratch query over the rows.

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n);
  };
}

const one = async <T,>(query: ReturnType<typeof sql>) => ((await db().execute(query)) as unknown as T[])[0];
const ids = async (query: ReturnType<typeof sql>) => ((await db().execute(query)) as unknown as { id: string }[]).map((r) => r.id);

/** The most each figure reached during the sequence, to check the sequence tested something. */
const reached = { ready: 0, groups: 0, under1: 0, under3: 0, older: 0, providers: 0, waiting: 0, activated: 0, dead: 0 };

/** Every figure on the dashboard, each against its oracle, in one transaction (one `now()`). */
async function expectFiguresEqual(label: string) {
  await db().transaction(async (tx) => {
    const bySite = await funnel("site", tx);
    const ages = await ticketsByAge(tx);
    const burnDown = await queueHistory(14, tx);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    reached.ready = Math.max(reached.ready, bySite.overall.ready);
    reached.groups = Math.max(reached.groups, bySite.groups.length);
    reached.under1 = Math.max(reached.under1, sum(ages.map((a) => a.under1)));
    reached.under3 = Math.max(reached.under3, sum(ages.map((a) => a.under3)));
    reached.older = Math.max(reached.older, sum(ages.map((a) => a.older)));
    reached.providers = Math.max(reached.providers, (await topIspFailures(8, tx)).length);
    reached.waiting = Math.max(reached.waiting, sum(burnDown.map((d) => d.laptop + d.vdi_seat + d.router_4g)));
    reached.activated = Math.max(reached.activated, sum(burnDown.map((d) => d.activated)));
    reached.dead = Math.max(reached.dead, (await getAdminOverview(tx)).mailDead);
    expect(bySite, `${label}: funnel by site`).toEqual(await oracleFunnel("site", tx));
    expect(await funnel("unit", tx), `${label}: funnel by unit`).toEqual(await oracleFunnel("unit", tx));
    expect(await ticketsByAge(tx), `${label}: tickets by age`).toEqual(await oracleTicketsByAge(tx));
    expect(await topIspFailures(8, tx), `${label}: providers`).toEqual(await oracleTopIspFailures(8, tx));
    expect(await topIspFailures(2, tx), `${label}: top 2 providers`).toEqual(await oracleTopIspFailures(2, tx));
    expect(await queueHistory(14, tx), `${label}: burn-down`).toEqual(await oracleQueueHistory(14, tx));
    expect(await getAdminOverview(tx), `${label}: overview`).toEqual(await oracleOverview(tx));
    const pools = (await poolStatuses(tx)).map((p) => ({ kind: p.kind, capacity: p.capacity, inUse: p.inUse, waiting: p.waiting, outlook: p.outlook }));
    expect(await dashboardPools(tx), `${label}: pools`).toEqual(pools);
  });
}

let sites: string[] = [];
let units: string[] = [];
let wave: string;

beforeAll(async () => {
  sites = await ids(sql`insert into sites (code, name, city, canton) values ('RA', 'Rollup A', 'Bern', 'BE'), ('RB', 'Rollup B', 'Basel', 'BS'), ('RC', 'Rollup A', 'Genève', 'GE') returning id`);
  units = await ids(sql`insert into org_units (code, name) values ('RU1', 'Rollup unit 1'), ('RU2', 'Rollup unit 2') returning id`);
  await db().execute(sql`
    insert into resource_pools (kind, capacity, daily_activation_limit) values ('laptop', 5, 2), ('vdi_seat', 50, null), ('router_4g', 3, 1), ('hardware_token', 0, null)
    on conflict (kind) do nothing`);
  await db().execute(sql`insert into hardware_tokens (serial, secret_enc) select 'HW' || g, 'x' from generate_series(1, 4) g`);
  [wave] = await ids(sql`insert into invitation_waves (name, per_day, template) values ('Rollups', 10, '{}'::jsonb) returning id`);
});

test("after each of 300 random changes, folded or not, every dashboard figure equals its recomputation", async () => {
  const pick = random(16);
  const choose = <T,>(xs: T[]) => xs[pick(xs.length)];
  const person = async () => one<{ id: string }>(sql`select id from employees order by number offset ${pick(Number((await one<{ n: number }>(sql`select count(*)::int as n from employees`)).n))} limit 1`);
  const minutes = (max: number) => pick(max);
  // Times near the edges the figures cut at: a day, three days and seven days ago, and Zurich midnights.
  const when = () =>
    choose([
      sql`now() - make_interval(mins => ${minutes(20 * 1440)})`,
      sql`now() - make_interval(mins => ${minutes(600)})`,
      sql`now() - interval '1 day' + make_interval(mins => ${minutes(100) - 50})`,
      sql`now() - interval '3 days' + make_interval(mins => ${minutes(100) - 50})`,
      sql`now() - interval '7 days' + make_interval(mins => ${minutes(100) - 50})`,
      sql`((now() at time zone 'Europe/Zurich')::date - ${minutes(10)}::int)::timestamp at time zone 'Europe/Zurich' + make_interval(mins => ${minutes(20) - 10})`,
    ]);
  const kinds = ["laptop", "vdi_seat", "router_4g"] as const;
  let serial = 0;
  const steps: (() => Promise<unknown>)[] = [
    // People: hired, leaving, moving, invited, signing in, deciding, testing.
    async () => {
      if (serial >= 14) return;
      serial += 1;
      await db().execute(sql`insert into employees (number, first_name, last_name, work_email, job_family, site_id, org_unit_id, active)
        values (${`RL${serial}`}, 'Roll', ${`Up${serial}`}, ${`rl${serial}@rollups.test`}, 'office', ${choose([...sites, null])}, ${choose([...units, null])}, ${pick(8) > 0})`);
    },
    async () => db().execute(sql`update employees set active = not active where id = ${(await person()).id}`),
    async () => db().execute(sql`update employees set site_id = ${choose([...sites, null])}, org_unit_id = ${choose([...units, null])} where id = ${(await person()).id}`),
    async () => db().execute(sql`insert into invitations (employee_id, wave_id, day) values (${(await person()).id}, ${wave}, current_date) on conflict do nothing`),
    async () => db().execute(sql`delete from invitations where employee_id = ${(await person()).id}`),
    async () => {
      const p = await person();
      await db().execute(sql`insert into users (id, email, employee_id, created_at) values (gen_random_uuid()::text, ${`u-${p.id}@rollups.test`}, ${p.id}, ${when()}) on conflict do nothing`);
    },
    async () => db().execute(sql`delete from users where employee_id = ${(await person()).id}`),
    async () => db().execute(sql`insert into sessions (session_token, user_id, expires) select gen_random_uuid()::text, id, now() + make_interval(mins => ${minutes(600) - 300}) from users order by id offset ${pick(5)} limit 1`),
    // Sessions: renewed (a new end), ending within the hour, signed out, several at once.
    async () => db().execute(sql`update sessions set expires = now() + make_interval(mins => ${minutes(600) - 120}) where session_token = (select session_token from sessions order by session_token offset ${pick(4)} limit 1)`),
    async () => db().execute(sql`insert into sessions (session_token, user_id, expires) select gen_random_uuid()::text, id, now() + make_interval(secs => ${minutes(7200) - 3600}) from users order by id offset ${pick(5)} limit 1`),
    async () => db().execute(sql`delete from sessions where session_token = (select session_token from sessions order by expires offset ${pick(3)} limit 1)`),
    async () => db().execute(sql`update sessions set expires = expires + make_interval(mins => ${minutes(90) - 45}) where expires > now() - interval '2 hours'`),
    async () =>
      db().execute(sql`insert into onboarding_cases (employee_id, eligibility, connectivity) values (${(await person()).id}, ${choose(["pending", "eligible", "eligible", "not_eligible", "review"])}, ${choose(["not_tested", "good", "limited", "udp_untested", "offline"])})
        on conflict (employee_id) do update set eligibility = excluded.eligibility, connectivity = excluded.connectivity`),
    async () => db().execute(sql`update onboarding_cases set connectivity = ${choose(["good", "gateway_unreachable", "udp_blocked"])} where employee_id = ${(await person()).id}`),
    // A whole journey at once: signed in, eligible, a computer handed over, an authenticator, a working connection.
    async () => {
      const p = await person();
      await db().execute(sql`insert into users (id, email, employee_id) values (gen_random_uuid()::text, ${`j-${p.id}@rollups.test`}, ${p.id}) on conflict do nothing`);
      await db().execute(sql`insert into onboarding_cases (employee_id, eligibility, connectivity) values (${p.id}, 'eligible', 'good') on conflict (employee_id) do update set eligibility = 'eligible', connectivity = 'good'`);
      await db().execute(sql`insert into allocations (employee_id, pool_id, kind, status, requested_at, reserved_at, issued_at)
        select ${p.id}, id, kind, 'issued', ${when()}, now(), now() from resource_pools where kind = ${choose(["laptop", "vdi_seat"])} on conflict do nothing`);
      await db().execute(sql`insert into mfa_tokens (employee_id, type, status, secret_enc) values (${p.id}, 'totp', 'active', 'x') on conflict do nothing`);
    },
    // Devices: asked for, reserved, handed over, given back, deleted; sometimes with odd times.
    async () => {
      const kind = choose([...kinds]);
      await db().execute(sql`insert into allocations (employee_id, pool_id, kind, status, requested_at)
        select ${(await person()).id}, id, kind, 'waiting', ${when()} from resource_pools where kind = ${kind} on conflict do nothing`);
    },
    async () => db().execute(sql`update allocations set status = 'reserved', reserved_at = requested_at + make_interval(mins => ${minutes(4000) - 120}) where id = (select id from allocations where status = 'waiting' order by queue_seq offset ${pick(3)} limit 1)`),
    async () => db().execute(sql`update allocations set status = 'issued', issued_at = coalesce(reserved_at, now()) where id = (select id from allocations where status = 'reserved' order by queue_seq offset ${pick(3)} limit 1)`),
    async () => db().execute(sql`update allocations set status = 'released', released_at = ${when()} where id = (select id from allocations where status <> 'released' order by queue_seq offset ${pick(4)} limit 1)`),
    async () => db().execute(sql`update allocations set reserved_at = ${when()} where id = (select id from allocations order by queue_seq offset ${pick(6)} limit 1)`),
    async () => db().execute(sql`delete from allocations where id = (select id from allocations where parent_id is null order by queue_seq desc offset ${pick(5)} limit 1)`),
    async () => db().execute(sql`update hardware_tokens set assigned_employee_id = ${(await person()).id} where serial = ${`HW${1 + pick(4)}`}`),
    // Authenticators.
    async () => db().execute(sql`insert into mfa_tokens (employee_id, type, status, secret_enc) values (${(await person()).id}, 'totp', ${choose(["active", "pending_verification"])}, 'x') on conflict do nothing`),
    async () => {
      const status = choose(["active", "revoked"]);
      await db().execute(sql`update mfa_tokens m set status = ${status} where m.id = (select id from mfa_tokens order by created_at, id offset ${pick(4)} limit 1)
        and (${status} = 'revoked' or not exists (select 1 from mfa_tokens o where o.employee_id = m.employee_id and o.id <> m.id and o.status in ('pending_verification', 'active')))`);
    },
    // Tickets: opened (one at a time or several in one statement), moving, resolved, reopened, re-filed.
    async () =>
      db().execute(sql`insert into tickets (employee_id, category, summary, snapshot, created_at)
        values (${(await person()).id}, ${choose(["help_request", "token_problem", "vpn_blocked"])}, 'r', '{}'::jsonb, ${when()}) on conflict do nothing`),
    async () =>
      db().execute(sql`insert into tickets (employee_id, category, summary, snapshot, created_at)
        select id, ${choose(["device_problem", "no_connectivity"])}, 'r', '{}'::jsonb, now() - make_interval(mins => ${minutes(6000)}) from employees order by number desc limit 3 on conflict do nothing`),
    async () => {
      const status = choose(["in_progress", "waiting_for_employee", "resolved", "closed"]);
      await db().execute(sql`update tickets t set status = ${status}, resolved_at = now() where t.id = (select id from tickets order by number offset ${pick(8)} limit 1)
        and (${status} in ('resolved', 'closed') or not exists (select 1 from tickets o where o.employee_id = t.employee_id and o.category = t.category and o.id <> t.id and o.status not in ('resolved', 'closed')))`);
    },
    async () =>
      db().execute(sql`update tickets t set status = 'new' where t.id = (select id from tickets where status in ('resolved', 'closed') order by number offset ${pick(3)} limit 1)
        and not exists (select 1 from tickets o where o.employee_id = t.employee_id and o.category = t.category and o.status not in ('resolved', 'closed'))`),
    async () =>
      db().execute(sql`update tickets t set category = 'help_request', created_at = ${when()} where t.id = (select id from tickets order by number desc offset ${pick(4)} limit 1)
        and not exists (select 1 from tickets o where o.employee_id = t.employee_id and o.category = 'help_request' and o.id <> t.id and o.status not in ('resolved', 'closed'))`),
    // Connection tests: started, finished with a verdict, abandoned, purged.
    async () =>
      db().execute(sql`insert into connectivity_tests (employee_id, isp, started_at) values (${(await person()).id}, ${choose(["Swisscom", "Sunrise", "Salt", "Init7", null])}, ${when()})`),
    async () =>
      db().execute(sql`update connectivity_tests set status = 'completed', verdict = ${choose(["good", "good", "limited", "udp_blocked", "udp_untested", "offline", "gateway_unreachable"])}
        where id = (select id from connectivity_tests order by started_at, id offset ${pick(5)} limit 1)`),
    async () => db().execute(sql`update connectivity_tests set status = 'abandoned' where id = (select id from connectivity_tests order by started_at desc, id offset ${pick(5)} limit 1)`),
    async () => db().execute(sql`delete from connectivity_tests where started_at < now() - make_interval(days => ${6 + pick(10)})`),
    // Mail: queued, sent, failed for good, retried.
    async () => db().execute(sql`insert into outbox (to_address, subject, text_body, html_body) values ('m@rollups.test', 's', 't', 'h')`),
    async () => db().execute(sql`update outbox set status = ${choose(["sent", "dead", "pending"])} where id = (select id from outbox order by id offset ${pick(6)} limit 1)`),
  ];
  for (let i = 0; i < 4; i += 1) await steps[0]();
  for (let step = 0; step < 300; step += 1) {
    const which = pick(steps.length);
    await steps[which]();
    // Folded about one step in four: figures must hold with changes folded, pending, or both.
    if (pick(4) === 0) await foldAdminRollups();
    await expectFiguresEqual(`step ${step} (change ${which})`);
  }
  // Some tickets waiting for IT fell due hours ago: counted late by the hour they fell due.
  await db().execute(sql`update tickets set sla_due_at = now() - make_interval(hours => 2 + (number % 30)::int) where status in ('new', 'in_progress')`);
  await foldAdminRollups();
  const left = await one<{ marks: number; deltas: number }>(sql`select (select count(*) from admin_funnel_dirty)::int as marks, (select count(*) from admin_rollup_deltas)::int as deltas`);
  expect(left).toEqual({ marks: 0, deltas: 0 });
  await expectFiguresEqual("after the last fold");
  // Hours no reader tells apart any more are settled, so the rollups do not grow with the crisis's
  // length: open tickets from before three days ago in one row per category, tickets due before
  // this hour in one row, tests from before seven days ago gone (each edge an hour earlier here:
  // a fold's hour is this one or the last).
  const old = await one<{ hourly: number; due: number; settled: number; tests: number }>(sql`
    select count(*) filter (where figure = 'tickets_open' and at > '-infinity' and at < now() - interval '3 days 1 hour')::int as hourly,
           count(*) filter (where figure like 'tickets_due_%' and at > '-infinity' and at < now() - interval '1 hour')::int as due,
           count(*) filter (where figure = 'tickets_open' and at = '-infinity')::int as settled,
           count(*) filter (where figure = 'isp_tests' and at < now() - interval '7 days 1 hour')::int as tests
      from admin_rollups`);
  expect(old.hourly, "hourly rows of open tickets older than three days").toBe(0);
  expect(old.due, "hourly rows of tickets due before the last hour").toBe(0);
  expect(old.tests, "rows of tests older than seven days").toBe(0);
  expect(old.settled, "open tickets older than three days, one row per category").toBeGreaterThan(0);
  const late = await one<{ kept: number; counted: number }>(sql`
    select ${overdue("queue")} as kept, (select count(*) from tickets where status in ('new', 'in_progress') and sla_due_at < now())::int as counted`);
  expect(late.counted, "tickets late").toBeGreaterThan(0);
  expect(late.kept, "tickets late, from the settled rows").toBe(late.counted);
  // The sequence did reach the states it is meant to test.
  console.log(reached);
  for (const [figure, most] of Object.entries(reached)) expect(most, figure).toBeGreaterThan(figure === "groups" ? 2 : 0);
}, 300_000);

test("a fold in progress does not make writers wait, and a second fold at the same time does nothing", async () => {
  const released = deferred();
  const holding = deferred();
  const holder = db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('admin_rollups_fold'))`);
    await tx.execute(sql`delete from admin_rollup_deltas where false`);
    holding.resolve();
    await released.promise;
  });
  // Once the fold's lock is held (a busy machine may take a while to take it), not after a guess.
  await holding.promise;
  try {
    expect(await foldAdminRollups()).toBeNull();
    // A writer goes through while the fold holds its lock (it would wait here for ever otherwise).
    await db().execute(sql`insert into tickets (employee_id, category, summary, snapshot) select id, 'help_request', 'r', '{}'::jsonb from employees order by number limit 1 on conflict do nothing`);
  } finally {
    released.resolve();
    await holder;
  }
  expect(await foldAdminRollups()).not.toBeNull();
  await expectFiguresEqual("after concurrent folds");
});
