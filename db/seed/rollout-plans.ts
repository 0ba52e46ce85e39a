import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { reviewDueDay } from "../../lib/eligibility/review-deadline";
import { reviewedReasons } from "../../lib/eligibility/review-reasons";
import { caseSnapshot } from "../../lib/onboarding/snapshot";
import { addDays, workingDayAfter, zurichAt, zurichDay, type Clock } from "./rollout-clock";

// What the crisis cell plans on day 3 (issue 17 point 5): laptops bought in a hurry arrive in
// two deliveries, and the reviews of temporary and on-call contracts have their deadline, a
// third of them already decided, so the dashboard, the queue's dates and the review flow show
// the roll-out as it goes.

/** Two laptop deliveries ahead (the first covers the queue's head, the second more), and 4G routers. */
async function seedDeliveries(tx: Tx, clock: Clock): Promise<void> {
  const soon = workingDayAfter(workingDayAfter(clock.today));
  const later = workingDayAfter(addDays(soon, 5));
  await tx.execute(sql`
    insert into planned_deliveries (pool_id, expected_on, quantity, reference)
    select p.id, d.day::date, d.quantity, d.reference
      from (values ('laptop', ${soon}, 60, 'PO-2611-01'), ('laptop', ${later}, 150, 'PO-2611-02'), ('router_4g', ${soon}, 10, 'PO-2611-R1')) as d(kind, day, quantity, reference)
      join resource_pools p on p.kind::text = d.kind
    on conflict do nothing`);
}

/**
 * Each open review ticket is due at 17:00 on the second working day after the answers (the
 * setting's default); one in three is decided already: the case records IT's decision, the
 * ticket is resolved with it, as markEligibilityReviewed (lib/triage/case-actions.ts) leaves them.
 */
async function seedReviews(tx: Tx, clock: Clock, agent: string): Promise<void> {
  const reviews = (await tx.execute(sql`
    select t.id, t.number::int as number, t.employee_id, t.created_at, coalesce(s.canton, 'CH') as canton
      from tickets t join employees e on e.id = t.employee_id left join sites s on s.id = e.site_id
     where t.category = 'eligibility_review' and t.status not in ('resolved', 'closed') order by t.number`)) as unknown as { id: string; number: number; employee_id: string; created_at: string; canton: string }[];
  const holidays = (await tx.execute(sql`select canton, day::text as day from public_holidays`)) as unknown as { canton: string; day: string }[];
  for (const [i, r] of reviews.entries()) {
    const answeredOn = zurichDay(new Date(r.created_at));
    const closed = new Set(holidays.filter((h) => h.canton === "CH" || h.canton === r.canton).map((h) => h.day));
    const due = reviewDueDay(answeredOn, 2, closed);
    await tx.execute(sql`update tickets set sla_due_at = ${zurichAt(due, 17 * 60).toISOString()}::timestamptz where id = ${r.id}`);
    if (i % 3 !== 0) continue;
    // Decided the working day after the answers, in the morning, and never after now.
    const decidedAt = new Date(Math.min(zurichAt(workingDayAfter(answeredOn), 9 * 60 + (i % 120)).getTime(), clock.now.getTime() - 60_000));
    const outcome = i % 2 === 0 ? ("eligible" as const) : ("not_eligible" as const);
    const reason = reviewedReasons[outcome];
    await tx.execute(sql`
      update onboarding_cases set eligibility = ${outcome}, eligibility_rule_id = 'it_review', eligibility_reason = ${JSON.stringify(reason)}::jsonb,
             eligibility_decided_at = ${decidedAt.toISOString()}::timestamptz, updated_at = ${decidedAt.toISOString()}::timestamptz
       where employee_id = ${r.employee_id}`);
    await tx.execute(sql`update tickets set status = 'resolved', assignee_employee_id = ${agent}, resolved_at = ${decidedAt.toISOString()}::timestamptz, updated_at = ${decidedAt.toISOString()}::timestamptz where id = ${r.id}`);
    await tx.execute(sql`
      insert into ticket_events (ticket_id, actor_employee_id, kind, public, details, at) values
        (${r.id}, ${agent}, 'eligibility_reviewed', false, ${JSON.stringify({ outcome })}::jsonb, ${decidedAt.toISOString()}::timestamptz),
        (${r.id}, ${agent}, 'status', false, ${JSON.stringify({ from: "new", to: "resolved" })}::jsonb, ${decidedAt.toISOString()}::timestamptz)`);
    // The person's tickets show the case as it now is (the demo's tickets all carry the case as of day 3).
    await tx.execute(sql`update tickets set snapshot = ${JSON.stringify(await caseSnapshot(tx, r.employee_id))}::jsonb where employee_id = ${r.employee_id}`);
  }
}

export async function seedPlansAndReviews(tx: Tx, clock: Clock, agent: string): Promise<void> {
  await seedDeliveries(tx, clock);
  await seedReviews(tx, clock, agent);
}
