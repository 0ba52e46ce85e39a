import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";

// The queue's counts per status and category come from ticket_tallies, which triggers on tickets
// append to in the writing transaction (+1 for the new category/status, −1 for the old; see
// migration 0019). Appending, never updating one counter row: a bulk reply to 500 tickets would
// otherwise hold that row's lock until it commits, blocking every new ticket of the category, and
// two such transactions could deadlock on each other's rows. The rows are summed here and folded
// into one row per pair now and then; every committed state sums to the same figures as a count
// of the tickets (tests/integration/it-queue-scale-counts.test.ts).

/** Past this many appended rows, reading the counts folds them. */
export const foldTalliesAbove = 500;

type Row = { category: string | null; status: string | null; n: number | null; rows: number | null; overdue: number };

export async function queueCounts(): Promise<{ byCategory: Record<string, number>; byStatus: Record<string, number>; overdue: number }> {
  // Overdue depends on now(), so it is counted, by the partial index tickets_overdue_idx, from the
  // side of now() with fewer tickets: first those still on time (few in a crisis, when most are
  // late), stopping past half of the new and in-progress ones; then, only if they are the many,
  // the late ones directly. At most about as many index entries as tickets waiting for IT.
  const rows = (await db().execute(sql`
    with tally as (select category, status, sum(n)::int as n, count(*)::int as rows from ticket_tallies group by category, status),
         active as (select coalesce(sum(n), 0)::int as n from tally where status in ('new', 'in_progress')),
         overdue as (select ${overdueAmong(sql`status in ('new', 'in_progress')`, sql`(select n from active)`)} as n)
    select t.category::text, t.status::text, t.n, t.rows, o.n as overdue from overdue o left join tally t on true order by t.status, t.category`)) as unknown as Row[];
  const byCategory: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let appended = 0;
  for (const r of rows) {
    if (r.category === null || r.status === null || r.n === null) continue;
    appended += r.rows ?? 0;
    if (r.n === 0 || r.status === "closed") continue;
    if (r.status !== "resolved") byCategory[r.category] = (byCategory[r.category] ?? 0) + r.n;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
  }
  if (appended > foldTalliesAbove) await foldTicketTallies();
  return { byCategory, byStatus, overdue: rows[0]?.overdue ?? 0 };
}

/**
 * How many of the tickets that match `where` are past due, `total` being how many match (from the
 * tallies, not counted): counted from the side of now() with fewer of them, through a partial index
 * on sla_due_at whose condition is `where` (tickets_overdue_idx, tickets_review_due_idx) — first
 * those still on time, stopping past half; then, only if they are the many, the late ones directly.
 */
export function overdueAmong(where: SQL, total: SQL): SQL {
  return sql`(select case when on_time.n <= t.n / 2 then t.n - on_time.n
                     else (select count(*)::int from tickets where ${where} and sla_due_at < now()) end
                from (select ${total} as n) t,
                     lateral (select count(*)::int as n from (select 1 from tickets where ${where} and sla_due_at >= now() limit t.n / 2 + 1) x) on_time)`;
}

/**
 * Replaces the appended rows by one row per category and status with their sum. Only rows no
 * one else is folding (skip locked): two readers folding at once each fold their own rows, and
 * rows appended meanwhile stay for the next time. The sums never change, only the row count.
 */
export async function foldTicketTallies(tx: DbOrTx = db()): Promise<void> {
  await tx.execute(sql`
    with gone as (delete from ticket_tallies where ctid in (select ctid from ticket_tallies for update skip locked) returning category, status, n)
    insert into ticket_tallies (category, status, n)
    select category, status, sum(n) from gone group by category, status having sum(n) <> 0`);
}
