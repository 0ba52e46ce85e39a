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

  test("a review is promised by the setting's working days, decided by whom it says; the decision is mailed in the person's language", async () => {
    const { reviewPromise } = await import("@/lib/eligibility/review-promise");
    const { reviewDueDay } = await import("@/lib/eligibility/review-deadline");
    const { markEligibilityReviewed } = await import("@/lib/triage/case-actions");
    const person = await createEmployee({ jobFamily: "finance", language: "de" });
    await submit(person.id, { ...yes, confidentialPaper: "yes" });
    const promise = await reviewPromise(person.id);
    const [{ today, closed }] = (await db().execute(sql`
      select (now() at time zone 'Europe/Zurich')::date::text as today,
             coalesce((select array_agg(day::text) from public_holidays where canton = 'CH'), '{}') as closed`)) as unknown as { today: string; closed: string[] }[];
    const due = reviewDueDay(today, 2, new Set(closed));
    expect(promise?.by).toBe("hr");
    // Due at 17:00 in Zurich on the second working day after today.
    expect(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Zurich", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).format(promise!.dueAt)).toBe(`${due}, 17`);
    const [ticket] = (await db().execute(sql`select number::int as number from tickets where employee_id = ${person.id} and category = 'eligibility_review'`)) as unknown as { number: number }[];
    const agent = await createEmployee();
    await db().transaction((tx) => markEligibilityReviewed(tx, agent.id, ticket.number, "eligible"));
    expect((await getCaseSteps(person.id)).eligibility).toBe("eligible");
    const mails = (await db().execute(sql`select subject from outbox where to_address = ${person.workEmail} and subject like 'Entscheid:%'`)) as unknown as { subject: string }[];
    expect(mails).toEqual([{ subject: "Entscheid: Sie können im Homeoffice arbeiten" }]);
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
