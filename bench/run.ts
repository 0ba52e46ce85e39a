// `npm run bench`: performance targets, measured against a throwaway PostgreSQL
// with a 15,000-person roster. Not part of `npm test`: machines here are noisy,
// so results are reported (and compared as ratios within one run), never asserted in tests.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { createDb, noConnectionLimits } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";
import { parseKey } from "../lib/tokens/secret-box";
import { ensureDatabase, startPgServer } from "../scripts/lib/pg-server";
import { percentile } from "./lib/bench-database";

const benchKey = Buffer.alloc(32, 3).toString("base64");
// lib/ loaded the way the tests load it, as the standalone benches do (bench/resolve-hook.mjs):
// under "react-server" alone, lib/triage/queries' imports reach next-intl's client build.
register("./resolve-hook.mjs", import.meta.url);

// `npm run bench -- rht admin`: only the standalone benches whose file name contains one of
// the words (the roster, outbox and IT-queue targets of `core` run only without words).
const only = process.argv.slice(2);
const standalone = ["http-pages.ts", "rht-export.ts", "admin.ts", "outbox-slow-relay.ts", "wrong-codes.ts", "import-health.ts", "device-storm.ts", "sign-in-storm.ts", "self-service.ts"];

async function main() {
  if (only.length === 0) await core();
  // Benches with their own roster, each in its own process and throwaway PostgreSQL (the app's
  // environment and pool are per process); --expose-gc for their memory baselines.
  for (const bench of standalone.filter((b) => only.length === 0 || only.some((word) => b.includes(word)))) {
    execFileSync(process.execPath, ["--expose-gc", ...process.execArgv, path.join(import.meta.dirname, bench)], { stdio: "inherit" });
  }
}

async function core() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-bench-"));
  fs.chmodSync(dir, 0o755);
  const pg = await startPgServer({ dataDir: path.join(dir, "pg"), password: "bench", ephemeral: true });
  try {
    await ensureDatabase(pg.url("postgres"), "bench");
    const url = pg.url("bench");
    await migrateDatabase(url);
    const seedDb = createDb(url, { max: 1, limits: noConnectionLimits });
    let started = performance.now();
    await seedDemo(seedDb.db, { employees: 15_000, encryptionKey: parseKey(benchKey) });
    console.log(`seed 15,000 employees: ${Math.round(performance.now() - started)} ms`);
    const addresses = (await seedDb.sql`select coalesce(work_email, private_email) as a from employees where coalesce(work_email, private_email) is not null limit 2000`).map((r) => r.a as string);
    await seedDb.sql.end();

    Object.assign(process.env, { DATABASE_URL: url, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", TOKEN_ENCRYPTION_KEY: benchKey, DEMO_MODE: "true", LOG_LEVEL: "silent" });
    const { findActiveEmployeeByEmail } = await import("../lib/roster/queries");
    const { enqueueEmail } = await import("../lib/mail/outbox");
    const { deliverDueEmails } = await import("../lib/mail/worker");
    const { devMailboxTransport } = await import("../lib/mail/transport");
    const { db } = await import("../lib/db");

    // Target: roster lookup for sign-in, p95 under 5 ms at 15,000 people.
    const timings: number[] = [];
    for (const address of addresses) {
      const t = performance.now();
      await findActiveEmployeeByEmail(` ${address.toUpperCase()} `);
      timings.push(performance.now() - t);
    }
    const p95 = percentile(timings, 95);
    console.log(`roster lookup by address: p50 ${percentile(timings, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (target < 5 ms) ${p95 < 5 ? "OK" : "SLOW"}`);

    // Target: 2 workers deliver 5,000 queued mails at over 300 per second (dev-mailbox transport).
    await db().transaction(async (tx) => {
      for (let i = 0; i < 5000; i += 1) await enqueueEmail(tx, { to: `bench${i}@work.test`, subject: "Bench", text: "https://x.test/a", html: "<p>x</p>" });
    });
    started = performance.now();
    const transport = devMailboxTransport();
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const result = await deliverDueEmails(transport, 50);
        sent += result.sent;
        if (result.sent + result.failed === 0) return sent;
      }
    };
    const counts = await Promise.all([worker(), worker()]);
    const seconds = (performance.now() - started) / 1000;
    const rate = (counts[0] + counts[1]) / seconds;
    console.log(`outbox delivery: ${counts[0] + counts[1]} mails in ${seconds.toFixed(1)} s = ${Math.round(rate)}/s (target > 300/s) ${rate > 300 ? "OK" : "SLOW"}`);

    // (Each employee × category pair at most once: one open ticket per person and category.)
    // Target: the IT queue stays fast at 100,000 tickets: first page and the 40th page
    // (keyset, no OFFSET) under 100 ms at p95, and the deep page within 2x the first.
    const { sql } = await import("drizzle-orm");
    await db().execute(sql`
      insert into tickets (employee_id, category, priority, status, summary, snapshot, sla_due_at, created_at)
      select e.id, (array['help_request','token_problem','vpn_blocked','no_connectivity','device_problem','gateway_unreachable','eligibility_review'])[1 + (g / 15000) % 7]::ticket_category,
             (array['low','normal','normal','high','urgent'])[1 + (g / 7) % 5]::ticket_priority,
             (array['new','in_progress','waiting_for_employee','resolved','closed'])[1 + (g / 3) % 5]::ticket_status,
             'bench', '{}'::jsonb, now() + make_interval(mins => (g % 5000) - 2500), now() - make_interval(mins => g % 10000)
        from generate_series(1, 100000) g
        join (select id, row_number() over (order by id) - 1 as idx from employees) e on e.idx = g % 15000`);
    await db().execute(sql`analyze tickets`);
    const { listQueue, queueCounts } = await import("../lib/triage/queries");
    const agentId = (await db().execute(sql`select id from employees limit 1`))[0].id as string;
    const first: number[] = [];
    const deep: number[] = [];
    for (let run = 0; run < 10; run += 1) {
      let t = performance.now();
      let page = await listQueue({ status: "open" }, agentId);
      first.push(performance.now() - t);
      for (let i = 1; i < 40 && page.next; i += 1) page = await listQueue({ status: "open" }, agentId, page.next);
      t = performance.now();
      await listQueue({ status: "open" }, agentId, page.next ?? undefined);
      deep.push(performance.now() - t);
    }
    let t = performance.now();
    await queueCounts();
    const countsMs = performance.now() - t;
    const firstP95 = percentile(first, 95);
    const deepP95 = percentile(deep, 95);
    console.log(`IT queue at 100,000 tickets: first page p95 ${firstP95.toFixed(1)} ms, page 41 p95 ${deepP95.toFixed(1)} ms (ratio ${(deepP95 / firstP95).toFixed(2)}), counts ${countsMs.toFixed(1)} ms (target < 100 ms, ratio < 2) ${firstP95 < 100 && deepP95 < 100 && deepP95 / firstP95 < 2 ? "OK" : "SLOW"}`);
    t = performance.now();
    await listQueue({ status: "open", q: "Müller" }, agentId);
    console.log(`IT queue search by name: ${(performance.now() - t).toFixed(1)} ms`);

    await (db().$client as unknown as { end(o: object): Promise<void> }).end({ timeout: 5 });
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
