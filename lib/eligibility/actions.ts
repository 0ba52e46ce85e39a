"use server";

import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { eligibilityAnswersSchema } from "./schema";
import { submitEligibility } from "./service";

const submit = defineAction({
  name: "eligibility.decide",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: eligibilityAnswersSchema,
  access: { roles: ["employee"] },
  handler: (answers, { person, tx }) => submitEligibility(tx, person!.employeeId, answers),
  audit: (_answers, decision, { person }) => ({
    action: "eligibility.decide",
    targetType: "employee",
    targetId: person!.employeeId,
    details: { outcome: decision.outcome, ruleId: decision.ruleId, rulesVersion: decision.rulesVersion },
  }),
});

export async function submitEligibilityAction(input: unknown) {
  const result = await submit(input as never);
  return result.ok ? { ok: true as const, data: { outcome: result.data.outcome } } : result;
}
