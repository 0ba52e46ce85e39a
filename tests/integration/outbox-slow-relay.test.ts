import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { createDb, type Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { smtpTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";
import { deliveriesPerMessage, startSlowRelay, type SlowRelay } from "../support/slow-relay";

// Two instances of the app on one database, each with its own pool, and a relay that
// answers each message after longer than the (deliberately short) lease. What is
// proven is counts at the relay, never how fast anything ran.

const leaseSeconds = 2;
const relayDelayMs = 3000; // longer than the lease: without renewal the lease runs out mid-send
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pools = [createDb(process.env.DATABASE_URL!, { max: 2 }), createDb(process.env.DATABASE_URL!, { max: 2 })];
let relay: SlowRelay | undefined;

afterEach(async () => {
  await relay?.close();
  relay = undefined;
  await db().execute(sql`delete from outbox`);
});
afterAll(async () => {
  for (const pool of pools) await pool.sql.end({ timeout: 5 });
});

const mail = (n: number) => ({ to: `slow${n}@work.test`, subject: `Slow ${n}`, text: "https://portal.test/x", html: "<p>x</p>" });

/** One instance's background loop: deliver until nothing is pending, pausing when idle as the real loop does. */
async function instance(pool: Db, port: number): Promise<void> {
  const transport = smtpTransport(`smtp://127.0.0.1:${port}`, "Passerelle <no-reply@passerelle.test>");
  for (;;) {
    const { sent, failed } = await deliverDueEmails(transport, 20, { db: pool, leaseSeconds });
    if (sent + failed > 0) continue;
    const [{ pending }] = (await pool.execute(sql`select count(*)::int as pending from outbox where status = 'pending'`)) as unknown as { pending: number }[];
    if (pending === 0) return;
    await sleep(100);
  }
}

describe("the outbox with a slow relay", () => {
  test("two instances and a relay slower than the lease: every mail reaches the relay exactly once", async () => {
    const ids = await db().transaction(async (tx) => {
      const out: number[] = [];
      for (let n = 0; n < 4; n += 1) out.push(await enqueueEmail(tx, mail(n)));
      return out;
    });
    const openTransactions: number[] = [];
    relay = await startSlowRelay({
      delayMs: relayDelayMs,
      // While the relay holds a message, no worker keeps a transaction open.
      onMessage: async () => {
        const [{ n }] = await pools[0].sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`;
        openTransactions.push(n as number);
      },
    });

    await Promise.all(pools.map((pool) => instance(pool.db, relay!.port)));

    const counts = deliveriesPerMessage(relay.accepted);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(ids);
    expect([...counts.values()]).toEqual([1, 1, 1, 1]);
    const rows = await db().select().from(outbox).where(sql`${outbox.id} in ${ids}`);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent", "sent"]);
    // Each row was claimed once: the lease was renewed while the relay took its time.
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1, 1]);
    expect(openTransactions.every((n) => n === 0)).toBe(true);
  });

  test("a worker whose claim was taken over does not mark the row sent (fencing)", async () => {
    const id = await enqueueEmail(db(), mail(10));
    relay = await startSlowRelay({
      delayMs: 0,
      // Another instance took the row over while this one was sending.
      onMessage: async () => {
        await pools[1].db.execute(sql`update outbox set claim_token = gen_random_uuid(), locked_until = now() + interval '1 hour' where id = ${id}`);
      },
    });
    const transport = smtpTransport(`smtp://127.0.0.1:${relay.port}`, "x@passerelle.test");
    await deliverDueEmails(transport, 20, { db: pools[0].db, leaseSeconds });
    const [row] = await db().select().from(outbox).where(eq(outbox.id, id));
    expect(row.status).toBe("pending");
    expect(row.sentAt).toBeNull();
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  test("a failed send after a takeover leaves the other worker's claim alone", async () => {
    const id = await enqueueEmail(db(), mail(11));
    const [{ token }] = (await db().execute(sql`select gen_random_uuid()::text as token`)) as unknown as { token: string }[];
    relay = await startSlowRelay({
      delayMs: 0,
      onMessage: async () => {
        await pools[1].db.execute(sql`update outbox set claim_token = ${token}::uuid, locked_until = now() + interval '1 hour' where id = ${id}`);
        throw new Error("relay refused");
      },
    });
    const transport = smtpTransport(`smtp://127.0.0.1:${relay.port}`, "x@passerelle.test");
    expect(await deliverDueEmails(transport, 20, { db: pools[0].db, leaseSeconds })).toEqual({ sent: 0, failed: 1 });
    const [row] = (await db().execute(sql`select status::text, claim_token::text as token, locked_until > now() + interval '30 minutes' as held, last_error from outbox where id = ${id}`)) as unknown as { status: string; token: string; held: boolean; last_error: string | null }[];
    expect(row).toEqual({ status: "pending", token, held: true, last_error: null });
  });
});
