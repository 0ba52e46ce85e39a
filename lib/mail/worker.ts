import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { keepLease } from "./lease";
import { maxDeliveryAttempts, retryDelaySeconds, sanitizeError } from "./message";
import type { MailTransport, OutgoingMail } from "./transport";

type ClaimedRow = {
  id: string | number;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  links: string[];
  attempts: number;
};

export type DeliveryOptions = {
  /**
   * The pool to work with (the instance's own by default). Never a transaction: every
   * statement here commits on its own, so nothing is held open while SMTP talks.
   */
  db?: Db;
  /** How long a claim lasts unless renewed; renewed every third of it during a send. */
  leaseSeconds?: number;
};

/** Long enough that a stalled renewal or two does not lose the claim; short enough that a crashed instance's mail is retried soon. */
export const defaultLeaseSeconds = 120;

/**
 * Claims the next due message for this caller alone: a fresh claim token and a lease.
 * SKIP LOCKED lets any number of instances claim at once without waiting on each other.
 */
async function claimNext(pool: Db, leaseSeconds: number): Promise<{ row: ClaimedRow; token: string } | null> {
  const token = randomUUID();
  const [row] = (await pool.execute(sql`
    update outbox
       set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1, claim_token = ${token}::uuid
     where id = (
       select id from outbox
        where status = 'pending' and next_attempt_at <= now()
          and (locked_until is null or locked_until < now())
        order by next_attempt_at, id
        limit 1
        for update skip locked)
     returning id, to_address, subject, text_body, html_body, links, attempts
  `)) as unknown as ClaimedRow[];
  return row ? { row, token } : null;
}

/**
 * Delivers up to `limit` due messages, one claim per message. Why one at a time: a
 * claim taken for a whole batch runs out while a slow relay works through it, and
 * another instance then sends the same rows again. Each message's lease is renewed
 * while its send is in progress, and its outcome is written only if the claim is
 * still this call's (`where claim_token = …`), so a worker whose lease was taken
 * over cannot mark, reschedule or release a row another worker now holds.
 * If this process dies mid-send, the lease lapses and another instance retries.
 */
export async function deliverDueEmails(transport: MailTransport, limit = 20, options: DeliveryOptions = {}): Promise<{ sent: number; failed: number }> {
  const pool = options.db ?? db();
  const leaseSeconds = options.leaseSeconds ?? defaultLeaseSeconds;
  let sent = 0;
  let failed = 0;
  for (let n = 0; n < limit; n += 1) {
    const claim = await claimNext(pool, leaseSeconds);
    if (!claim) break;
    const { row, token } = claim;
    const mail: OutgoingMail = {
      id: Number(row.id),
      toAddress: row.to_address,
      subject: row.subject,
      textBody: row.text_body,
      htmlBody: row.html_body,
      links: row.links,
    };
    const lease = keepLease(pool, mail.id, token, leaseSeconds);
    let error: unknown = null;
    try {
      await transport.deliver(mail);
    } catch (caught) {
      error = caught ?? new Error("delivery failed");
    } finally {
      await lease.stop();
    }

    let recorded: unknown[];
    if (error === null) {
      sent += 1;
      recorded = await pool.execute(sql`
        update outbox set status = 'sent', sent_at = now(), locked_until = null, claim_token = null, last_error = null
         where id = ${mail.id} and claim_token = ${token}::uuid
         returning id`);
    } else {
      failed += 1;
      const dead = row.attempts >= maxDeliveryAttempts;
      const delay = retryDelaySeconds(row.attempts);
      recorded = await pool.execute(sql`
        update outbox
           set status = ${dead ? "dead" : "pending"}::outbox_status,
               next_attempt_at = now() + make_interval(secs => ${delay}),
               locked_until = null,
               claim_token = null,
               last_error = ${sanitizeError(error)}
         where id = ${mail.id} and claim_token = ${token}::uuid
         returning id`);
      logger.warn({ outboxId: mail.id, attempts: row.attempts, dead, transport: transport.name, err: sanitizeError(error) }, "mail delivery failed");
    }
    if (recorded.length === 0) {
      // Only possible if renewals failed for a whole lease (database unreachable): the
      // other holder's outcome stands, and this message may reach the relay twice.
      logger.warn({ outboxId: mail.id, transport: transport.name, delivered: error === null }, "mail outcome not recorded: the claim was taken over by another worker");
    }
  }
  return { sent, failed };
}

/** Housekeeping that any instance may run: expired sign-in tokens and old rate-limit windows. */
export async function purgeExpired(): Promise<void> {
  await db().execute(sql`delete from verification_tokens where expires < now() - interval '1 day'`);
  await db().execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
  await db().execute(sql`delete from sessions where expires < now()`);
}
