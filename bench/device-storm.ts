// The device-request storm of issue 16: 2,000 people ask for a laptop at the same moment while
// 1,000 are free, then 500 at once. Each request goes through the real server action
// (defineAction: zod, receipt, lib/devices, audit, one transaction on the app's pool of 10); only
// the session lookup is replaced, as in the integration tests (each request carries its person).
// In the same run, on the same pool and with as many at once, two yardsticks:
//  - a bare transaction (one `select 1`): what the pool and PostgreSQL give at all;
//  - the same action for people who already asked (everything but the pool's decision).
// Their ratios show what the pools' lock costs. The storm's end state is checked: exactly the
// free units taken, the rest queued 1…n, nothing overbooked (else the bench fails).
// Then the issue's own yardstick: the production build and the bare Next.js JSON route
// (bench/bare-app/app/api/bare) on loopback, 2,000 POSTs at once to the bare route, then 2,000
// other people's requests at once as their browsers send them (the server action over HTTP,
// each with its session cookie), then the same again with nothing to decide, then 500 at once
// (bench/lib/device-storm-http.ts); then all of it again on one web worker per core, as
// `npm start` serves, against the bare route on as many.
// `bench/run.ts` runs this file in a process of its own; alone:
//   node --conditions=react-server --import tsx bench/device-storm.ts
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { createDb, noConnectionLimits } from "../db/client";
import type { CurrentPerson } from "../lib/roster/queries";
import { ensureBuild } from "../scripts/lib/build";
import { benchKey, pointAppAt, sessionsFor, startBenchDatabase } from "./lib/bench-database";
import { atOnce } from "./lib/at-once";
import { fmt } from "./lib/measure";
import { bareAppDir, ensureBareBuild, startNext, type NextServer } from "./lib/next-server";
import { stormOverHttp, type StormWorld } from "./lib/device-storm-http";

register("./resolve-hook.mjs", import.meta.url);
// The action's session: each simulated request's person (lib/auth/session.ts reads Next's cookies).
const persons = new AsyncLocalStorage<CurrentPerson>();
(globalThis as { __benchPerson?: AsyncLocalStorage<CurrentPerson> }).__benchPerson = persons;
const sessionStub = `export const getCurrentPerson = async () => globalThis.__benchPerson.getStore() ?? null;
export const requirePerson = async () => { throw new Error("bench: not in the device path"); };
export const requireRole = requirePerson, personFromSession = requirePerson;`;
const sessionHook = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  return resolved.url.endsWith("/lib/auth/session.ts") ? { url: ${JSON.stringify(`data:text/javascript,${encodeURIComponent(sessionStub)}`)}, shortCircuit: true } : resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(sessionHook)}`);

const storm = 2_000;
const free = 1_000;
const burst = 500;
const burstFree = 250;

async function main() {
  const bench = await startBenchDatabase("device-storm");
  let endPool: (() => Promise<void>) | null = null;
  const servers: NextServer[] = [];
  try {
    pointAppAt(bench.url);
    const seed = createDb(bench.url, { max: 1, limits: noConnectionLimits });
    const s = seed.sql;
    let started = performance.now();
    // A roll-out in progress (issue 16's crisis scale): 6,800 devices out or promised, 777 people
    // waiting for a VDI seat, 1,000 laptops free; and the people of the storm, the burst and the yardstick.
    // In process: the storm, then the burst; over HTTP, on one process then on workers: the same, other people each time.
    const crowd = 3 * (storm + burst);
    await s`
      insert into employees (number, first_name, last_name, work_email, job_family, language)
      select 'B' || lpad(g::text, 6, '0'), (array['Zoé','Jonas','Lena','Marco','Aline'])[1 + g % 5], 'Storm' || g, 'b' || g || '@bench.test',
             'engineer', (array['fr','de','en'])[1 + g % 3]::language
        from generate_series(1, ${6_800 + crowd}) g`;
    await s`insert into onboarding_cases (employee_id, eligibility) select id, 'eligible' from employees`;
    await s`
      insert into resource_pools (kind, capacity, in_use, daily_activation_limit) values
        ('laptop', ${4_000 + free}, 4000, null), ('vpn_licence', ${4_000 + free + 2_000}, 4000, null),
        ('vdi_seat', 2023, 2023, null), ('hardware_token', 500, 0, null), ('router_4g', 300, 0, null)`;
    await s`
      with people as (select id, row_number() over (order by number) as k from employees where number <= 'B006800'),
      laptops as (
        insert into allocations (employee_id, pool_id, kind, status, reserved_at, issued_at, handover_method, shipping_address)
        select id, (select id from resource_pools where kind = 'laptop'), 'laptop', case when k % 3 = 0 then 'reserved' else 'issued' end::allocation_status,
               now() - interval '3 days', case when k % 3 = 0 then null else now() - interval '2 days' end, 'ship', '{"street":"Rue 1","postcode":"1000","city":"Lausanne"}'
          from people where k <= 4000 returning id, employee_id)
      insert into allocations (employee_id, pool_id, kind, status, parent_id, reserved_at)
      select employee_id, (select id from resource_pools where kind = 'vpn_licence'), 'vpn_licence', 'reserved', id, now() - interval '3 days' from laptops`;
    await s`
      insert into allocations (employee_id, pool_id, kind, status, reserved_at, issued_at)
      select id, (select id from resource_pools where kind = 'vdi_seat'), 'vdi_seat', case when k <= 6023 then 'issued' else 'waiting' end::allocation_status,
             case when k <= 6023 then now() - interval '2 days' end, case when k <= 6023 then now() - interval '2 days' end
        from (select id, row_number() over (order by number) as k from employees where number <= 'B006800') p where k > 4000`;
    await s`analyze`;
    const people = (await s`
      select e.id as "employeeId", e.number, e.first_name as "firstName", e.last_name as "lastName", e.work_email as email, e.language
        from employees e where e.number > 'B006800' order by e.number`).map(
      (r) => ({ ...r, userId: r.employeeId, locale: r.language, roles: ["employee"] }) as unknown as CurrentPerson,
    );
    // Signed in over HTTP: the in-process burst's people (the HTTP warm-up asks again for them) and the HTTP crowd.
    const cookieOf = new Map<string, string>();
    const signedIn = people.slice(storm, crowd);
    (await sessionsFor(s, signedIn.map((p) => p.employeeId))).forEach((cookie, i) => cookieOf.set(signedIn[i].employeeId, cookie));
    await s.end({ timeout: 5 });
    console.log(`device storm: seeded ${fmt(6_800 + crowd)} people, 6,800 devices out or promised, 777 waiting, ${fmt(free)} laptops free in ${fmt(performance.now() - started)} ms`);

    const { sql } = await import("drizzle-orm");
    const { db } = await import("../lib/db");
    const { runTransaction } = await import("../lib/db/transaction");
    const { requestDeviceAction } = await import("../lib/devices/actions");
    endPool = () => (db().$client as unknown as { end(o: object): Promise<void> }).end({ timeout: 5 });
    const laptopPool = async () =>
      (
        (await db().execute(sql`
          select p.capacity, p.in_use,
                 (select count(*)::int from allocations a where a.pool_id = p.id and a.status in ('reserved', 'issued')) as held,
                 (select count(*)::int from allocations a where a.pool_id = p.id and a.status = 'waiting') as waiting,
                 (select count(*)::int from outbox) as mails
            from resource_pools p where p.kind = 'laptop'`)) as unknown as { capacity: number; in_use: number; held: number; waiting: number; mails: number }[]
      )[0];
    /** Laptops among these people: reserved and queued. */
    const laptopsOf = async (among: CurrentPerson[]) =>
      (
        (await db().execute(sql`
          select count(*) filter (where a.status = 'reserved')::int as reserved, count(*) filter (where a.status = 'waiting')::int as waiting
            from allocations a join resource_pools p on p.id = a.pool_id and p.kind = 'laptop'
           where a.employee_id in ${among.map((p) => p.employeeId)}`)) as unknown as { reserved: number; waiting: number }[]
      )[0];
    /** These people's devices given back (their queue places too). */
    const release = (among: CurrentPerson[]) =>
      db().execute(sql`update allocations set status = 'released', released_at = now(), release_reason = 'bench' where employee_id in ${among.map((p) => p.employeeId)}`);
    /** The laptop pool's in-use count recomputed from its rows (after the bench released some), then `n` free. */
    const freeLaptops = async (n: number) => {
      await db().execute(sql`update resource_pools p set in_use = (select count(*) from allocations a where a.pool_id = p.id and a.status in ('reserved', 'issued')) where kind in ('laptop', 'vpn_licence')`);
      await db().execute(sql`update resource_pools set capacity = in_use + ${n} where kind = 'laptop'`);
    };
    type Answer = Awaited<ReturnType<typeof requestDeviceAction>>;
    // A person told "busy" (no pool connection came free within the action's 10 s) sends again
    // at once, as the page lets them; the time counted is until each has a real answer.
    let busy = 0;
    const ask = (person: CurrentPerson) => async () => {
      for (;;) {
        const answer = await persons.run(person, () => requestDeviceAction({ path: "laptop" }));
        if (answer.ok || answer.formError !== "busy") return answer;
        busy += 1;
      }
    };
    const busyDuring = async <T>(run: () => Promise<T>) => {
      const before = busy;
      const result = await run();
      return { ...result, busy: busy - before };
    };
    const refused = (answers: Answer[]) => answers.filter((a) => !a.ok).map((a) => (a.ok ? "" : a.formError));

    // Warm-up: the pool's connections opened and the modules' first calls done, by the yardstick.
    await Promise.all(Array.from({ length: 50 }, () => runTransaction((tx) => tx.execute(sql`select 1`))));
    const stormers = people.slice(0, storm);
    const bare = await atOnce(stormers.map(() => () => runTransaction((tx) => tx.execute(sql`select 1`))));

    started = performance.now();
    const run = await busyDuring(() => atOnce(stormers.map(ask)));
    const state = await laptopPool();
    const statuses = run.results.map((a) => (a.ok ? a.data.status : "refused"));
    const reserved = statuses.filter((x) => x === "reserved").length;
    const problems = [
      ...(refused(run.results).length > 0 ? [`${refused(run.results).length} refused (${[...new Set(refused(run.results))].join(", ")})`] : []),
      ...(reserved !== free ? [`${reserved} reserved, expected ${free}`] : []),
      ...(state.in_use !== state.held || state.in_use > state.capacity ? [`overbooked or miscounted: ${JSON.stringify(state)}`] : []),
      ...(state.waiting !== storm - free ? [`${state.waiting} waiting, expected ${storm - free}`] : []),
      ...(state.mails !== storm ? [`${state.mails} mails for ${storm} requests`] : []),
    ];

    // The same people ask again a few minutes later (their receipts expired): everything but the decision.
    await db().execute(sql`delete from action_receipts`);
    const again = await busyDuring(() => atOnce(stormers.map(ask)));
    if (again.results.some((a) => !a.ok || a.data.created)) problems.push("asking again changed something or was refused");

    console.log(
      `device storm, ${fmt(storm)} laptop requests at once, ${fmt(free)} free: ${fmt(run.rps)} req/s; ${fmt(run.rps / bare.rps, 2)}× a bare transaction ` +
        `(${fmt(bare.rps)} req/s), ${fmt(run.rps / again.rps, 2)}× the same action with nothing to decide (${fmt(again.rps)} req/s); ` +
        `p50 ${fmt(run.p50)} ms, p95 ${fmt(run.p95)} ms, max ${fmt(run.max)} ms; ${reserved} reserved, ${state.waiting} queued, in use ${state.in_use} of ${state.capacity}; ` +
        `"busy" answers sent again: ${run.busy} (the yardstick: ${again.busy})`,
    );

    // 500 at once, a quarter of the storm's free stock: half take a laptop, half queue.
    await release(stormers);
    await freeLaptops(burstFree);
    const burstRun = await busyDuring(() => atOnce(people.slice(storm, storm + burst).map(ask)));
    const burstTaken = burstRun.results.filter((a) => a.ok && a.data.status === "reserved").length;
    if (refused(burstRun.results).length > 0 || burstTaken !== burstFree) problems.push(`burst: ${burstTaken} reserved, refused ${refused(burstRun.results).join(", ")}`);
    console.log(
      `device requests, ${burst} at once (${burstFree} free): ${fmt(burstRun.rps)} req/s, p50 ${fmt(burstRun.p50)} ms, p95 ${fmt(burstRun.p95)} ms, max ${fmt(burstRun.max)} ms ` +
        `("busy" sent again: ${burstRun.busy}) (target p95 < 2,000 ms) ${burstRun.p95 < 2000 ? "OK" : "SLOW"}`,
    );

    // Over HTTP, the issue's yardstick: the production build and the bare Next.js JSON route.
    ensureBuild(console.log);
    ensureBareBuild(console.log);
    const logs = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-bench-storm-"));
    const env = { DATABASE_URL: bench.url, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", TOKEN_ENCRYPTION_KEY: benchKey, DEMO_MODE: "true", LOG_LEVEL: "warn", SMTP_URL: "" };
    const bareServer = await startNext(bareAppDir, {}, "/", path.join(logs, "bare.log"));
    servers.push(bareServer);
    // BENCH_CPU_PROFILE=/tmp/prof: the app server's V8 profile, written when it stops.
    const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [];
    const app = await startNext(process.cwd(), env, "/api/health", path.join(logs, "app.log"), profile);
    servers.push(app);
    const mailsTo = async (among: CurrentPerson[]) => {
      const counts = (await db().execute(sql`
        select count(*)::int as n from outbox where to_address in ${among.map((p) => p.email)} group by to_address`)) as unknown as { n: number }[];
      return { one: counts.filter((c) => c.n === 1).length, total: counts.reduce((sum, c) => sum + c.n, 0) };
    };
    const world: StormWorld = { cookieOf, postgresPid: bench.pid, laptopsOf, laptopPool, release, freeLaptops, mailsTo, forgetReceipts: () => db().execute(sql`delete from action_receipts`) };
    const crowdAt = (k: number) => people.slice(k * (storm + burst), (k + 1) * (storm + burst));
    const [first, second] = [crowdAt(1), crowdAt(2)];
    problems.push(
      ...(await stormOverHttp("", app, bareServer, world, { warmers: people.slice(storm, storm + burst), stormers: first.slice(0, storm), bursters: first.slice(storm), free, burstFree })),
    );
    // As `npm start` serves here: one web worker per core behind one port, against the bare route on as many.
    for (const server of servers.splice(0)) await server.stop();
    const workers = Math.min(os.availableParallelism(), 4);
    const bareWorkers = await startNext(bareAppDir, {}, "/", path.join(logs, "bare-workers.log"), [], workers);
    servers.push(bareWorkers);
    const appWorkers = await startNext(process.cwd(), env, "/api/health", path.join(logs, "app-workers.log"), [], workers);
    servers.push(appWorkers);
    problems.push(
      ...(await stormOverHttp(`, ${workers} web workers as npm start`, appWorkers, bareWorkers, world, { warmers: first.slice(storm), stormers: second.slice(0, storm), bursters: second.slice(storm), free, burstFree })),
    );
    console.log(`device storm: ${fmt((performance.now() - started) / 1000, 1)} s of load`);
    if (problems.length > 0) throw new Error(`device storm: wrong outcome:\n  ${problems.join("\n  ")}`);
  } finally {
    for (const server of servers) await server.stop();
    await endPool?.();
    await bench.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
