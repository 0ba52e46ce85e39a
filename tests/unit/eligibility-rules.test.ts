import { describe, expect, test } from "vitest";
import { defaultEligibilityRules, evaluateEligibility, ruleSetSchema, type EligibilityFacts, type EligibilityRule } from "@/lib/eligibility/rules";
import { eligibilityAnswersSchema } from "@/lib/eligibility/schema";

const answers = { workFromHome: "yes", confidentialPaper: "no", onSiteEquipment: "no", homeWorkspace: "yes" } as const;
const facts = (over: { answers?: Partial<EligibilityFacts["answers"]>; employee?: Partial<EligibilityFacts["employee"]> } = {}): EligibilityFacts => ({
  answers: { ...answers, ...over.answers },
  employee: { jobFamily: "finance", contractType: "permanent", siteCode: "LSN", ...over.employee },
});

describe("evaluateEligibility with the default rules", () => {
  test.each<[string, EligibilityFacts, string, string | null]>([
    ["office job, all good", facts(), "eligible", null],
    ["partly doable from home", facts({ answers: { workFromHome: "partly" } }), "eligible", null],
    ["production operator", facts({ employee: { jobFamily: "production_operator" } }), "not_eligible", "on_site_job"],
    ["warehouse, even answering yes", facts({ employee: { jobFamily: "warehouse" } }), "not_eligible", "on_site_job"],
    ["equipment on site", facts({ answers: { onSiteEquipment: "yes" } }), "not_eligible", "equipment_on_site"],
    ["work not doable from home", facts({ answers: { workFromHome: "no" } }), "not_eligible", "not_doable_from_home"],
    ["confidential paper", facts({ answers: { confidentialPaper: "yes" } }), "review", "confidential_paper"],
    ["no place at home", facts({ answers: { homeWorkspace: "no" } }), "review", "no_home_workspace"],
    ["on-call contract", facts({ employee: { contractType: "on_call" } }), "review", "temporary_contract"],
    ["temporary contract", facts({ employee: { contractType: "temporary" } }), "review", "temporary_contract"],
    ["apprentice with an office job", facts({ employee: { contractType: "apprentice" } }), "eligible", null],
    // The first matching rule decides: a hard "no" wins over a review.
    ["not doable and confidential paper", facts({ answers: { workFromHome: "no", confidentialPaper: "yes" } }), "not_eligible", "not_doable_from_home"],
    ["on-site job and no place at home", facts({ employee: { jobFamily: "driver" }, answers: { homeWorkspace: "no" } }), "not_eligible", "on_site_job"],
  ])("%s → %s (%s)", (_label, input, outcome, ruleId) => {
    const decision = evaluateEligibility(defaultEligibilityRules, input);
    expect(decision.outcome).toBe(outcome);
    expect(decision.ruleId).toBe(ruleId);
    if (ruleId) expect(Object.keys(decision.reason!).sort()).toEqual(["de", "en", "fr"]);
  });

  test("the default rules are valid data; an unknown fact is refused as data and never matches", () => {
    expect(ruleSetSchema.safeParse(defaultEligibilityRules).success).toBe(true);
    const rules = [{ id: "x", when: [{ fact: "employee.shoeSize", op: "eq" as const, value: "42" }], outcome: "not_eligible" as const, reason: { fr: "a", de: "b", en: "c" } }];
    expect(ruleSetSchema.safeParse(rules).success).toBe(false);
    expect(evaluateEligibility(rules as unknown as EligibilityRule[], facts()).outcome).toBe("eligible");
  });

  test.each([
    [{ id: "Bad Id", when: [{ fact: "answers.homeWorkspace", op: "eq", value: "no" }], outcome: "review", reason: { fr: "a", de: "b", en: "c" } }],
    [{ id: "empty_value", when: [{ fact: "answers.homeWorkspace", op: "eq", value: "" }], outcome: "review", reason: { fr: "a", de: "b", en: "c" } }],
    [{ id: "no_conditions", when: [], outcome: "review", reason: { fr: "a", de: "b", en: "c" } }],
    [{ id: "missing_language", when: [{ fact: "answers.x", op: "eq", value: "y" }], outcome: "review", reason: { fr: "a", de: "b" } }],
    [{ id: "bad_outcome", when: [{ fact: "answers.x", op: "eq", value: "y" }], outcome: "maybe", reason: { fr: "a", de: "b", en: "c" } }],
  ])("invalid rule data is refused: %j", (rule) => {
    expect(ruleSetSchema.safeParse([rule]).success).toBe(false);
  });
});

describe("the questionnaire schema", () => {
  test.each([
    [{}, ["workFromHome", "confidentialPaper", "onSiteEquipment", "homeWorkspace"]],
    [{ ...answers, workFromHome: "sometimes" }, ["workFromHome"]],
    [{ ...answers, homeWorkspace: true }, ["homeWorkspace"]],
  ])("%j is refused on %j", (input, fields) => {
    const result = eligibilityAnswersSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual([...fields].sort());
    expect(result.error!.issues.every((i) => i.message === "answerRequired")).toBe(true);
  });
});
