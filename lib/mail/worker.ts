import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
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

/**
 * Claims up to `limit` due messages (SKIP LOCKED, so any number of instances
 * can run this) and delivers them. A claimed row is leased for two minutes: if
 * this process dies mid-send, another worker picks the row up after the lease.
 */
export async function deliverDueEmails(transport: MailTransport, limit = 20): Promise<{ sent: number; failed: number }> {
  const claimed = (await db().execute(sql`
    update outbox
       set locked_until = now() + interval '2 minutes', attempts = attempts + 1
     where id in (
       select id from outbox
        where status = 'pending' and next_attempt_at <= now()
          and (locked_until is null or locked_until < now())
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked)
     returning id, to_address, subject, text_body, html_body, links, attempts
  `)) as unknown as ClaimedRow[];

  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    const mail: OutgoingMail = {
      id: Number(row.id),
      toAddress: row.to_address,
      subject: row.subject,
      textBody: row.text_body,
      htmlBody: row.html_body,
      links: row.links,
    };
    try {
      await transport.deliver(mail);
      await db().execute(sql`
        update outbox set status = 'sent', sent_at = now(), locked_until = null, last_error = null
         where id = ${mail.id}`);
      sent += 1;
    } catch (error) {
      failed += 1;
      const dead = row.attempts >= maxDeliveryAttempts;
      const delay = retryDelaySeconds(row.attempts);
      await db().execute(sql`
        update outbox
           set status = ${dead ? "dead" : "pending"}::outbox_status,
               next_attempt_at = now() + make_interval(secs => ${delay}),
               locked_until = null,
               last_error = ${sanitizeError(error)}
         where id = ${mail.id}`);
      logger.warn({ outboxId: mail.id, attempts: row.attempts, dead, transport: transport.name, err: sanitizeError(error) }, "mail delivery failed");
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
