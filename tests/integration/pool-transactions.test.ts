import postgres from "postgres";
import { afterAll, expect, test } from "vitest";
import { createDb } from "@/db/client";
import { deferred } from "../support/deferred";

// A transaction started while the pool's connections are busy with other requests' statements.
// postgres.js pipelines statements onto a busy connection (up to 100 waiting on one). In 3.4.9,
// `begin` reserved its connection only when the pipeline still had room after its BEGIN: a BEGIN
// that filled a connection's pipeline (or met a full socket buffer) was sent without the
// reservation, so the transaction failed with UNSAFE_TRANSACTION while PostgreSQL kept it open on
// that connection, and the next requests' statements ran inside it (porsager/postgres#1189, #823).
// Seen as 3–4 "unexpected" answers in 2,000 device requests at once over HTTP
// (bench/device-storm.ts). Fixed in the installed library by scripts/patch-postgres.mjs.

const observer = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
afterAll(() => observer.end({ timeout: 5 }));

/**
 * One pool of two: a transaction holds one connection, the other is busy with a slow statement
 * and `depth` quick ones queued behind it; then a transaction starts. Its outcome, and whether
 * the pool's connections are left inside a transaction nobody will end.
 */
async function transactionBehind(depth: number): Promise<{ outcome: string; leftOpen: number }> {
  const pool = createDb(process.env.DATABASE_URL!, { max: 2 });
  try {
    const held = deferred();
    const holding = deferred();
    const holder = pool.sql.begin(async (tx) => {
      await tx`select 1`;
      holding.resolve();
      await held.promise;
    });
    // The holder has its connection, however long a busy machine takes.
    await holding.promise;
    const busy = [pool.sql`select pg_sleep(0.05)`.execute(), ...Array.from({ length: depth }, (_, i) => pool.sql.unsafe(`select ${i}`).execute())];
    await new Promise((resolve) => setImmediate(resolve));
    const outcome = pool.sql.begin((tx) => tx`select 1`).then(
      () => "committed",
      (error: Error) => error.message,
    );
    await Promise.all(busy);
    const result = await outcome;
    held.resolve();
    await holder;
    // Two more statements, one per connection: each must run on its own, outside any transaction.
    await Promise.all([pool.sql`select 1`, pool.sql`select 1`]);
    const pids = (await Promise.all([pool.sql`select pg_backend_pid() as pid`, pool.sql`select pg_backend_pid() as pid`])).map((r) => r[0].pid as number);
    const [{ n }] = await observer`select count(*)::int as n from pg_stat_activity where pid = any(${pids}) and state like 'idle in transaction%'`;
    return { outcome: result, leftOpen: n };
  } finally {
    await pool.sql.end({ timeout: 5 });
  }
}

test("a transaction starts and ends cleanly whatever the depth of the busy connection's pipeline", async () => {
  const outcomes = new Map<string, number[]>();
  // Every depth up to past two full pipelines (the pool spreads a queue over its connections), ten pools at a time.
  const depths = Array.from({ length: 230 }, (_, i) => i);
  for (let i = 0; i < depths.length; i += 10) {
    const batch = depths.slice(i, i + 10);
    const results = await Promise.all(batch.map(transactionBehind));
    results.forEach((r, j) => {
      const key = `${r.outcome}; connections left inside a transaction: ${r.leftOpen}`;
      outcomes.set(key, [...(outcomes.get(key) ?? []), batch[j]]);
    });
  }
  expect([...outcomes.keys()]).toEqual(["committed; connections left inside a transaction: 0"]);
}, 120_000);
