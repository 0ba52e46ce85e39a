// `npm run bench -- http`: every page of issue 16's table at crisis scale, over real HTTP.
// A throwaway PostgreSQL gets the crisis data set (db/seed/crisis.ts), the app's production
// build and the bare yardstick app (bench/bare-app: a 50-row table, no database) are started on
// loopback, and each page is loaded with autocannon right after the bare page, with the same
// connections and duration. Ratios decide, never absolute times (the machine may be busy):
// a line prints OK or SLOW against the issue's target. Each page is also loaded against the bare
// page grown to its own size (bench/bare-app/app/rows), for information: what Next.js alone costs
// for that much output. One process serves each page, as one bare process serves the yardstick;
// the 100-connection run is repeated as `npm start` serves on this machine (one worker per core,
// the bare page likewise). Each page also says whether the database read a large table whole while
// it was loaded (bench/lib/table-scans.ts). Ends by itself; servers stop by handle.
//   BENCH_SECONDS=10 (per run), BENCH_WARMUP=15 (seconds of load before a page is measured),
//   BENCH_LOAD_SECONDS=60 (the 100-connection run),
//   BENCH_PAGES=status,admin (only the lines whose name contains one of the words: "status" takes
//   the 100-connection run too, "export" the exports), BENCH_CPU_PROFILE=/tmp/prof (the app writes a V8 CPU profile there when
//   it stops: open it in Chrome's DevTools, or sum it by function), BENCH_SQL=1 (after each page,
//   its heaviest statements from pg_stat_statements; the database time and statement count per
//   request are always printed), BENCH_NODE_ARGS="--flag" (more Node flags for the app, to try one),
//   BENCH_COMPARE=/path/to/other/checkout (a second build, e.g. `git worktree add` of the commit
//   before a change, with its own `npm install`: each page is loaded on both in turn, BENCH_ROUNDS
//   times, on the same database; on these machines one pair of runs moves by ±10 %).
import fs from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { createDb, noConnectionLimits } from "../db/client";
import { parseKey } from "../lib/tokens/secret-box";
import { ensureBuild } from "../scripts/lib/build";
import { benchKey, sessionsFor, startBenchDatabase } from "./lib/bench-database";
import { load, type LoadResult } from "./lib/load";
import { fmt } from "./lib/measure";
import { compareBuilds } from "./lib/compare-builds";
import { ownCpuMs, settle, treeCpuMs, treeRssMb } from "./lib/process-cpu";
import { bareAppDir, ensureBareBuild, startNext, type NextServer } from "./lib/next-server";
import { scansSince, tableScans } from "./lib/table-scans";

// The crisis seed locks last month through lib/rht (server-only, next-intl): loaded the way the tests load lib/.
register("./resolve-hook.mjs", import.meta.url);

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// Load on each page (and once on the bare pages) before it is measured: a server on a crisis
// morning has been serving for hours, and over its first seconds under load a page's CPU per
// request falls by a third while V8 optimises its code (11 → 7 ms on a ticket's page, both builds
// alike, in a BENCH_COMPARE run of 2026-12-01). A single warm-up request measured that warming.
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 15);
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const employeesWanted = Number(process.env.BENCH_EMPLOYEES ?? 15_000);
const onlyPages = (process.env.BENCH_PAGES ?? "").split(",").map((w) => w.trim()).filter(Boolean);
const cpuProfileDir = process.env.BENCH_CPU_PROFILE;
const showSql = process.env.BENCH_SQL === "1";
const wanted = (name: string) => onlyPages.length === 0 || onlyPages.some((w) => name.includes(w));
const log = (line: string) => console.log(`[http] ${line}`);

type Target = { ratio?: number; p95?: number };
type Line = { name: string; bare: LoadResult; page: LoadResult; target: Target };

function verdict(line: Line): string {
  const ratio = line.page.rps / line.bare.rps;
  const ok = (line.target.ratio === undefined || ratio >= line.target.ratio) && (line.target.p95 === undefined || line.page.p95 < line.target.p95) && line.page.errors === 0 && line.page.non2xx === 0;
  const wanted = [line.target.ratio !== undefined ? `≥ ${line.target.ratio}×` : null, line.target.p95 !== undefined ? `p95 < ${line.target.p95} ms` : null].filter(Boolean).join(", ");
  return `${line.name.padEnd(34)} ${fmt(ratio, 2).padStart(6)}× bare (${fmt(line.page.rps)} / ${fmt(line.bare.rps)} req/s)  p95 ${fmt(line.page.p95).padStart(5)} ms  errors ${line.page.errors + line.page.non2xx}  target ${wanted}: ${ok ? "OK" : "SLOW"}`;
}

/** The database's share of the last run: time and statements per request, and the heaviest ones. */
async function printStatements(sql: ReturnType<typeof createDb>["sql"], requests: number): Promise<void> {
  const rows = await sql`
    select query, calls::int, total_exec_time::float as ms from pg_stat_statements
    where query not like '%pg_stat_statements%' order by total_exec_time desc`;
  const perRequest = (n: number) => n / Math.max(1, requests);
  const totalMs = rows.reduce((sum, r) => sum + Number(r.ms), 0);
  const calls = rows.reduce((sum, r) => sum + Number(r.calls), 0);
  log(`  database: ${fmt(perRequest(totalMs), 2)} ms in ${fmt(perRequest(calls), 1)} statements per request`);
  if (!showSql) return;
  for (const r of rows.slice(0, 8)) {
    log(`    ${fmt(perRequest(Number(r.ms)), 2).padStart(7)} ms ${fmt(perRequest(Number(r.calls)), 1).padStart(5)}×  ${String(r.query).replace(/\s+/g, " ").slice(0, 160)}`);
  }
}

async function main() {
  const started = performance.now();
  // pg_stat_statements: how much of each page is database time (printed beside each line).
  const database = await startBenchDatabase("http", { settings: { shared_preload_libraries: "pg_stat_statements" } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-bench-http-"));
  const servers: NextServer[] = [];
  let finished = false;
  try {
    const seedDb = createDb(database.url, { max: 4, limits: noConnectionLimits });
    // The company and the crisis data set (tickets, days, devices, tests, mails) of issue 16.
    const { seedCrisis } = await import("../db/seed/crisis");
    await seedCrisis(seedDb.db, { employees: employeesWanted, encryptionKey: parseKey(benchKey), log });
    log(`seeded in ${fmt((performance.now() - started) / 1000, 1)} s`);

    const sql = seedDb.sql;
    // People who have signed in (the crisis set gives them accounts), at every step of their journey.
    const people = (await sql`select u.employee_id as id from users u join employees e on e.id = u.employee_id where e.active and e.number not like 'D%' order by md5(u.id) limit 100`).map((r) => r.id as string);
    const staff = async (number: string) => (await sql`select id from employees where number = ${number}`)[0].id as string;
    const [employeeCookies, [itCookie], [hrCookie], [adminCookie]] = [await sessionsFor(sql, people), await sessionsFor(sql, [await staff("D0002")]), await sessionsFor(sql, [await staff("D0003")]), await sessionsFor(sql, [await staff("D0004")])];
    const [ticket] = await sql`select number from tickets where status in ('new', 'in_progress') order by number desc limit 1`;
    const [someone] = await sql`select last_name from employees where number not like 'D%' order by number limit 1 offset 777`;
    const [month] = await sql`select to_char(coalesce(max(day), current_date), 'YYYY-MM') as m from timesheet_days`;
    const [firstUnit] = await sql`select id from org_units order by name limit 1`;
    const [lockedMonth] = await sql`select to_char(coalesce(max(month), current_date), 'YYYY-MM') as m from rht_periods where status = 'locked'`;
    await sql.end({ timeout: 5 });

    ensureBuild(log);
    ensureBareBuild(log);
    const env = { DATABASE_URL: database.url, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", TOKEN_ENCRYPTION_KEY: benchKey, DEMO_MODE: "true", LOG_LEVEL: "warn", SMTP_URL: "" };
    const bare = await startNext(bareAppDir, {}, "/", path.join(dir, "bare.log"));
    servers.push(bare);
    const app = await startNext(process.cwd(), env, "/api/health", path.join(dir, "app.log"), [...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean), ...(cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProfileDir)}`] : [])]);
    servers.push(app);
    const compare = process.env.BENCH_COMPARE ? path.resolve(process.env.BENCH_COMPARE) : null;
    if (compare) ensureBuild((line) => log(`${compare}: ${line}`), { dir: compare });
    const other = compare ? await startNext(compare, env, "/api/health", path.join(dir, "other.log")) : null;
    if (other) servers.push(other);
    log(`servers up; logs in ${dir}`);

    const pages: { name: string; path: string; cookies: string[]; target: Target }[] = [
      // Not in the issue's table: the app's own floor (proxy, layout, header, no session, no query).
      { name: "sign-in page (reference)", path: "/signin", cookies: [], target: {} },
      { name: "/guide (reference)", path: "/guide", cookies: employeeCookies, target: {} },
      { name: "employee status page", path: "/", cookies: employeeCookies, target: { ratio: 0.5, p95: 150 } },
      { name: "/device", path: "/device", cookies: employeeCookies, target: { ratio: 0.5 } },
      { name: "/connectivity", path: "/connectivity", cookies: employeeCookies, target: { ratio: 0.5 } },
      { name: "/it (queue)", path: "/it", cookies: [itCookie], target: { ratio: 0.5 } },
      { name: "/it?q=… (search)", path: `/it?q=${encodeURIComponent(String(someone?.last_name ?? "Muller").slice(0, 5))}`, cookies: [itCookie], target: { ratio: 0.5 } },
      ...(ticket ? [{ name: "/it/tickets/N", path: `/it/tickets/${ticket.number}`, cookies: [itCookie], target: { ratio: 0.5 } }] : []),
      { name: "/admin dashboard", path: "/admin", cookies: [adminCookie], target: { ratio: 0.3 } },
      { name: "/hr month overview", path: `/hr?month=${month.m}`, cookies: [hrCookie], target: { p95: 200 } },
      // Not in the issue's table: the month before, locked (its frozen figures), as HR reviews it after the lock.
      { name: "/hr locked month (reference)", path: `/hr?month=${lockedMonth.m}`, cookies: [hrCookie], target: {} },
    ];
    const statsDb = createDb(database.url, { max: 1, limits: noConnectionLimits });
    await statsDb.sql`create extension if not exists pg_stat_statements`;
    const lines: Line[] = [];
    const scanFailures: string[] = [];
    // The bare page's size grows linearly with its rows (bench/bare-app/app/rows): two sizes give the line.
    const bareBytes = async (rows: number) => (await (await fetch(`${bare.url}/rows?n=${rows}`)).text()).length;
    const [small, large] = [await bareBytes(50), await bareBytes(1050)];
    const perRow = (large - small) / 1000;
    const bareOfSize = async (bytes: number) => {
      const rows = Math.min(5000, Math.max(1, Math.round(50 + (bytes - small) / perRow)));
      return { rows, url: `${bare.url}/rows?n=${rows}`, bytes: await bareBytes(rows) };
    };
    const warm = async (url: string, cookies: string[] = []) => {
      if (warmupSeconds > 0) await load({ url, connections: 20, seconds: warmupSeconds, cookies });
    };
    // Comparing two builds measures no bare page.
    if (!other) {
      await warm(`${bare.url}/`);
      await warm(`${bare.url}/rows?n=300`);
    }
    if (process.env.BENCH_DUMP) fs.mkdirSync(process.env.BENCH_DUMP, { recursive: true });
    for (const page of pages.filter((p) => wanted(p.name))) {
      await warm(`${app.url}${page.path}`, page.cookies);
      if (other) await warm(`${other.url}${page.path}`, page.cookies);
      const html = await (await fetch(`${app.url}${page.path}`, { headers: { cookie: page.cookies[0] ?? "" } })).text();
      // What each request serialises twice (as HTML and as the inlined React payload) and escapes.
      const payload = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((n, m) => n + m[1].length, 0);
      if (process.env.BENCH_DUMP) fs.writeFileSync(path.join(process.env.BENCH_DUMP, `${page.name.replace(/\W+/g, "_")}.html`), html);
      log(`${page.name}: ${fmt(html.length / 1024)} KB of HTML, of which ${fmt(payload / 1024)} KB inlined React payload`);
      if (other) {
        await compareBuilds({ name: page.name, path: page.path, cookies: page.cookies, seconds, rounds: Number(process.env.BENCH_ROUNDS ?? 3) }, { here: app, other }, log);
        continue;
      }
      const bareCpu = [treeCpuMs(bare.pid), ownCpuMs()];
      const bareRun = await load({ url: `${bare.url}/`, connections: 20, seconds });
      const bareUsed = [treeCpuMs(bare.pid) - bareCpu[0], ownCpuMs() - bareCpu[1]];
      await statsDb.sql`select pg_stat_statements_reset()`;
      const scansBefore = await tableScans(statsDb.sql);
      const cpu = [treeCpuMs(app.pid), treeCpuMs(database.pid), ownCpuMs()];
      const pageRun = await load({ url: `${app.url}${page.path}`, connections: 20, seconds, cookies: page.cookies });
      const used = [treeCpuMs(app.pid) - cpu[0], treeCpuMs(database.pid) - cpu[1], ownCpuMs() - cpu[2]];
      const line = { name: page.name, bare: bareRun, page: pageRun, target: page.target };
      lines.push(line);
      log(verdict(line));
      // A second yardstick, not the issue's: the bare page grown to this page's size.
      const same = await bareOfSize(html.length);
      const sameRun = await load({ url: same.url, connections: 20, seconds });
      log(`  against a bare page of the same size (${fmt(same.rows)} rows, ${fmt(same.bytes / 1024)} KB): ${fmt(pageRun.rps / sameRun.rps, 2)}× (${fmt(sameRun.rps)} req/s, p95 ${fmt(sameRun.p95)} ms)`);
      const per = (ms: number, run: LoadResult) => fmt(ms / Math.max(1, run.requests), 1);
      log(`  CPU per request: app ${per(used[0], pageRun)} ms, PostgreSQL ${per(used[1], pageRun)} ms, load generator ${per(used[2], pageRun)} ms (bare page: ${per(bareUsed[0], bareRun)} ms, load generator ${per(bareUsed[1], bareRun)} ms)`);
      await printStatements(statsDb.sql, pageRun.requests);
      const scans = await scansSince(statsDb.sql, scansBefore);
      log(`  ${scans.text}`);
      if (!scans.ok) scanFailures.push(page.name);
    }

    // The status page for 100 people at once, right after the bare page under the same 100 connections.
    const hundredPeople = async (name: string, bareUrl: string, appUrl: string) => {
      const bareLong = await load({ url: `${bareUrl}/`, connections: 100, seconds: Math.min(loadSeconds, 20) });
      const long = await load({ url: `${appUrl}/`, connections: 100, seconds: loadSeconds, cookies: employeeCookies });
      const line = { name, bare: bareLong, page: long, target: { p95: 800 } };
      lines.push(line);
      log(verdict(line));
    };
    const longName = `status page, 100 people × ${loadSeconds} s`;
    if (wanted(longName)) await hundredPeople(longName, bare.url, app.url);

    // The month being declared, and the month before as HR sends it once locked (frozen figures).
    // The CSV's summary reads HR's kept months when HR has looked at the month (lib/rht/export-kept.ts):
    // each export is measured after HR's overview of its month, as HR sends it; "unviewed" is the
    // same file for a month nobody has looked at (its kept rows deleted first), computed from the days.
    const exportName = (file: string, locked: boolean, unviewed = false) => `RHT export ${file.toUpperCase()}${locked ? " locked" : ""}${unviewed ? " unviewed" : ""}`;
    const exports = [
      { file: "csv", locked: false, unviewed: false },
      { file: "xlsx", locked: false, unviewed: false },
      { file: "csv", locked: true, unviewed: false },
      { file: "csv", locked: false, unviewed: true },
    ] as const;
    const exportsWanted = exports.filter((e) => wanted(exportName(e.file, e.locked, e.unviewed)));
    if (exportsWanted.length > 0) {
      // Measured on a quiet server that has exported before, as HR meets it: not behind the last
      // requests of the 100-connection load (they added up to 1.4 s to the first byte), nor
      // loading the export's modules (half a second, once per process). The warm-up is one unit's workbook.
      await settle(app.pid);
      const warmUp = await fetch(`${app.url}/hr/export?month=${month.m}&unit=${firstUnit.id}&file=xlsx`, { headers: { cookie: hrCookie } });
      await warmUp.arrayBuffer();
    }
    for (const { file, locked, unviewed } of exportsWanted) {
      const m = locked ? lockedMonth.m : month.m;
      if (unviewed) {
        const forget = createDb(database.url, { max: 1, limits: noConnectionLimits });
        await forget.sql`delete from rht_unit_months where month = ${`${m}-01`}::date`;
        await forget.sql.end({ timeout: 5 });
      } else {
        await (await fetch(`${app.url}/hr?month=${m}`, { headers: { cookie: hrCookie } })).arrayBuffer();
      }
      await settle(app.pid);
      const t0 = performance.now();
      const response = await fetch(`${app.url}/hr/export?month=${m}&file=${file}`, { headers: { cookie: hrCookie } });
      const reader = response.body!.getReader();
      let first = 0;
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (bytes === 0) first = performance.now() - t0;
        bytes += value.byteLength;
      }
      const total = performance.now() - t0;
      const target = file === "csv" ? 2000 : 10_000;
      log(`${exportName(file, locked, unviewed).padEnd(27)} ${response.status}: first byte ${fmt(first)} ms, all ${fmt(total)} ms, ${fmt(bytes / 1024)} KB; target ≤ ${target / 1000} s, first byte < 1 s: ${response.ok && total <= target && first < 1000 ? "OK" : "SLOW"}`);
    }

    // The same load as `npm start` serves it on this machine: one process per core (WEB_CONCURRENCY's
    // default), against the bare page served the same way. Every other line compares one process
    // with one process: what a request costs.
    const workers = Math.min(os.availableParallelism(), 4);
    const deployedName = `${longName}, ${workers} web workers as npm start`;
    if (workers > 1 && wanted(deployedName)) {
      const bareWorkers = await startNext(bareAppDir, {}, "/", path.join(dir, "bare-workers.log"), [], workers);
      servers.push(bareWorkers);
      const appWorkers = await startNext(process.cwd(), env, "/api/health", path.join(dir, "app-workers.log"), [], workers);
      servers.push(appWorkers);
      await warm(`${bareWorkers.url}/`);
      await warm(`${appWorkers.url}/`, employeeCookies);
      await hundredPeople(deployedName, bareWorkers.url, appWorkers.url);
      // What each process holds after the load (the primary is the smallest): README "Scaling out".
      log(`  memory after the load: ${treeRssMb(appWorkers.pid).map((mb) => `${fmt(mb)} MB`).join(", ")} (the ${workers} workers and the primary, largest first)`);
      // Last, and stopped at once: the first worker's background jobs warm the month's RHT figures
      // and the dashboard's rollups at start, which slowed the exports measured beside them.
      await appWorkers.stop();
      await bareWorkers.stop();
    }

    await statsDb.sql.end({ timeout: 5 });
    console.log("\n| page / workload | ratio to the bare page | p95 | target | verdict |\n|---|---|---|---|---|");
    for (const line of lines) {
      const v = verdict(line);
      console.log(`| ${line.name} | ${fmt(line.page.rps / line.bare.rps, 2)}× | ${fmt(line.page.p95)} ms | ${[line.target.ratio !== undefined ? `≥ ${line.target.ratio}×` : "", line.target.p95 !== undefined ? `p95 < ${line.target.p95} ms` : ""].filter(Boolean).join(", ")} | ${v.endsWith("OK") ? "OK" : "SLOW"} |`);
    }
    console.log(`\nSequential scans of tickets, timesheet days, allocations or the outbox while a page was loaded: ${scanFailures.length === 0 ? "none (OK)" : scanFailures.join(", ")}`);
    finished = true;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await database.stop();
    // The servers' logs stay for a run that failed.
    if (finished) fs.rmSync(dir, { recursive: true, force: true });
    else console.error(`[http] server logs kept in ${dir}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
