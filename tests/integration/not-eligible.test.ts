import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db";
import { getNotEligibleExplanation } from "@/lib/eligibility/explanation";
import { getHrContact } from "@/lib/settings/hr-contact";
import { saveSetting } from "@/lib/settings/service";
import { pendingTotpSecret } from "@/lib/tokens/service";
import { totpCode } from "@/lib/tokens/totp";
import { asPerson, personOf } from "../support/request-person";
import { createEmployee, seedJourney } from "../support/factories";
import { refusal } from "../support/refusal";

vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);

const { submitEligibilityAction } = await import("@/lib/eligibility/actions");
const { requestDeviceAction } = await import("@/lib/devices/actions");
const { startTotpAction, verifyTotpAction, enrollHardwareAction } = await import("@/lib/tokens/actions");

// Issue 13 points 6 and 7: a person who is not eligible cannot set up a token or ask for a device
// (the actions refuse, not only the pages), and a "no" names the roster facts that decided it.

beforeAll(seedJourney);

const office = { workFromHome: "yes", confidentialPaper: "no", onSiteEquipment: "no", homeWorkspace: "yes" };
type Employee = Awaited<ReturnType<typeof createEmployee>>;
const as = <T,>(e: Employee, fn: () => Promise<T>) => asPerson(personOf(e), fn);
const tokens = async (employeeId: string) =>
  ((await db().execute(sql`select count(*)::int as n from mfa_tokens where employee_id = ${employeeId}`)) as unknown as { n: number }[])[0].n;
const devices = async (employeeId: string) =>
  ((await db().execute(sql`select count(*)::int as n from allocations where employee_id = ${employeeId}`)) as unknown as { n: number }[])[0].n;

describe("a person who is not eligible", () => {
  test("is refused a device request and every token enrollment, with a form error, and nothing is written", async () => {
    const worker = await createEmployee({ jobFamily: "production_operator" });
    expect(await as(worker, () => submitEligibilityAction(office))).toMatchObject({ ok: true, data: { outcome: "not_eligible" } });

    expect(await as(worker, () => requestDeviceAction({ path: "laptop" }))).toMatchObject({ ok: false, formError: "notEligible" });
    expect(await as(worker, () => startTotpAction({}))).toMatchObject({ ok: false, formError: "tokenNotEligible" });
    expect(await as(worker, () => startTotpAction({ restart: true }))).toMatchObject({ ok: false, formError: "tokenNotEligible" });
    expect(await as(worker, () => enrollHardwareAction({ serial: "TA-100001", code: "123456" }))).toMatchObject({ ok: false, formError: "tokenNotEligible" });
    expect(await tokens(worker.id)).toBe(0);
    expect(await devices(worker.id)).toBe(0);
  });

  test("who started a token while eligible and then answered 'no' cannot activate it", async () => {
    const person = await createEmployee({ jobFamily: "finance" });
    await as(person, () => submitEligibilityAction(office));
    expect(await as(person, () => startTotpAction({}))).toMatchObject({ ok: true });
    const secret = (await pendingTotpSecret(person.id))!;
    await as(person, () => submitEligibilityAction({ ...office, workFromHome: "no" }));
    expect(await as(person, () => verifyTotpAction({ code: totpCode(secret) }))).toMatchObject({ ok: false, formError: "tokenNotEligible" });
    const [row] = (await db().execute(sql`select status from mfa_tokens where employee_id = ${person.id}`)) as unknown as { status: string }[];
    expect(row.status).toBe("pending_verification");
  });

  test("an eligible person still sets up a token (the refusal is only for 'no')", async () => {
    const person = await createEmployee({ jobFamily: "finance" });
    await as(person, () => submitEligibilityAction(office));
    expect(await as(person, () => startTotpAction({}))).toMatchObject({ ok: true });
  });
});

describe("a 'no' names what decided it", () => {
  test("decided by the roster's job family: the fact is named, and changing answers cannot help", async () => {
    const worker = await createEmployee({ jobFamily: "warehouse" });
    await as(worker, () => submitEligibilityAction(office));
    expect(await getNotEligibleExplanation(db(), worker.id)).toMatchObject({
      ruleId: "on_site_job",
      rosterFacts: [{ fact: "employee.jobFamily", value: "warehouse" }],
      answersCanChange: false,
      reason: { en: expect.stringMatching(/on site/) },
    });
  });

  test("decided by the answers: no roster fact, and other answers would change it", async () => {
    const person = await createEmployee({ jobFamily: "finance" });
    await as(person, () => submitEligibilityAction({ ...office, onSiteEquipment: "yes" }));
    expect(await getNotEligibleExplanation(db(), person.id)).toMatchObject({ ruleId: "equipment_on_site", rosterFacts: [], answersCanChange: true });
  });

  test("explained with the rules it was decided with, even after new rules are published", async () => {
    const worker = await createEmployee({ jobFamily: "driver" });
    await as(worker, () => submitEligibilityAction(office));
    const [{ version }] = (await db().execute(sql`select max(version)::int as version from eligibility_rule_sets`)) as unknown as { version: number }[];
    await db().execute(sql`update eligibility_rule_sets set active = false`);
    await db().execute(sql`insert into eligibility_rule_sets (version, rules, active) values (${version + 1}, '[]'::jsonb, true)`);
    try {
      expect(await getNotEligibleExplanation(db(), worker.id)).toMatchObject({ rosterFacts: [{ fact: "employee.jobFamily", value: "driver" }], answersCanChange: false });
    } finally {
      await db().execute(sql`delete from eligibility_rule_sets where version = ${version + 1}`);
      await db().execute(sql`update eligibility_rule_sets set active = true where version = ${version}`);
    }
  });

  test("nothing to explain for an eligible person", async () => {
    const person = await createEmployee({ jobFamily: "finance" });
    await as(person, () => submitEligibilityAction(office));
    expect(await getNotEligibleExplanation(db(), person.id)).toBeNull();
  });
});

describe("the HR contact setting", () => {
  test("is seeded for the demo, empty when nobody set it, checked before it is saved, and read back for the pages", async () => {
    expect(await getHrContact()).toMatchObject({ email: expect.stringMatching(/@/), url: expect.stringMatching(/^https:/) });
    await db().execute(sql`delete from settings where key = 'hr_contact'`);
    expect(await getHrContact()).toEqual({ name: "", email: "", phone: "", url: "", reviewBy: "hr", reviewWorkingDays: 2 });
    const bad = (value: object) => refusal(db().transaction((tx) => saveSetting(tx, "hr_contact", JSON.stringify({ name: "HR", email: "", phone: "", url: "", ...value }))));
    expect(await bad({ email: "not an address" })).toBe("settingInvalid");
    expect(await bad({ phone: "call me" })).toBe("settingInvalid");
    // The one phone rule (lib/contact/phone.ts): digits alone are not enough.
    expect(await bad({ phone: "000 000" })).toBe("settingInvalid");
    expect(await bad({ url: "javascript:alert(1)" })).toBe("settingInvalid");
    const contact = { name: "HR service desk", email: "hr@company.test", phone: "+41 21 555 01 00", url: "https://intranet.company.test/hr" };
    await db().transaction((tx) => saveSetting(tx, "hr_contact", JSON.stringify(contact)));
    expect(await getHrContact()).toEqual({ ...contact, reviewBy: "hr", reviewWorkingDays: 2 });
  });
});
