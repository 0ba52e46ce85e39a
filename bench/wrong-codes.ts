// A burst of wrong token codes — 50 people once each and one person 20 times — on two
// instances (two pools of 10 on one database, as two app instances would have), while the
// health probe keeps asking. Before the fix the failure counter took a second connection
// from the pool its own transaction was holding, and ~15 such requests froze the instance.
// `bench/run.ts` runs this file in a process of its own; on its own:
//   node --conditions=react-server --import tsx bench/wrong-codes.ts
// Reported as ratios within this run: the burst's answer times against one wrong code at
// rest, and health during the burst against health at rest. A request that never answers,
// or a lock-out count that is off, is a failure (non-zero exit).
import { register } from "node:module";
import { createDb } from "../db/client";
import { percentile, startBenchDatabase, pointAppAt } from "./lib/bench-database";

register("./resolve-hook.mjs", import.meta.url);

const hungAfterMs = 30_000;


async function main() {
  const bench = await startBenchDatabase("codes");
  const second = { pool: null as ReturnType<typeof createDb> | null };
  try {
    const url = bench.url;
    pointAppAt(url);
    const { sql } = await import("drizzle-orm");
    const { db, healthDb, scopeTransactions } = await import("../lib/db");
    const { runTransaction } = await import("../lib/db/transaction");
    const { probeDatabase } = await import("../lib/db/health");
    const { ActionError } = await import("../lib/auth/action-error");
    const { startTotpEnrollment, pendingTotpSecret, verifyTotp, maxFailedAttempts } = await import("../lib/tokens/service");
    const { totpCode } = await import("../lib/tokens/totp");
    second.pool = createDb(url, { max: 10 });
    const instanceB = scopeTransactions(second.pool.db);

    const people: { id: string; wrong: string }[] = [];
    for (let i = 0; i < 52; i += 1) {
      const [e] = (await db().execute(sql`insert into employees (number, first_name, last_name, work_email, job_family) values (${`B${i}`}, 'Bench', ${`P${i}`}, ${`bench${i}@work.test`}, 'sales') returning id`)) as unknown as { id: string }[];
      await runTransaction((tx) => startTotpEnrollment(tx, e.id));
      const secret = (await pendingTotpSecret(e.id))!;
      people.push({ id: e.id, wrong: String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, "0") });
    }
    const [rest, one, ...many] = people;

    const attempt = async (p: { id: string; wrong: string }, onB: boolean) => {
      const t = performance.now();
      const work = runTransaction((tx) => verifyTotp(tx, p.id, p.wrong), onB ? { database: instanceB } : {}).then(
        () => "accepted",
        (e: unknown) => (e instanceof ActionError ? e.key : `error:${(e as Error).name}`),
      );
      const key = await Promise.race([work, new Promise<string>((r) => setTimeout(() => r("hung"), hungAfterMs).unref())]);
      return { key, ms: performance.now() - t };
    };
    const health = async () => {
      const t = performance.now();
      const state = await probeDatabase(healthDb(), 2000);
      return { state, ms: performance.now() - t };
    };

    // At rest: one wrong code, and health, alone.
    const restCode = (await attempt(rest, false)).ms;
    await health(); // its connection is opened once, not measured
    const restHealth: number[] = [];
    for (let i = 0; i < 20; i += 1) restHealth.push((await health()).ms);

    const started = performance.now();
    const burst = Promise.all([...many.map((p, i) => attempt(p, i % 2 === 1)), ...Array.from({ length: 20 }, (_, i) => attempt(one, i % 2 === 1))]);
    const during: { state: string; ms: number }[] = [];
    let done = false;
    void burst.then(() => (done = true));
    while (!done) during.push(await health());
    const answers = await burst;
    const wall = performance.now() - started;

    const hung = answers.filter((a) => a.key === "hung").length;
    const fromOne = answers.slice(50).map((a) => a.key);
    const lockedRight = fromOne.filter((k) => k === "codeWrongTries").length === maxFailedAttempts - 1 && fromOne.filter((k) => k === "tokenLocked").length === 20 - (maxFailedAttempts - 1);
    const manyRight = answers.slice(0, 50).every((a) => a.key === "codeWrongTries");
    const [row] = (await db().execute(sql`select count(*)::int as n from audit_log where action in ('token.code_refused', 'token.locked')`)) as unknown as { n: number }[];
    const auditsRight = row.n === 1 + 50 + maxFailedAttempts; // the rest attempt, the 50, and 9 refused + 1 locked
    const p95 = percentile(answers.map((a) => a.ms), 95);
    const healthP95 = percentile(during.map((d) => d.ms), 95);
    const healthDown = during.filter((d) => d.state !== "ok").length;
    console.log(
      `wrong codes, 70 at once on two instances: ${wall.toFixed(0)} ms for all, p95 ${p95.toFixed(0)} ms = ${(p95 / restCode).toFixed(1)}x one code at rest; ` +
        `hung ${hung}; lock-out ${lockedRight && manyRight && auditsRight ? "exact" : "WRONG"}; ` +
        `health during: ${during.length} probes, ${healthDown} not ok, p95 ${healthP95.toFixed(1)} ms = ${(healthP95 / percentile(restHealth, 95)).toFixed(1)}x at rest ` +
        `${hung === 0 && healthDown === 0 && lockedRight && manyRight && auditsRight ? "OK" : "FAILED"}`,
    );
    for (const pool of [db(), healthDb()]) await (pool.$client as unknown as { end(o: object): Promise<void> }).end({ timeout: 5 });
    if (hung > 0 || healthDown > 0 || !lockedRight || !manyRight || !auditsRight) process.exitCode = 1;
  } finally {
    await second.pool?.sql.end({ timeout: 5 });
    await bench.stop();
  }
}

void main();
