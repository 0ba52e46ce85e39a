// The crisis morning's first minute: 2,000 people on the roster and 200 addresses that are not
// ask for their sign-in link at the same moment, over HTTP as their browsers do (next-auth's CSRF
// token and cookie first, then the e-mail form posted), each from its own home address behind
// the reverse proxy (X-Forwarded-For, TRUSTED_PROXIES), right after as many POSTs at once to the
// bare Next.js JSON route. Checked, else the bench fails: every answer the same for both kinds of
// address (the roster stays secret), every person on the roster exactly one mail with a link,
// nobody else any, nothing left pending. Printed: the answers' rate against the bare route (no
// target in the issue: reported), their p95 (each answer is padded to 600 ms on purpose:
// lib/auth/sign-in-guard.ts), and how long after the first request the last link was sent.
// `bench/run.ts` runs this file in a process of its own; alone:
//   node --conditions=react-server --import tsx bench/sign-in-storm.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, noConnectionLimits } from "../db/client";
import { ensureBuild } from "../scripts/lib/build";
import { atOnce, untilAnswered } from "./lib/at-once";
import { benchKey, startBenchDatabase } from "./lib/bench-database";
import { get, post } from "./lib/browser-requests";
import { fmt } from "./lib/measure";
import { bareAppDir, ensureBareBuild, startNext, type NextServer } from "./lib/next-server";
import { cpuPerRequest } from "./lib/process-cpu";

const onRoster = 2_000;
const strangers = 200;

async function main() {
  const bench = await startBenchDatabase("sign-in-storm");
  const servers: NextServer[] = [];
  try {
    const seed = createDb(bench.url, { max: 1, limits: noConnectionLimits });
    await seed.sql`
      insert into employees (number, first_name, last_name, work_email, job_family, language)
      select 'S' || lpad(g::text, 6, '0'), 'Morning', 'Person' || g, 'morning' || g || '@bench.test', 'engineer', (array['fr','de','en'])[1 + g % 3]::language
        from generate_series(1, ${onRoster}) g`;
    await seed.sql.end({ timeout: 5 });
    const addresses = [
      ...Array.from({ length: onRoster }, (_, i) => ({ email: `morning${i + 1}@bench.test`, known: true })),
      ...Array.from({ length: strangers }, (_, i) => ({ email: `stranger${i + 1}@elsewhere.test`, known: false })),
    ];

    ensureBuild(console.log);
    ensureBareBuild(console.log);
    const logs = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-bench-sign-in-"));
    const env = { DATABASE_URL: bench.url, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", TOKEN_ENCRYPTION_KEY: benchKey, DEMO_MODE: "true", LOG_LEVEL: "warn", SMTP_URL: "", TRUSTED_PROXIES: "127.0.0.1" };
    const bare = await startNext(bareAppDir, {}, "/", path.join(logs, "bare.log"));
    servers.push(bare);
    const app = await startNext(process.cwd(), env, "/api/health", path.join(logs, "app.log"));
    servers.push(app);
    const home = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

    // Each browser opens the sign-in page's CSRF token first (not timed: the page was loaded before).
    const forms: { cookie: string; body: string; known: boolean; from: string }[] = [];
    for (let i = 0; i < addresses.length; i += 100) {
      const batch = await Promise.all(
        addresses.slice(i, i + 100).map(async (a, j) => {
          const csrf = await get(`${app.url}/api/auth/csrf`, { "x-forwarded-for": home(i + j + 1) });
          const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
          const body = new URLSearchParams({ email: a.email, csrfToken: token, callbackUrl: `${app.url}/`, json: "true" }).toString();
          return { cookie: csrf.cookies.join("; "), body, known: a.known, from: home(i + j + 1) };
        }),
      );
      forms.push(...batch);
    }
    // Warm-up: 200 bare POSTs at once, twice (their answers not looked at).
    for (let round = 0; round < 2; round++) await atOnce(Array.from({ length: 200 }, () => () => post(`${bare.url}/api/bare`, { "content-type": "application/json" }, '{"kind":"warm"}')));

    // A connection refused or reset, or a bare answer other than 200: sent again at once (counted).
    let resent = 0;
    const sentAgain = () => (resent += 1);
    const bareRun = await cpuPerRequest([bare.pid], () =>
      atOnce(forms.map(() => untilAnswered(async () => ((await post(`${bare.url}/api/bare`, { "content-type": "application/json" }, '{"kind":"link"}')).status === 200 ? true : null), sentAgain))),
    );
    const resentToBare = resent;
    const first = Date.now();
    const run = await cpuPerRequest([app.pid, bench.pid], () =>
      atOnce(forms.map((f) => untilAnswered(() => post(`${app.url}/api/auth/signin/email`, { "content-type": "application/x-www-form-urlencoded", cookie: f.cookie, "x-forwarded-for": f.from }, f.body), sentAgain))),
    );

    // The answers: one and the same for a person on the roster and a stranger.
    const shapes = new Map<string, number>();
    run.results.forEach((a) => {
      const shape = `${a.status} ${a.body.replace(/morning\d+|stranger\d+|bench\.test|elsewhere\.test/g, "…")}`;
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    });
    const problems: string[] = [];
    if (shapes.size !== 1) problems.push(`answers differ: ${[...shapes].map(([s, n]) => `${n}× ${s.slice(0, 160)}`).join(" | ")}`);

    // The links: sent by the app's own loop (the dev mailbox here), each person exactly one.
    const check = createDb(bench.url, { max: 1, limits: noConnectionLimits });
    let last: { pending: number; requests: number; sent: number; lastSent: Date | null } = { pending: -1, requests: -1, sent: 0, lastSent: null };
    let served = NaN; // seconds from the first request until every request was served (its link written to the outbox)
    for (const deadline = Date.now() + 180_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      [last] = (await check.sql`
        select (select count(*)::int from outbox where status <> 'sent') as pending, (select count(*)::int from sign_in_requests) as requests,
               (select count(*)::int from outbox where status = 'sent') as sent, (select max(sent_at) from outbox) as "lastSent"`) as unknown as (typeof last)[];
      if (last.requests === 0 && Number.isNaN(served)) served = (Date.now() - first) / 1000;
      if (last.pending === 0 && last.requests === 0 && last.sent >= onRoster) break;
    }
    const perAddress = await check.sql`select to_address as address, count(*)::int as n from outbox group by 1`;
    await check.sql.end({ timeout: 5 });
    const mails = new Map(perAddress.map((r) => [r.address as string, r.n as number]));
    const wrong = addresses.filter((a) => (mails.get(a.email) ?? 0) !== (a.known ? 1 : 0));
    if (last.pending !== 0 || last.requests !== 0) problems.push(`still pending after 3 minutes: ${last.pending} mails, ${last.requests} requests`);
    if (wrong.length > 0) problems.push(`${wrong.length} addresses with the wrong number of mails, e.g. ${wrong.slice(0, 3).map((a) => `${a.email}: ${mails.get(a.email) ?? 0}`).join(", ")}`);

    const allSent = last.lastSent ? (new Date(last.lastSent).getTime() - first) / 1000 : NaN;
    console.log(
      `sign-in storm over HTTP, ${fmt(onRoster)} people and ${fmt(strangers)} strangers at once: ${fmt(run.rps)} answers/s = ${fmt(run.rps / bareRun.rps, 2)}× the bare JSON route ` +
        `(${fmt(bareRun.rps)} req/s), p95 ${fmt(run.p95)} ms (each padded to 600 ms), all alike; CPU a request, server / PostgreSQL / browsers: ` +
        `${run.cpuMs.map((ms) => fmt(ms, 1)).join(" / ")} ms (bare route ${fmt(bareRun.cpuMs[0], 1)}); sent again (refused or reset): ${resent - resentToBare} (bare route: ${resentToBare}); ` +
        `every request served (its link in the outbox) ${fmt(served, 1)} s and the last of ${fmt(mails.size)} links sent ${fmt(allSent, 1)} s after the first request, one each, none to a stranger`,
    );
    if (problems.length > 0) throw new Error(`sign-in storm: wrong outcome:\n  ${problems.join("\n  ")}`);
  } finally {
    for (const server of servers) await server.stop();
    await bench.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
