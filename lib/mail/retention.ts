import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { db } from "@/lib/db";

/** Sent mails are kept this long: the sign-in and enrolment links in them are dead by then. */
export const sentMailRetentionDays = 30;

/**
 * One batch: the oldest sent mails past retention, read on the partial index on sent_at and
 * locked with SKIP LOCKED, so a row someone holds is left for the next run instead of waited for.
 * The ids as an array, so the delete finds them by primary key (`in (…)` was a hash join over the
 * whole outbox).
 */
export function purgeSentBatchQuery(days: number, batch: number): SQL {
  return sql`
    with gone as (
      delete from outbox where id = any (array(
        select id from outbox where status = 'sent' and sent_at < now() - make_interval(days => ${days})
         order by sent_at limit ${batch} for update skip locked))
      returning 1)
    select count(*)::int as n from gone`;
}

export type PurgeOptions = { pool?: Db; batch?: number; maxBatches?: number; days?: number };

/**
 * The outbox's retention: sent mails older than 30 days are deleted (their tokens are dead);
 * dead mails stay for the admin, and pending ones (failed, still retried) stay to be sent.
 * Small batches, each its own short statement, so the outbox is never locked for long while
 * the mail worker claims pending rows. At most `maxBatches` per run; the next run continues.
 */
export async function purgeSentMail(options: PurgeOptions = {}): Promise<{ purged: number; batches: number }> {
  const pool = options.pool ?? db();
  const batch = options.batch ?? 500;
  const maxBatches = options.maxBatches ?? 200;
  let purged = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const [{ n }] = (await pool.execute(purgeSentBatchQuery(options.days ?? sentMailRetentionDays, batch))) as unknown as { n: number }[];
    batches += 1;
    purged += n;
    if (n < batch) break;
  }
  return { purged, batches };
}
