import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, test, vi } from "vitest";
import { onboardingCases } from "@/db/schema";
import { db } from "@/lib/db";
import type { CurrentPerson } from "@/lib/roster/queries";
import { raiseTicket } from "@/lib/tickets/service";
import { createEmployee } from "../support/factories";
import { refused } from "../support/refusal";

// Issue 17 point 4: a "needs review" goes to the queue of the role that decides. HR's queue
// (/hr/reviews) lists the open reviews, earliest due first; one action decides: the case, the
// person's mail in their language, and the review ticket ended without a second mail.
// The session is the one thing replaced: the person the request belongs to.
const current: { person: CurrentPerson | null } = { person: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentPerson: async () => current.person }));
const { decideReviewAction } = await import("@/lib/eligibility/review-actions");
const { listPendingReviews, pendingReviewCounts } = await import("@/lib/eligibility/review-decision");

async function underReview(dueOn: string, overrides: Parameters<typeof createEmployee>[0] = {}) {
  const person = await createEmployee(overrides);
  await db().insert(onboardingCases).values({ employeeId: person.id, eligibility: "review" });
  const ticket = await db().transaction((tx) => raiseTicket(tx, { employeeId: person.id, category: "eligibility_review", summary: "review", dueOn }));
  return { person, ticket };
}

const hrPerson = async () => {
  const e = await createEmployee();
  current.person = { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail!, locale: "en", language: "en", roles: ["employee", "hr"] };
  return e;
};

test("HR's queue lists open reviews earliest due first, says which are late, and one click decides each", async () => {
  const late = await underReview("2020-03-02", { contractType: "temporary", language: "de" });
  const soon = await underReview("2099-01-05", { contractType: "on_call", language: "fr" });
  const other = await createEmployee();
  await db().transaction((tx) => raiseTicket(tx, { employeeId: other.id, category: "help_request", summary: "not a review" }));

  const queue = await listPendingReviews(db());
  expect(queue.rows.map((r) => [r.number, r.overdue, r.contractType])).toEqual([
    [late.ticket.number, true, "temporary"],
    [soon.ticket.number, false, "on_call"],
  ]);
  // 17:00 in Zurich on the promised day (CET in March 2020: 16:00 UTC).
  expect(queue.rows[0].dueAt.toISOString()).toBe("2020-03-02T16:00:00.000Z");
  expect(await pendingReviewCounts(db())).toEqual({ total: 2, overdue: 1 });

  const mailsTo = async (address: string | null) => ((await db().execute(sql`select subject from outbox where to_address = ${address} order by id`)) as unknown as { subject: string }[]).map((m) => m.subject);
  const before = await mailsTo(late.person.workEmail);
  const hr = await hrPerson();
  expect(await decideReviewAction({ number: late.ticket.number, outcome: "not_eligible" })).toEqual({ ok: true, data: { number: late.ticket.number, outcome: "not_eligible" } });
  // A second click, or IT deciding meanwhile: the review is no longer pending, nothing changes twice.
  expect(await decideReviewAction({ number: late.ticket.number, outcome: "eligible" })).toEqual(refused("reviewNotPending"));
  expect(await decideReviewAction({ number: 999_999_999, outcome: "eligible" })).toEqual(refused("reviewNotPending"));
  expect(await decideReviewAction({ number: late.ticket.number, outcome: "maybe" })).toMatchObject({ ok: false, fieldErrors: { outcome: ["answerRequired"] } });

  const [decided] = (await db().execute(sql`
    select c.eligibility::text, c.eligibility_reason->>'de' as reason, t.status::text as status,
           (select count(*)::int from audit_log a where a.action = 'eligibility.review' and a.actor_employee_id = ${hr.id}) as audits
      from onboarding_cases c join tickets t on t.employee_id = c.employee_id and t.id = ${late.ticket.id}
     where c.employee_id = ${late.person.id}`)) as unknown as { eligibility: string; reason: string; status: string; audits: number }[];
  expect(decided).toMatchObject({ eligibility: "not_eligible", status: "resolved", audits: 1 });
  expect(decided.reason).toContain("Homeoffice ist im Moment nicht möglich");
  // One mail, the decision in German, the person's language; no "ticket resolved" besides it.
  expect(await mailsTo(late.person.workEmail)).toEqual([...before, "Entscheid: Homeoffice ist im Moment nicht möglich"]);

  expect((await listPendingReviews(db())).rows.map((r) => r.number)).toEqual([soon.ticket.number]);
  expect(await pendingReviewCounts(db())).toEqual({ total: 1, overdue: 0 });
});
