import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rolled } from "@/lib/admin/rollups";
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
  const rows = (await db().execute(sql`
    with tally as (select category, status, sum(n)::int as n, count(*)::int as rows from ticket_tallies group by category, status)
    select t.category::text, t.status::text, t.n, t.rows, ${overdue("queue")} as overdue from (select 1) one left join tally t on true order by t.status, t.category`)) as unknown as Row[];
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

/** The eligibility reviews still waiting for HR's decision (the tallies' total and the late ones alike). */
export const openReviews = sql`category = 'eligibility_review' and status not in ('resolved', 'closed')`;

/** Who is counted late: tickets waiting for IT, or open eligibility reviews (HR's overview). */
const due = {
  // Each condition is its partial index's (tickets_overdue_idx, tickets_review_due_idx).
  queue: { figure: "tickets_due_queue", where: sql`status in ('new', 'in_progress')` },
  review: { figure: "tickets_due_review", where: openReviews },
} as const;

/**
 * How many tickets of the kind are past due, exact now: those due in an hour before this one from
 * the counts the triggers on tickets keep by due hour (migration 0032, lib/admin/rollups.ts), those
 * due earlier in this hour from the partial index on sla_due_at. A few hundred rollup rows and the
 * tickets of one hour, whatever the size of the queue (counting either side of now() read thousands).
 */
export function overdue(kind: keyof typeof due): SQL {
  const { figure, where } = due[kind];
  // Computed once per statement (an init plan), as the dashboard's windows.
  const hour = sql`(select date_trunc('hour', now(), 'UTC'))`;
  return sql`((select coalesce(sum(n), 0) from (${rolled([figure], sql`'-infinity'::timestamptz`, hour)}) r) +
              (select count(*) from tickets where ${where} and sla_due_at >= ${hour} and sla_due_at < now()))::int`;
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
