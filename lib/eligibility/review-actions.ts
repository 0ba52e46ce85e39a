"use server";

import { defineAction } from "@/lib/auth/action";
import { decideReview } from "./review-decision";
import { reviewDecisionSchema } from "./schema";

// HR decides the reviews in its queue (/hr/reviews); IT decides on the ticket (lib/triage/actions.ts).
// The role is re-checked on the server; a second click finds the review decided (reviewNotPending).
const decide = defineAction({
  name: "eligibility.review",
  schema: reviewDecisionSchema,
  access: { roles: ["hr"] },
  handler: (i, { person, tx }) => decideReview(tx, person!.employeeId, i.number, i.outcome),
  audit: (i) => ({ action: "eligibility.review", targetType: "ticket", targetId: String(i.number), details: { outcome: i.outcome } }),
});

export async function decideReviewAction(input: unknown) {
  return decide(input as never);
}
