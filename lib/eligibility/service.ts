import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { allocations, eligibilityRuleSets, onboardingCases } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { releaseWaitingDevice } from "@/lib/devices/service";
import { lockCase } from "@/lib/onboarding/queries";
import { getRosterFacts } from "@/lib/roster/queries";
import { getSetting } from "@/lib/settings/queries";
import { defaultHrContact, hrContactSchema } from "@/lib/settings/schemas";
import { raiseTicket } from "@/lib/tickets/service";
import { reviewDueDay } from "./review-deadline";
import { evaluateEligibility, ruleSetSchema, type Decision } from "./rules";
import type { EligibilityAnswers } from "./schema";

export async function getActiveRules(tx: DbOrTx) {
  const [row] = await tx.select().from(eligibilityRuleSets).where(eq(eligibilityRuleSets.active, true));
  if (!row) throw new Error("No active eligibility rule set");
  return { version: row.version, rules: ruleSetSchema.parse(row.rules) };
}

/**
 * Records the answers and decides with the active rules. Answers can change
 * until a device is reserved; a waiting device request is withdrawn when the
 * new answers no longer make the person eligible. "Needs review" opens (or
 * refreshes) an eligibility_review ticket with the whole case attached.
 */
export async function submitEligibility(tx: DbOrTx, employeeId: string, answers: EligibilityAnswers): Promise<Decision & { rulesVersion: number }> {
  await lockCase(tx, employeeId);
  const reserved = await tx
    .select({ id: allocations.id })
    .from(allocations)
    .where(and(eq(allocations.employeeId, employeeId), inArray(allocations.kind, ["laptop", "vdi_seat"]), inArray(allocations.status, ["reserved", "issued"])));
  if (reserved.length > 0) throw new ActionError("answersLocked");

  const { version, rules } = await getActiveRules(tx);
  const roster = await getRosterFacts(tx, employeeId);
  const decision = evaluateEligibility(rules, {
    answers,
    employee: { jobFamily: roster.jobFamily, contractType: roster.contractType, siteCode: roster.siteCode },
  });

  await tx
    .update(onboardingCases)
    .set({
      eligibility: decision.outcome,
      eligibilityAnswers: answers,
      eligibilityRuleId: decision.ruleId,
      eligibilityReason: decision.reason,
      eligibilityRulesVersion: version,
      eligibilityDecidedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(onboardingCases.employeeId, employeeId));

  if (decision.outcome !== "eligible") await releaseWaitingDevice(tx, employeeId, "eligibility_changed");
  if (decision.outcome === "review") {
    await raiseTicket(tx, { employeeId, category: "eligibility_review", summary: `Eligibility review: ${decision.ruleId}`, actorEmployeeId: employeeId, dueOn: await reviewDueOn(tx, employeeId) });
  }
  return { ...decision, rulesVersion: version };
}

/** The day a review is promised by: the setting's working days after today, in the person's calendar. */
async function reviewDueOn(tx: DbOrTx, employeeId: string): Promise<string> {
  const { reviewWorkingDays } = await getSetting("hr_contact", hrContactSchema, defaultHrContact, tx);
  const [row] = (await tx.execute(sql`
    select (now() at time zone 'Europe/Zurich')::date::text as today,
           coalesce((select array_agg(h.day::text) from public_holidays h
                      where h.day > (now() at time zone 'Europe/Zurich')::date and h.day < (now() at time zone 'Europe/Zurich')::date + 90
                        and h.canton in ('CH', coalesce(s.canton, 'CH'))), '{}') as closed
      from employees e left join sites s on s.id = e.site_id where e.id = ${employeeId}`)) as unknown as { today: string; closed: string[] }[];
  return reviewDueDay(row.today, reviewWorkingDays, new Set(row.closed));
}

export type EligibilityView = {
  outcome: "pending" | "eligible" | "not_eligible" | "review";
  answers: EligibilityAnswers | null;
  reason: { fr: string; de: string; en: string } | null;
  locked: boolean;
};

export async function getEligibilityView(tx: DbOrTx, employeeId: string): Promise<EligibilityView> {
  const [row] = await tx
    .select({ outcome: onboardingCases.eligibility, answers: onboardingCases.eligibilityAnswers, reason: onboardingCases.eligibilityReason })
    .from(onboardingCases)
    .where(eq(onboardingCases.employeeId, employeeId));
  const reserved = await tx
    .select({ id: allocations.id })
    .from(allocations)
    .where(and(eq(allocations.employeeId, employeeId), inArray(allocations.kind, ["laptop", "vdi_seat"]), inArray(allocations.status, ["reserved", "issued"])));
  return {
    outcome: row?.outcome ?? "pending",
    answers: (row?.answers as EligibilityAnswers | null) ?? null,
    reason: row?.reason ?? null,
    locked: reserved.length > 0,
  };
}
