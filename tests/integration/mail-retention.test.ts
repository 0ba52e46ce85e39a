import { sql } from "drizzle-orm";
import { afterEach, expect, test } from "vitest";
import { db } from "@/lib/db";
import { purgeSentBatchQuery, purgeSentMail } from "@/lib/mail/retention";
import { devMailboxTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";

// The outbox's retention (lib/mail/retention.ts): sent mails older than 30 days go, dead and
// pending ones stay, in small batches that never make the mail worker wait.

afterEach(async () => {
  await db().execute(sql`delete from outbox`);
});

/** `count` mails in one status, created and (if sent) sent `daysAgo` days ago. */
async function mails(count: number, status: "sent" | "dead" | "pending", daysAgo: number, subject: string = status) {
  await db().execute(sql`
    insert into outbox (to_address, subject, text_body, html_body, status, attempts, sent_at, created_at, next_attempt_at)
    select 'r' || g || '@retention.test', ${subject}, 'Sign in: https://portal.test/t/' || g, '<p>x</p>', ${status}::outbox_status,
           case when ${status} = 'dead' then 8 else 1 end,
           case when ${status} = 'sent' then now() - make_interval(days => ${daysAgo}) end, now() - make_interval(days => ${daysAgo}), now()
      from generate_series(1, ${count}) g`);
}

const left = async () =>
  (await db().execute(sql`select subject, status::text as status, count(*)::int as n from outbox group by 1, 2 order by 1, 2`)) as unknown as { subject: string; status: string; n: number }[];

test("sent mails older than 30 days are purged in batches; recent sent, all dead and all pending mails stay", async () => {
  await mails(25, "sent", 40, "old sent");
  await mails(1, "sent", 31, "old sent");
  await mails(5, "sent", 29, "recent sent");
  await mails(3, "dead", 90, "old dead");
  await mails(2, "dead", 1, "recent dead");
  await mails(2, "pending", 40, "old pending");
  expect(await purgeSentMail({ batch: 10 })).toEqual({ purged: 26, batches: 3 });
  expect(await left()).toEqual([
    { subject: "old dead", status: "dead", n: 3 },
    { subject: "old pending", status: "pending", n: 2 },
    { subject: "recent dead", status: "dead", n: 2 },
    { subject: "recent sent", status: "sent", n: 5 },
  ]);
  expect(await purgeSentMail({ batch: 10 })).toEqual({ purged: 0, batches: 1 });
  // A run stops after its batches; the next run goes on.
  await mails(30, "sent", 45, "old sent");
  expect(await purgeSentMail({ batch: 10, maxBatches: 2 })).toEqual({ purged: 20, batches: 2 });
  expect(await purgeSentMail({ batch: 10 })).toEqual({ purged: 10, batches: 2 });
});

test("a row someone holds is skipped, not waited for; the mail worker claims while a batch is being purged", async () => {
  await mails(6, "sent", 40, "old sent");
  const [held] = (await db().execute(sql`select id from outbox order by id limit 1`)) as unknown as { id: number }[];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const holder = db().transaction(async (tx) => {
    await tx.execute(sql`select id from outbox where id = ${held.id} for update`);
    locked();
    await released;
  });
  await isLocked;
  // Not blocked by the held row: the five others go, the held one stays for the next run.
  expect(await purgeSentMail({ batch: 100 })).toEqual({ purged: 5, batches: 1 });
  release();
  await holder;
  expect(await purgeSentMail({ batch: 100 })).toEqual({ purged: 1, batches: 1 });

  // A purge batch holding its rows (an open transaction) does not hold up the worker's claim of a pending mail.
  await mails(4, "sent", 40, "old sent");
  await mails(1, "pending", 0, "due now");
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  let purging!: (n: number) => void;
  const purgedInTx = new Promise<number>((r) => (purging = r));
  const batch = db().transaction(async (tx) => {
    const [{ n }] = (await tx.execute(purgeSentBatchQuery(30, 100))) as unknown as { n: number }[];
    purging(n);
    await finished;
  });
  expect(await purgedInTx).toBe(4);
  const delivered = await deliverDueEmails(devMailboxTransport(), 5);
  finish();
  await batch;
  expect(delivered).toEqual({ sent: 1, failed: 0 });
  expect(await left()).toEqual([{ subject: "due now", status: "sent", n: 1 }]);
});

test("a batch reads the partial index on sent mail, never the whole outbox", async () => {
  await mails(20_000, "sent", 5, "recent sent");
  await mails(500, "sent", 40, "old sent");
  await mails(50, "dead", 40, "old dead");
  await db().execute(sql`analyze outbox`);
  const [{ "QUERY PLAN": plan }] = (await db().execute(sql`explain (format json) ${purgeSentBatchQuery(30, 500)}`)) as unknown as { "QUERY PLAN": unknown }[];
  const text = JSON.stringify(plan);
  expect(text).toContain("outbox_sent_idx");
  expect(text).not.toContain("Seq Scan");
  expect(await purgeSentMail()).toEqual({ purged: 500, batches: 2 });
});
