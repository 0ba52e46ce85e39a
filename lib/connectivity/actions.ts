"use server";

import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { noInternetSchema, startTestSchema, testResultSchema } from "./schema";
import { completeConnectivityTest, reportNoInternet, startConnectivityTest } from "./service";

const employeeOnly = { roles: ["employee"] } as const;

const start = defineAction({
  name: "connectivity.start",
  schema: startTestSchema,
  access: employeeOnly,
  handler: ({ isp, ispOther }, { person, tx }) => startConnectivityTest(tx, person!.employeeId, isp === "other" ? `other:${ispOther}` : (isp ?? null)),
  audit: () => null,
});

const complete = defineAction({
  name: "connectivity.complete",
  refreshesPage: true,
  schema: testResultSchema,
  access: employeeOnly,
  handler: (input, { person, tx }) => completeConnectivityTest(tx, person!.employeeId, input),
  audit: (_input, result, { person }) => ({ action: "connectivity.verdict", targetType: "employee", targetId: person!.employeeId, details: { verdict: result.verdict, testId: result.testId } }),
});

const noInternet = defineAction({
  name: "connectivity.no_internet",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: noInternetSchema,
  access: employeeOnly,
  handler: (input, { person, tx }) => reportNoInternet(tx, person!.employeeId, input),
  audit: (input, result, { person }) => ({ action: "connectivity.no_internet", targetType: "employee", targetId: person!.employeeId, details: { coverage: input.coverage, outcome: result.outcome } }),
});

export async function startTestAction(input: unknown) {
  return start(input as never);
}

export async function completeTestAction(input: unknown) {
  return complete(input as never);
}

export async function noInternetAction(input: unknown) {
  return noInternet(input as never);
}
