import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { devMailbox, outbox } from "@/db/schema";
import { db } from "@/lib/db";
import { maxDeliveryAttempts } from "@/lib/mail/message";
import { enqueueEmail } from "@/lib/mail/outbox";
import { devMailboxTransport, smtpTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";
import { freePort } from "../../scripts/lib/pg-server";
import { startSlowRelay, type SlowRelay } from "../support/slow-relay";

const message = (to: string, subject = "Hello") => ({ to, subject, text: `Open https://portal.test/x?to=${to}`, html: "<p>Hi</p>" });

let relay: SlowRelay | undefined;

afterEach(async () => {
  await relay?.close();
  relay = undefined;
  await db().execute(sql`delete from outbox`);
});

describe("the outbox", () => {
  test("a mail queued in a transaction that rolls back is never sent", async () => {
    await expect(
      db().transaction(async (tx) => {
        await enqueueEmail(tx, message("rollback@work.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, "rollback@work.test"))).toHaveLength(0);
  });

  test("two workers at once deliver each message exactly once", async () => {
    const ids = await db().transaction(async (tx) =>
      Promise.all(["a", "b", "c", "d", "e"].map((n) => enqueueEmail(tx, message(`${n}@work.test`)))),
    );
    const transport = devMailboxTransport();
    const results = await Promise.all([deliverDueEmails(transport, 3), deliverDueEmails(transport, 3), deliverDueEmails(transport, 3)]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(5);
    expect(await deliverDueEmails(transport)).toEqual({ sent: 0, failed: 0 });
    const delivered = await db().select().from(devMailbox).where(sql`${devMailbox.outboxId} in ${ids}`);
    expect(delivered.map((d) => d.toAddress).sort()).toEqual(["a@work.test", "b@work.test", "c@work.test", "d@work.test", "e@work.test"]);
    expect(delivered[0].links).toEqual([`https://portal.test/x?to=${delivered[0].toAddress}`]);
  });

  test("an SMTP outage keeps the mail queued with backoff; it goes out once SMTP is back", async () => {
    const port = await freePort();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, "Passerelle <no-reply@passerelle.test>");
    const id = await enqueueEmail(db(), message("outage@work.test", "Sent after the outage"));

    expect(await deliverDueEmails(transport)).toEqual({ sent: 0, failed: 1 });
    const [waiting] = await db().select().from(outbox).where(eq(outbox.id, id));
    expect(waiting.status).toBe("pending");
    expect(waiting.attempts).toBe(1);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(waiting.lastError).toBeTruthy();
    expect(waiting.lastError).not.toContain("outage@work.test");
    // Not due yet: a second pass leaves it alone.
    expect(await deliverDueEmails(transport)).toEqual({ sent: 0, failed: 0 });

    relay = await startSlowRelay({ delayMs: 0, port });
    const received = relay.accepted;
    await db().update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(outbox.id, id));
    expect(await deliverDueEmails(transport)).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueEmails(transport)).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0].to).toBe("outage@work.test");
    expect(received[0].raw).toContain("Subject: Sent after the outage");
    const [sent] = await db().select().from(outbox).where(eq(outbox.id, id));
    expect(sent.status).toBe("sent");
    expect(sent.attempts).toBe(2);
  });

  test("after the last allowed attempt a message is marked dead, not retried forever", async () => {
    const port = await freePort();
    const id = await enqueueEmail(db(), message("never@work.test"));
    await db().update(outbox).set({ attempts: maxDeliveryAttempts - 1 }).where(eq(outbox.id, id));
    await deliverDueEmails(smtpTransport(`smtp://127.0.0.1:${port}`, "x@passerelle.test"));
    const [row] = await db().select().from(outbox).where(eq(outbox.id, id));
    expect(row.status).toBe("dead");
  });
});
