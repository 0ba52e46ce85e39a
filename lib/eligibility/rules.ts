import { z } from "zod";
import type { EligibilityAnswers } from "./schema";

// Eligibility rules are data (stored versioned in eligibility_rule_sets, edited
// by admins); this pure evaluator applies them: the first matching rule decides,
// and when none matches the person is eligible.

const text = z.object({ fr: z.string().min(1), de: z.string().min(1), en: z.string().min(1) });

/** The facts a rule can look at, with the values an answer can take (roster facts are free text). */
export const ruleFacts = {
  "answers.workFromHome": ["yes", "partly", "no"],
  "answers.confidentialPaper": ["yes", "no"],
  "answers.onSiteEquipment": ["yes", "no"],
  "answers.homeWorkspace": ["yes", "no"],
  "employee.jobFamily": null,
  "employee.contractType": ["permanent", "fixed_term", "apprentice", "on_call", "temporary"],
  "employee.siteCode": null,
} as const satisfies Record<string, readonly string[] | null>;
export type RuleFact = keyof typeof ruleFacts;
const fact = z.enum(Object.keys(ruleFacts) as [RuleFact, ...RuleFact[]]);

const condition = z.discriminatedUnion("op", [
  z.object({ fact, op: z.literal("eq"), value: z.string().min(1) }),
  z.object({ fact, op: z.literal("in"), value: z.array(z.string().min(1)).min(1) }),
]);

export const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,64}$/),
  /** All conditions must hold. */
  when: z.array(condition).min(1),
  outcome: z.enum(["eligible", "not_eligible", "review"]),
  reason: text,
});

export const ruleSetSchema = z.array(ruleSchema).max(200);

export type EligibilityRule = z.infer<typeof ruleSchema>;
export type Outcome = EligibilityRule["outcome"];

/** What the rules can look at: the answers and the roster facts. */
export type EligibilityFacts = {
  answers: EligibilityAnswers;
  employee: { jobFamily: string; contractType: string; siteCode: string | null };
};

export type Decision = { outcome: Outcome; ruleId: string | null; reason: EligibilityRule["reason"] | null };

function factValue(facts: EligibilityFacts, path: string): string | undefined {
  const [scope, key] = path.split(".");
  if (scope === "answers") return (facts.answers as Record<string, string>)[key];
  if (scope === "employee") return (facts.employee as Record<string, string | null>)[key] ?? undefined;
  return undefined;
}

export function evaluateEligibility(rules: EligibilityRule[], facts: EligibilityFacts): Decision {
  for (const rule of rules) {
    const matches = rule.when.every((c) => {
      const actual = factValue(facts, c.fact);
      return c.op === "eq" ? actual === c.value : actual !== undefined && c.value.includes(actual);
    });
    if (matches) return { outcome: rule.outcome, ruleId: rule.id, reason: rule.reason };
  }
  return { outcome: "eligible", ruleId: null, reason: null };
}

/** A roster fact a decision rested on, with the person's value in the roster. */
export type RosterFactValue = { fact: Extract<RuleFact, `employee.${string}`>; value: string };
export type DecisionExplanation = { rosterFacts: RosterFactValue[]; answersCanChange: boolean };

const answerChoices = Object.entries(ruleFacts).filter(([key]) => key.startsWith("answers.")) as [RuleFact, readonly string[]][];

/** Every possible set of answers (3 × 2 × 2 × 2): few enough to try them all. */
function allAnswers(): EligibilityAnswers[] {
  return answerChoices.reduce<Record<string, string>[]>(
    (sets, [fact, values]) => sets.flatMap((set) => values.map((value) => ({ ...set, [fact.slice("answers.".length)]: value }))),
    [{}],
  ) as EligibilityAnswers[];
}

/**
 * What a decision rested on: the roster facts among the deciding rule's conditions (with the
 * person's values), and whether any answers would have decided differently with the same
 * roster facts. When none would, suggesting "change your answers" sends the person in circles
 * (issue 13 point 7). `rules` are the version the decision was made with.
 */
export function explainDecision(rules: EligibilityRule[], facts: EligibilityFacts, ruleId: string | null): DecisionExplanation {
  const rule = rules.find((r) => r.id === ruleId);
  const rosterFacts = (rule?.when ?? [])
    .filter((c): c is typeof c & { fact: RosterFactValue["fact"] } => c.fact.startsWith("employee."))
    .map((c) => ({ fact: c.fact, value: factValue(facts, c.fact) ?? "" }));
  const outcome = evaluateEligibility(rules, facts).outcome;
  const answersCanChange = allAnswers().some((answers) => evaluateEligibility(rules, { ...facts, answers }).outcome !== outcome);
  return { rosterFacts, answersCanChange };
}

/** The first version of the rules, seeded; admins edit later versions. */
export const defaultEligibilityRules: EligibilityRule[] = [
  {
    id: "on_site_job",
    when: [{ fact: "employee.jobFamily", op: "in", value: ["production_operator", "warehouse", "driver", "maintenance", "lab_technician"] }],
    outcome: "not_eligible",
    reason: {
      fr: "Votre métier s’exerce sur place (production, entrepôt, transport, maintenance ou laboratoire).",
      de: "Ihre Arbeit wird vor Ort erledigt (Produktion, Lager, Transport, Unterhalt oder Labor).",
      en: "Your job is done on site (production, warehouse, transport, maintenance or lab).",
    },
  },
  {
    id: "equipment_on_site",
    when: [{ fact: "answers.onSiteEquipment", op: "eq", value: "yes" }],
    outcome: "not_eligible",
    reason: {
      fr: "Votre travail demande un équipement qui doit rester sur le site.",
      de: "Ihre Arbeit braucht Geräte, die am Standort bleiben müssen.",
      en: "Your work needs equipment that has to stay on site.",
    },
  },
  {
    id: "not_doable_from_home",
    when: [{ fact: "answers.workFromHome", op: "eq", value: "no" }],
    outcome: "not_eligible",
    reason: {
      fr: "Vous avez indiqué que votre travail ne peut pas se faire à domicile.",
      de: "Sie haben angegeben, dass Ihre Arbeit nicht von zu Hause aus möglich ist.",
      en: "You said your work cannot be done from home.",
    },
  },
  {
    id: "confidential_paper",
    when: [{ fact: "answers.confidentialPaper", op: "eq", value: "yes" }],
    outcome: "review",
    reason: {
      fr: "Documents papier confidentiels : les RH et l’IT vérifient avec vous comment travailler avec eux à domicile.",
      de: "Vertrauliche Papierdokumente: HR und IT klären mit Ihnen, wie Sie zu Hause damit arbeiten können.",
      en: "Confidential paper documents: HR and IT check with you how to work with them from home.",
    },
  },
  {
    id: "no_home_workspace",
    when: [{ fact: "answers.homeWorkspace", op: "eq", value: "no" }],
    outcome: "review",
    reason: {
      fr: "Pas de place pour travailler à domicile : nous cherchons une solution avec vous.",
      de: "Kein Arbeitsplatz zu Hause: Wir suchen mit Ihnen eine Lösung.",
      en: "No place to work at home: we look for a solution with you.",
    },
  },
  {
    id: "temporary_contract",
    when: [{ fact: "employee.contractType", op: "in", value: ["temporary", "on_call"] }],
    outcome: "review",
    reason: {
      fr: "Les contrats temporaires et sur appel sont examinés au cas par cas.",
      de: "Temporäre Verträge und Arbeit auf Abruf werden einzeln geprüft.",
      en: "Temporary and on-call contracts are checked case by case.",
    },
  },
];
