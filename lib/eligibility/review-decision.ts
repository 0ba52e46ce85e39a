import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { releaseWaitingDevice } from "@/lib/devices/service";
import { notifyEmployee } from "@/lib/mail/notify";
import { lockCase } from "@/lib/onboarding/queries";
import { foldTalliesAbove, foldTicketTallies, openReviews, overdue } from "@/lib/triage/counts";
import { endTicket } from "@/lib/triage/resolve";
import { reviewedReasons } from "./review-reasons";

// A "needs review" is decided in one action (issue 17 point 4), by IT on the ticket or by HR in
// its review queue (/hr/reviews): the case gets the decision and its reason, a waiting device
// request ends if the answer is no, the person is mailed the decision in their language, and
// their open review ticket ends with it. The decision mail is the ticket's answer: ending the
// ticket sends no second "resolved" mail.

export type ReviewOutcome = "eligible" | "not_eligible";

/** Records the decision on the person's case; `ticketId` is the ticket the decision is noted on. */
export async function recordReviewDecision(tx: DbOrTx, actorId: string, employeeId: string, ticketId: string, outcome: ReviewOutcome): Promise<void> {
  await lockCase(tx, employeeId);
  await tx.execute(sql`
    update onboarding_cases set eligibility = ${outcome}, eligibility_rule_id = 'it_review', eligibility_reason = ${JSON.stringify(reviewedReasons[outcome])}::jsonb,
           eligibility_decided_at = now(), updated_at = now() where employee_id = ${employeeId}`);
  if (outcome === "not_eligible") await releaseWaitingDevice(tx, employeeId, "eligibility_reviewed");
  await tx.execute(sql`
    insert into ticket_events (ticket_id, actor_employee_id, kind, details) values (${ticketId}, ${actorId}, 'eligibility_reviewed', ${JSON.stringify({ outcome })}::jsonb)`);
  // The person's open review ticket ends (one at most: tickets_one_open_per_category), without
  // the resolution mail: the decision mail below is its answer.
  const [review] = (await tx.execute(sql`
    select id from tickets where employee_id = ${employeeId} and category = 'eligibility_review' and status not in ('resolved', 'closed')`)) as unknown as { id: string }[];
  if (review) await endTicket(tx, actorId, review.id, { to: "resolved", details: { decision: outcome }, mail: false });
  await notifyEmployee(tx, employeeId, outcome === "eligible" ? "reviewEligible" : "reviewNotEligible", {}, outcome === "eligible" ? "/device" : "/");
}

/** HR's decision from its queue: only a review still open, by its ticket number. */
export async function decideReview(tx: DbOrTx, actorId: string, number: number, outcome: ReviewOutcome): Promise<{ number: number; outcome: ReviewOutcome }> {
  const [ticket] = (await tx.execute(sql`
    select id, employee_id as "employeeId" from tickets
     where number = ${number} and category = 'eligibility_review' and status not in ('resolved', 'closed') for update`)) as unknown as { id: string; employeeId: string }[];
  // Decided meanwhile (by IT, a colleague, a double click), or not a review at all.
  if (!ticket) throw new ActionError("reviewNotPending");
  await recordReviewDecision(tx, actorId, ticket.employeeId, ticket.id, outcome);
  return { number, outcome };
}

export type PendingReview = {
  number: number;
  dueAt: Date;
  /** Past its due time, by the database's clock. */
  overdue: boolean;
  openedAt: Date;
  name: string;
  employeeNumber: string;
  contractType: string;
  orgUnit: string | null;
  site: string | null;
};

/** The reviews waiting for a decision, the earliest due first (at most `limit`), and how many there are. */
export async function listPendingReviews(tx: DbOrTx, limit = 200): Promise<{ rows: PendingReview[]; total: number }> {
  const rows = (await tx.execute(sql`
    select t.number::int as number, t.sla_due_at as "dueAt", t.sla_due_at < now() as overdue, t.created_at as "openedAt", e.first_name || ' ' || e.last_name as name, e.number as "employeeNumber",
           e.contract_type::text as "contractType", o.name as "orgUnit", s.name as site,
           count(*) over ()::int as total
      from tickets t join employees e on e.id = t.employee_id
      left join org_units o on o.id = e.org_unit_id left join sites s on s.id = e.site_id
     where t.category = 'eligibility_review' and t.status not in ('resolved', 'closed')
     order by t.sla_due_at, t.number
     limit ${limit}`)) as unknown as (Omit<PendingReview, "dueAt" | "openedAt"> & { dueAt: string | Date; openedAt: string | Date; total: number })[];
  return {
    rows: rows.map(({ total: _t, ...r }) => ({ ...r, dueAt: new Date(r.dueAt), openedAt: new Date(r.openedAt) })),
    total: rows[0]?.total ?? 0,
  };
}

/**
 * How many reviews wait for a decision, and how many of them are past due (HR's overview links to
 * the queue). The total from the tallies the triggers on tickets keep, the late ones from the
 * counts kept by due hour and this hour's from tickets_review_due_idx (lib/triage/counts.ts).
 */
export async function pendingReviewCounts(tx: DbOrTx): Promise<{ total: number; overdue: number }> {
  const [row] = (await tx.execute(sql`
    with tally as (select coalesce(sum(n), 0)::int as n, count(*)::int as rows from ticket_tallies where ${openReviews})
    select tally.n as total, tally.rows, ${overdue("review")} as overdue from tally`)) as unknown as { total: number; overdue: number; rows: number }[];
  if (row.rows > foldTalliesAbove) await foldTicketTallies(tx);
  return { total: row.total, overdue: row.overdue };
}
