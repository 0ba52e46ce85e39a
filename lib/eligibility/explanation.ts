import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { getRosterFacts } from "@/lib/roster/queries";
import { getHrContact } from "@/lib/settings/hr-contact";
import type { HrContact } from "@/lib/settings/schemas";
import { explainDecision, ruleSetSchema, type DecisionExplanation, type EligibilityFacts } from "./rules";
import { eligibilityAnswersSchema } from "./schema";

export type NotEligibleExplanation = DecisionExplanation & {
  ruleId: string | null;
  reason: { fr: string; de: string; en: string } | null;
};

/**
 * Why a person is not eligible, for the pages that tell them (issue 13 point 7): the roster
 * facts the deciding rule looked at, and whether other answers could change it. Explained with
 * the rules version the decision was made with (a later version may not even have the rule).
 * Null unless the decision is "not eligible".
 */
export async function getNotEligibleExplanation(tx: DbOrTx, employeeId: string): Promise<NotEligibleExplanation | null> {
  const [row] = (await tx.execute(sql`
    select c.eligibility, c.eligibility_rule_id as "ruleId", c.eligibility_reason as reason, c.eligibility_answers as answers,
           coalesce(decided.rules, active.rules) as rules
      from onboarding_cases c
      left join eligibility_rule_sets decided on decided.version = c.eligibility_rules_version
      left join eligibility_rule_sets active on active.active
     where c.employee_id = ${employeeId}`)) as unknown as {
    eligibility: string;
    ruleId: string | null;
    reason: NotEligibleExplanation["reason"];
    answers: unknown;
    rules: unknown;
  }[];
  if (!row || row.eligibility !== "not_eligible") return null;

  const rules = ruleSetSchema.safeParse(row.rules);
  const answers = eligibilityAnswersSchema.safeParse(row.answers);
  const roster = await getRosterFacts(tx, employeeId);
  // Answers from before a question existed (or none at all) cannot be replayed: then nothing is ruled out.
  if (!rules.success || !answers.success) return { ruleId: row.ruleId, reason: row.reason, rosterFacts: [], answersCanChange: true };
  const facts: EligibilityFacts = { answers: answers.data, employee: { jobFamily: roster.jobFamily, contractType: roster.contractType, siteCode: roster.siteCode } };
  return { ruleId: row.ruleId, reason: row.reason, ...explainDecision(rules.data, facts, row.ruleId) };
}

export type NotEligibleHelp = { explanation: NotEligibleExplanation | null; contact: HrContact };

/** What the not-eligible pages show: why, and the HR contact from settings. */
export async function getNotEligibleHelp(employeeId: string, tx: DbOrTx = db()): Promise<NotEligibleHelp> {
  const [explanation, contact] = await Promise.all([getNotEligibleExplanation(tx, employeeId), getHrContact(tx)]);
  return { explanation, contact };
}
