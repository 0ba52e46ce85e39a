// Admin work at 15,000 employees: the HR roster import (dry run, apply, idempotent
// re-import, re-import with changes and absentees deactivated), each in its transaction with
// wall time and peak memory; then the crisis dashboard's queries over a realistic roll-out
// state. `bench/run.ts` runs this file in a process of its own (the app's environment and pool
// are per process); on its own:
//   node --conditions=react-server --import tsx bench/admin.ts
// Reported, never asserted in tests: targets print OK or SLOW like the other benches. Wrong
// import counts are a failure (non-zero exit), not a slowness.
// lib/ is loaded the way the vitest integration tests load it (see bench/resolve-hook.mjs).
import { register } from "node:module";
import { createDb, noConnectionLimits } from "../db/client";
import { measure, mb, seconds } from "./lib/measure";
import { rates, rosterCsv, sites } from "./lib/roster-csv";
import { percentile, startBenchDatabase, pointAppAt } from "./lib/bench-database";

register("./resolve-hook.mjs", import.meta.url);

const employees = 15_000;
const changedRows = 500;
const removedRows = 300;
const dashboardRuns = 20;

async function main() {
  const bench = await startBenchDatabase("admin");
  let endPool: (() => Promise<void>) | null = null;
  try {
    const url = bench.url;
    pointAppAt(url);
    const { sql } = await import("drizzle-orm");
    const { runRosterImport } = await import("../lib/roster/import");
    const { funnel, ticketsByAge, topIspFailures, sinceYesterday } = await import("../lib/admin/dashboard");
    const { getAdminOverview } = await import("../lib/admin/overview");
    const { poolStatuses } = await import("../lib/devices/stock-queries");
    const { db } = await import("../lib/db");
    endPool = () => (db().$client as unknown as { end(o: object): Promise<void> }).end({ timeout: 5 });
    const gc = typeof (globalThis as { gc?: unknown }).gc === "function" ? "after gc" : "without gc (no --expose-gc)";

    // The admin running the imports: on the roster, never in the file (so never deactivated).
    const [admin] = (await db().execute(sql`
      insert into employees (number, first_name, last_name, work_email, job_family) values ('ADMIN1', 'Ada', 'Admin', 'admin@bench.test', 'it')
      returning id`)) as unknown as { id: string }[];

    // 1. Roster import.
    let started = performance.now();
    const file = rosterCsv(employees);
    const changedFile = rosterCsv(employees - removedRows, (i) => {
      const r = rates[(i * 3) % rates.length];
      return i % 29 === 1 && Math.floor(i / 29) < changedRows ? (r === 100 ? 90 : 100) : r;
    });
    console.log(`roster CSV: ${employees.toLocaleString("en")} rows, ${mb(file.byteLength)} MB, generated in ${Math.round(performance.now() - started)} ms`);
    type Expected = { added: number; changed: number; unchanged: number; deactivated: number; applied: boolean };
    const failures: string[] = [];
    const importStep = async (label: string, bytes: Uint8Array, options: { apply: boolean; deactivateMissing: boolean }, expected: Expected) => {
      // The admin's own path (app/api/imports): the file read first, then one transaction with the long-work limit.
      const m = await measure(() => runRosterImport(admin.id, bytes, options));
      const r = m.result;
      const got = { added: r.added, changed: r.changed, unchanged: r.unchanged, deactivated: r.deactivated, applied: r.applied };
      const wrong = r.issueCount > 0 || r.reactivated !== 0 || (Object.keys(expected) as (keyof Expected)[]).some((k) => got[k] !== expected[k]);
      console.log(
        `roster import ${label}: ${seconds(m.ms)} s, peak +${mb(m.heap)} MB heap, +${mb(m.rss)} MB RSS; added ${r.added}, changed ${r.changed}, ` +
          `unchanged ${r.unchanged}, deactivated ${r.deactivated}, issues ${r.issueCount}, warnings ${r.warningCount} (target < 10 s) ${m.ms < 10_000 ? "OK" : "SLOW"}` +
          (wrong ? ` WRONG COUNTS, expected ${JSON.stringify(expected)}` : ""),
      );
      if (wrong) failures.push(`${label}: got ${JSON.stringify({ ...got, issues: r.issues.slice(0, 5) })}, expected ${JSON.stringify(expected)}`);
    };
    await importStep("(a) dry run, empty roster", file, { apply: false, deactivateMissing: false }, { added: employees, changed: 0, unchanged: 0, deactivated: 0, applied: false });
    await importStep("(b) apply, 15,000 new", file, { apply: true, deactivateMissing: false }, { added: employees, changed: 0, unchanged: 0, deactivated: 0, applied: true });
    await importStep("(c) same file again", file, { apply: true, deactivateMissing: false }, { added: 0, changed: 0, unchanged: employees, deactivated: 0, applied: true });
    await importStep(`(d) ${changedRows} changed, ${removedRows} absent (deactivate)`, changedFile, { apply: true, deactivateMissing: true }, {
      added: 0,
      changed: changedRows,
      unchanged: employees - removedRows - changedRows,
      deactivated: removedRows,
      applied: true,
    });
    const [state] = (await db().execute(sql`
      select count(*) filter (where active)::int as active, count(*) filter (where not active)::int as inactive,
             count(*) filter (where manager_id is not null)::int as managed
        from employees`)) as unknown as { active: number; inactive: number; managed: number }[];
    const expectedManaged = Array.from({ length: employees }, (_, i) => i % 20 >= 1 && i % 20 <= 12).filter(Boolean).length;
    if (state.active !== employees - removedRows + 1 || state.inactive !== removedRows || state.managed !== expectedManaged) {
      failures.push(`roster after the imports: ${JSON.stringify(state)}, expected ${employees - removedRows + 1} active, ${removedRows} inactive, ${expectedManaged} with a manager`);
    }
    console.log(`roster import memory baselines ${gc}, sampled every 20 ms; roster now ${state.active.toLocaleString("en")} active, ${state.inactive} inactive`);
    if (failures.length > 0) throw new Error(`roster import counts are wrong:\n  ${failures.join("\n  ")}`);

    // 2. Dashboard: a roll-out a few days in, for the active roster (set-based seed).
    started = performance.now();
    const seed = createDb(url, { max: 1, limits: noConnectionLimits });
    const s = seed.sql;
    await s`update employees set site_id = (select id from sites where code = 'LSN'), org_unit_id = (select id from org_units where code = 'IT') where id = ${admin.id}`;
    await s`
      insert into resource_pools (kind, capacity, daily_activation_limit) values
        ('laptop', 6000, 400), ('vpn_licence', 6500, null), ('vdi_seat', 5000, 800), ('hardware_token', 500, null), ('router_4g', 300, 50)`;
    // k: a stable position among active employees; h1…h6: independent stable pseudo-random 0..9999 per person.
    await s`
      create temporary table people as
      select e.id, e.work_email, row_number() over (order by e.number) as k, abs(hashtext(e.number)) % 10000 as h1,
             abs(hashtext(e.number || ':2')) % 10000 as h2, abs(hashtext(e.number || ':3')) % 10000 as h3, abs(hashtext(e.number || ':4')) % 10000 as h4,
             abs(hashtext(e.number || ':5')) % 10000 as h5, abs(hashtext(e.number || ':6')) % 10000 as h6
        from employees e where e.active and e.number like 'E%'`;
    // ~70 % signed in, over the last two weeks (some today).
    await s`
      insert into users (id, email, employee_id, created_at)
      select gen_random_uuid()::text, work_email, id, now() - make_interval(mins => (h1 * 7 + k::int) % 20160) from people where h1 % 10 < 7`;
    await s`
      insert into onboarding_cases (employee_id, eligibility, eligibility_decided_at, connectivity, created_at)
      select p.id,
             (case when p.h2 % 100 < 85 then 'eligible' when p.h2 % 100 < 90 then 'not_eligible' when p.h2 % 100 < 95 then 'review' else 'pending' end)::eligibility_status,
             case when p.h2 % 100 < 95 then u.created_at + interval '5 minutes' end,
             (case when p.h3 % 100 < 60 then 'good' when p.h3 % 100 < 70 then 'limited' when p.h3 % 100 < 75 then 'udp_blocked'
                   when p.h3 % 100 < 80 then 'gateway_unreachable' when p.h3 % 100 < 83 then 'offline' else 'not_tested' end)::connectivity_status,
             u.created_at
        from people p join users u on u.employee_id = p.id`;
    // Eligible people: 80 % asked for a computer, 60 % of them a laptop (issued, reserved or waiting), the others a VDI seat.
    await s`
      insert into allocations (employee_id, pool_id, kind, status, requested_at, reserved_at, issued_at)
      select d.id, pl.id, d.kind::pool_kind, d.status::allocation_status, d.requested_at,
             case when d.status <> 'waiting' then d.requested_at + interval '1 minute' end,
             case when d.status = 'issued' then d.requested_at + make_interval(hours => 1 + d.h % 48) end
        from (select p.id, p.h4 as h, c.created_at + interval '10 minutes' as requested_at,
                     case when p.h4 / 100 < 60 then 'laptop' else 'vdi_seat' end as kind,
                     case when p.h4 / 100 < 60 then (case when p.h5 % 10 < 5 then 'issued' when p.h5 % 10 < 8 then 'reserved' else 'waiting' end)
                          else (case when p.h5 % 10 < 9 then 'issued' else 'waiting' end) end as status
                from people p join onboarding_cases c on c.employee_id = p.id
               where c.eligibility = 'eligible' and p.h4 % 100 < 80) d
        join resource_pools pl on pl.kind = d.kind::pool_kind
       order by d.requested_at`;
    // A laptop's VPN licence follows it.
    await s`
      insert into allocations (employee_id, pool_id, kind, status, parent_id, requested_at, reserved_at, issued_at)
      select a.employee_id, pl.id, 'vpn_licence', a.status, a.id, a.requested_at, a.reserved_at, a.issued_at
        from allocations a join resource_pools pl on pl.kind = 'vpn_licence'
       where a.kind = 'laptop' and a.status in ('reserved', 'issued')`;
    await s`
      update resource_pools p set in_use = n, capacity = greatest(p.capacity, n + 100)
        from (select pl.id, count(a.id)::int as n from resource_pools pl left join allocations a on a.pool_id = pl.id and a.status in ('reserved', 'issued') group by pl.id) c
       where c.id = p.id`;
    await s`
      insert into activation_days (pool_id, day, used)
      select id, (now() at time zone 'Europe/Zurich')::date, least(daily_activation_limit, 120) from resource_pools where daily_activation_limit is not null`;
    // Tokens: 80 % of the people with a computer have an active authenticator, some are still verifying.
    await s`
      insert into mfa_tokens (employee_id, type, status, secret_enc, activated_at)
      select a.employee_id, 'totp', (case when p.h6 % 10 < 8 then 'active' else 'pending_verification' end)::mfa_status, 'x',
             case when p.h6 % 10 < 8 then coalesce(a.issued_at, a.reserved_at) + interval '1 hour' end
        from allocations a join people p on p.id = a.employee_id
       where a.kind in ('laptop', 'vdi_seat') and a.status in ('reserved', 'issued') and p.h6 / 1000 < 9`;
    await s`
      update onboarding_cases c set ready_at = a.issued_at + interval '2 hours'
        from allocations a, mfa_tokens t
       where a.employee_id = c.employee_id and a.kind in ('laptop', 'vdi_seat') and a.status = 'issued'
         and t.employee_id = c.employee_id and t.status = 'active' and c.eligibility = 'eligible' and c.connectivity in ('good', 'limited', 'udp_blocked', 'udp_untested')`;
    // ~3,000 tickets from signed-in people (one each), a third of them resolved or closed, over ten days.
    await s`
      insert into tickets (employee_id, category, priority, status, summary, snapshot, sla_due_at, created_at, updated_at, resolved_at)
      select t.employee_id, t.category::ticket_category, t.priority::ticket_priority, t.status::ticket_status, 'bench', '{}'::jsonb,
             t.created_at + interval '8 hours', t.created_at, t.created_at,
             case when t.status in ('resolved', 'closed') then t.created_at + make_interval(mins => 30 + t.r % 2000) end
        from (select u.employee_id, p.h5 as r, now() - make_interval(mins => (p.h5 * 37 + p.k::int) % 14400) as created_at,
                     (array['help_request','token_problem','vpn_blocked','no_connectivity','device_problem','gateway_unreachable','eligibility_review'])[1 + p.h6 % 7] as category,
                     (array['low','normal','normal','high','urgent'])[1 + (p.h6 / 7) % 5] as priority,
                     (array['new','new','in_progress','waiting_for_employee','in_progress','resolved','closed'])[1 + (p.h5 / 3) % 7] as status
                from people p join users u on u.employee_id = p.id
               where p.h3 / 100 < 29) t`;
    // ~20,000 connection tests over two weeks from signed-in people, mostly completed.
    await s`
      insert into connectivity_tests (employee_id, status, isp, latency_ms, download_kbps, upload_kbps, udp_ok, verdict, started_at, completed_at)
      select u.ids[1 + g % cardinality(u.ids)], (case when g % 50 = 0 then 'abandoned' else 'completed' end)::connectivity_test_status,
             case when g % 97 = 0 then null else (array['Swisscom','Swisscom','Swisscom','Sunrise','Sunrise','Salt','Quickline','Init7','Wingo','Yallo'])[1 + (g * 7) % 10] end,
             20 + g % 80, 5000 + (g * 131) % 95000, 1000 + (g * 71) % 40000, g % 13 <> 0,
             case when g % 50 <> 0 then (case when (g * 11) % 100 < 70 then 'good' when (g * 11) % 100 < 82 then 'limited' when (g * 11) % 100 < 90 then 'udp_blocked'
                                              when (g * 11) % 100 < 96 then 'gateway_unreachable' else 'offline' end)::connectivity_verdict end,
             at, at + interval '30 seconds'
        from (select array_agg(employee_id order by employee_id) as ids from users) u
        cross join generate_series(1, 20000) g
        cross join lateral (select now() - make_interval(secs => (g * 61 + 45) % 1209600) as at) t`;
    await s`analyze`;
    const [counts] = await s`
      select (select count(*)::int from users) as users, (select count(*)::int from onboarding_cases where eligibility = 'eligible') as eligible,
             (select count(*)::int from allocations where kind in ('laptop', 'vdi_seat')) as devices,
             (select count(*)::int from allocations where status = 'waiting') as waiting,
             (select count(*)::int from mfa_tokens where status = 'active') as tokens,
             (select count(*)::int from onboarding_cases where ready_at is not null) as ready,
             (select count(*)::int from tickets) as tickets, (select count(*)::int from tickets where status not in ('resolved', 'closed')) as open,
             (select count(*)::int from connectivity_tests) as tests`;
    await s.end({ timeout: 5 });
    const n = (v: number) => v.toLocaleString("en");
    console.log(
      `dashboard seed: ${n(counts.users)} signed in, ${n(counts.eligible)} eligible, ${n(counts.devices)} computers (${n(counts.waiting)} waiting), ` +
        `${n(counts.tokens)} active tokens, ${n(counts.ready)} ready, ${n(counts.tickets)} tickets (${n(counts.open)} open), ${n(counts.tests)} connection tests: ${seconds(performance.now() - started)} s`,
    );

    const queries: [string, () => Promise<unknown>][] = [
      ['funnel("site")', () => funnel("site")],
      ['funnel("unit")', () => funnel("unit")],
      ["ticketsByAge()", () => ticketsByAge()],
      ["topIspFailures()", () => topIspFailures()],
      ["sinceYesterday()", () => sinceYesterday()],
      ["poolStatuses()", () => poolStatuses()],
    ];
    // Sanity: the funnel sees the seeded roll-out (ready_at above follows the funnel's definition of ready).
    const check = await funnel("site");
    if (check.overall.roster !== employees - removedRows + 1 || check.overall.signed_in !== counts.users || check.overall.ready !== counts.ready || check.groups.length !== sites.length) {
      throw new Error(`funnel("site") does not match the seed: ${JSON.stringify(check)}`);
    }
    console.log(`dashboard funnel (overall): ${funnelSummary(check.overall)}`);
    for (const [, run] of queries) await run(); // warm-up: connections and plans
    const timings = queries.map(() => [] as number[]);
    const totals: number[] = [];
    const page: number[] = [];
    for (let run = 0; run < dashboardRuns; run += 1) {
      let total = 0;
      for (const [i, [, query]] of queries.entries()) {
        const t = performance.now();
        await query();
        const ms = performance.now() - t;
        timings[i].push(ms);
        total += ms;
      }
      totals.push(total);
      // As app/admin/page.tsx loads it: overview, one funnel, pools, tickets and providers at once.
      const t = performance.now();
      await Promise.all([getAdminOverview(), funnel("site"), poolStatuses(), ticketsByAge(), topIspFailures()]);
      page.push(performance.now() - t);
    }
    for (const [i, [label]] of queries.entries()) {
      console.log(`dashboard ${label}: median ${percentile(timings[i], 50).toFixed(1)} ms, p95 ${percentile(timings[i], 95).toFixed(1)} ms`);
    }
    const totalP95 = percentile(totals, 95);
    console.log(
      `dashboard, all ${queries.length} queries one after the other: median ${percentile(totals, 50).toFixed(1)} ms, p95 ${totalP95.toFixed(1)} ms ` +
        `(target < 500 ms) ${totalP95 < 500 ? "OK" : "SLOW"}; the admin page's 5 queries at once: median ${percentile(page, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(page, 95).toFixed(1)} ms (${dashboardRuns} runs)`,
    );
  } finally {
    await endPool?.();
    await bench.stop();
  }
}

function funnelSummary(c: Record<string, number>): string {
  return Object.entries(c)
    .map(([step, v]) => `${step} ${v.toLocaleString("en")}`)
    .join(", ");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
