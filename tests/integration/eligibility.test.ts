import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { refusal } from "../support/refusal";
import { requestDevice } from "@/lib/devices/service";
import { submitEligibility } from "@/lib/eligibility/service";
import type { EligibilityAnswers } from "@/lib/eligibility/schema";
import { getCaseSteps } from "@/lib/onboarding/queries";
import { createEmployee, seedJourney } from "../support/factories";

const yes: EligibilityAnswers = { workFromHome: "yes", confidentialPaper: "no", onSiteEquipment: "no", homeWorkspace: "yes" };
const submit = (employeeId: string, answers: EligibilityAnswers) => db().transaction((tx) => submitEligibility(tx, employeeId, answers));

beforeAll(seedJourney);

describe("eligibility with the seeded rules", () => {
  test("an office job with a place at home is eligible, decided with rules version 1", async () => {
    const person = await createEmployee({ jobFamily: "finance" });
    expect(await submit(person.id, yes)).toMatchObject({ outcome: "eligible", ruleId: null, rulesVersion: 1 });
    const [row] = (await db().execute(sql`select eligibility, eligibility_answers, eligibility_rules_version from onboarding_cases where employee_id = ${person.id}`)) as unknown as Record<string, unknown>[];
    expect(row).toEqual({ eligibility: "eligible", eligibility_answers: yes, eligibility_rules_version: 1 });
  });

  test("a production operator is not eligible, with the reason in three languages", async () => {
    const person = await createEmployee({ jobFamily: "production_operator" });
    const decision = await submit(person.id, yes);
    expect(decision.outcome).toBe("not_eligible");
    expect(decision.reason?.de).toMatch(/vor Ort/);
    expect((await getCaseSteps(person.id)).eligibility).toBe("not_eligible");
  });

  test("needs review opens one eligibility_review ticket, however often the person answers", async () => {
    const person = await createEmployee({ jobFamily: "finance" });
    await submit(person.id, { ...yes, confidentialPaper: "yes" });
    await submit(person.id, { ...yes, confidentialPaper: "yes", workFromHome: "partly" });
    const tickets = (await db().execute(sql`select category, status from tickets where employee_id = ${person.id}`)) as unknown as { category: string; status: string }[];
    expect(tickets).toEqual([{ category: "eligibility_review", status: "new" }]);
  });

  test("answers are locked once a device is reserved; a waiting request is withdrawn when eligibility is lost", async () => {
    const person = await createEmployee({ jobFamily: "finance" });
    await submit(person.id, yes);
    await db().execute(sql`update resource_pools set capacity = in_use + 5, daily_activation_limit = null where kind in ('laptop', 'vpn_licence')`);
    await db().transaction((tx) => requestDevice(tx, person.id, "laptop"));
    expect(await refusal(submit(person.id, { ...yes, workFromHome: "no" }))).toBe("answersLocked");
    expect((await getCaseSteps(person.id)).eligibility).toBe("eligible");

    const waiter = await createEmployee({ jobFamily: "finance" });
    await submit(waiter.id, yes);
    await db().execute(sql`update resource_pools set capacity = in_use where kind = 'laptop'`);
    expect((await db().transaction((tx) => requestDevice(tx, waiter.id, "laptop"))).status).toBe("waiting");
    await submit(waiter.id, { ...yes, onSiteEquipment: "yes" });
    expect(await getCaseSteps(waiter.id)).toMatchObject({ eligibility: "not_eligible", device: "cancelled" });
  });
});
