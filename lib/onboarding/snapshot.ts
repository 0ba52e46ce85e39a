import "server-only";
import { eq, sql } from "drizzle-orm";
import { onboardingCases } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { getRosterFacts } from "@/lib/roster/queries";
import { getCaseSteps } from "./queries";

/** The whole case as IT needs it on a ticket, so nobody asks the employee twice. Never HR-only fields. */
export async function caseSnapshot(tx: DbOrTx, employeeId: string): Promise<Record<string, unknown>> {
  const roster = await getRosterFacts(tx, employeeId);
  const steps = await getCaseSteps(employeeId, tx);
  const [eligibility] = await tx
    .select({ answers: onboardingCases.eligibilityAnswers, ruleId: onboardingCases.eligibilityRuleId, rulesVersion: onboardingCases.eligibilityRulesVersion, decidedAt: onboardingCases.eligibilityDecidedAt })
    .from(onboardingCases)
    .where(eq(onboardingCases.employeeId, employeeId));
  const [latestTest] = (await tx.execute(sql`
    select started_at as "startedAt", isp, verdict, recommendation, limits, latency_ms as "latencyMs", jitter_ms as "jitterMs",
           download_kbps as "downloadKbps", upload_kbps as "uploadKbps", udp_ok as "udpOk", gateways
      from connectivity_tests where employee_id = ${employeeId} and status = 'completed'
     order by started_at desc limit 1`)) as unknown as Record<string, unknown>[];
  return { takenAt: new Date().toISOString(), roster, steps, eligibility: eligibility ?? null, connectivity: latestTest ?? null };
}
