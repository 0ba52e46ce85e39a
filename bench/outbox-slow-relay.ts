// Exactly-once mail delivery with a slow relay and two instances: two pools on one
// database (as two app instances would have), each running the outbox loop, and a local
// SMTP peer that answers every message after longer than the workers' lease. Before the
// fix, a batch claim ran out mid-batch and the other instance sent the same rows again.
// `bench/run.ts` runs this file in a process of its own; on its own:
//   node --conditions=react-server --import tsx bench/outbox-slow-relay.ts
// Reported, not asserted in tests: a duplicate or a missing mail is a failure (non-zero
// exit); the wall time is compared with the ideal for two workers as a ratio.
import { register } from "node:module";
import { createDb } from "../db/client";
import { deliveriesPerMessage, startSlowRelay } from "../tests/support/slow-relay";
import { seconds } from "./lib/measure";
import { startBenchDatabase, pointAppAt } from "./lib/bench-database";

register("./resolve-hook.mjs", import.meta.url);

const mails = 20;
const relayDelayMs = 1500; // the reported relay took ~9 s; scaled down with the lease so the bench stays short
const leaseSeconds = 1; // deliberately shorter than one message at the relay
const instances = 2;
const deadlineMs = 120_000; // the bench ends by itself even if delivery stalls

async function main() {
  const bench = await startBenchDatabase("outbox");
  const pools: ReturnType<typeof createDb>[] = [];
  let relay: Awaited<ReturnType<typeof startSlowRelay>> | null = null;
  try {
    const url = bench.url;
    pointAppAt(url);
    const { sql } = await import("drizzle-orm");
    const { enqueueEmail } = await import("../lib/mail/outbox");
    const { smtpTransport } = await import("../lib/mail/transport");
    const { deliverDueEmails } = await import("../lib/mail/worker");

    for (let i = 0; i < instances; i += 1) pools.push(createDb(url, { max: 2 }));
    const ids = await pools[0].db.transaction(async (tx) => {
      const out: number[] = [];
      for (let i = 0; i < mails; i += 1) out.push(await enqueueEmail(tx, { to: `relay${i}@work.test`, subject: `Bench ${i}`, text: "https://x.test/a", html: "<p>x</p>" }));
      return out;
    });
    relay = await startSlowRelay({ delayMs: relayDelayMs });
    const port = relay.port;

    // Each instance runs the background loop's mail step until nothing is pending.
    const started = performance.now();
    const instance = async (pool: (typeof pools)[number]) => {
      const transport = smtpTransport(`smtp://127.0.0.1:${port}`, "Passerelle <no-reply@passerelle.test>");
      let sent = 0;
      while (performance.now() - started < deadlineMs) {
        const result = await deliverDueEmails(transport, 20, { db: pool.db, leaseSeconds });
        sent += result.sent;
        if (result.sent + result.failed > 0) continue;
        const [{ pending }] = await pool.sql`select count(*)::int as pending from outbox where status = 'pending'`;
        if (pending === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      return sent;
    };
    const perInstance = await Promise.all(pools.map(instance));
    const ms = performance.now() - started;

    const counts = deliveriesPerMessage(relay.accepted);
    const twice = [...counts.values()].filter((n) => n > 1).length;
    const missing = ids.filter((id) => !counts.has(id)).length;
    const [state] = (await pools[0].db.execute(sql`
      select count(*) filter (where status = 'sent')::int as sent, sum(attempts)::int as claims from outbox`)) as unknown as { sent: number; claims: number }[];
    const ideal = (mails * relayDelayMs) / instances;
    const ok = twice === 0 && missing === 0 && relay.accepted.length === mails && state.sent === mails;
    console.log(
      `outbox, slow relay (${seconds(relayDelayMs)} s per message, lease ${leaseSeconds} s, ${instances} instances): ${mails} queued, ` +
        `${relay.accepted.length} accepted by the relay, ${twice} twice, ${missing} missing, ${state.sent} marked sent, ` +
        `${(state.claims / mails).toFixed(2)} claims per message, split ${perInstance.join("/")} (target: each exactly once) ${ok ? "OK" : "WRONG"}; ` +
        `${seconds(ms)} s, ${(ms / ideal).toFixed(2)}x the ideal ${seconds(ideal)} s for ${instances} workers`,
    );
    if (!ok) throw new Error("the outbox delivered a mail twice or not at all with a slow relay");
  } finally {
    await relay?.close();
    for (const pool of pools) await pool.sql.end({ timeout: 5 });
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
