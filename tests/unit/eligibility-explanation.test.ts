import { describe, expect, test } from "vitest";
import { defaultEligibilityRules, explainDecision, type EligibilityFacts, type EligibilityRule } from "@/lib/eligibility/rules";

// A "no" says which facts decided it, and suggests changing answers only when some answers
// would decide otherwise (issue 13 point 7).

const officeAnswers = { workFromHome: "yes", confidentialPaper: "no", onSiteEquipment: "no", homeWorkspace: "yes" } as const;
const facts = (employee: Partial<EligibilityFacts["employee"]> = {}, answers: Partial<EligibilityFacts["answers"]> = {}): EligibilityFacts => ({
  answers: { ...officeAnswers, ...answers },
  employee: { jobFamily: "finance", contractType: "permanent", siteCode: "LSN", ...employee },
});

const apprentices: EligibilityRule = {
  id: "apprentices_on_site",
  when: [{ fact: "employee.contractType", op: "eq", value: "apprentice" }],
  outcome: "not_eligible",
  reason: { fr: "Apprentissage sur place.", de: "Lehre vor Ort.", en: "Apprenticeship on site." },
};
const labAtZurich: EligibilityRule = {
  id: "lab_zurich",
  when: [
    { fact: "employee.siteCode", op: "eq", value: "ZRH" },
    { fact: "answers.onSiteEquipment", op: "eq", value: "yes" },
  ],
  outcome: "not_eligible",
  reason: { fr: "Labo.", de: "Labor.", en: "Lab." },
};

describe("explainDecision", () => {
  test.each<[string, EligibilityRule[], EligibilityFacts, string, ReturnType<typeof explainDecision>]>([
    [
      "job family on the shop floor: the roster decided, no answer changes it",
      defaultEligibilityRules,
      facts({ jobFamily: "production_operator" }),
      "on_site_job",
      { rosterFacts: [{ fact: "employee.jobFamily", value: "production_operator" }], answersCanChange: false },
    ],
    [
      "apprentice contract: the roster decided",
      [apprentices, ...defaultEligibilityRules],
      facts({ contractType: "apprentice" }),
      "apprentices_on_site",
      { rosterFacts: [{ fact: "employee.contractType", value: "apprentice" }], answersCanChange: false },
    ],
    [
      "'my work cannot be done from home': the answers decided and other answers would not",
      defaultEligibilityRules,
      facts({}, { workFromHome: "no" }),
      "not_doable_from_home",
      { rosterFacts: [], answersCanChange: true },
    ],
    [
      "a site and an answer together: the site is named, and the answer can change it",
      [labAtZurich],
      facts({ siteCode: "ZRH" }, { onSiteEquipment: "yes" }),
      "lab_zurich",
      { rosterFacts: [{ fact: "employee.siteCode", value: "ZRH" }], answersCanChange: true },
    ],
    [
      "a rule no longer in the rules: nothing named, answers may still change it",
      defaultEligibilityRules,
      facts({}, { workFromHome: "no" }),
      "gone",
      { rosterFacts: [], answersCanChange: true },
    ],
  ])("%s", (_label, rules, decisionFacts, ruleId, expected) => {
    expect(explainDecision(rules, decisionFacts, ruleId)).toEqual(expected);
  });
});
