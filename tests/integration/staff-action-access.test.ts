import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { CurrentPerson } from "@/lib/roster/queries";
import { db } from "@/lib/db";
import { createEmployee, seedJourney } from "../support/factories";
import { refused } from "../support/refusal";

// The session is the one thing replaced here: the person the request belongs to.
// Everything behind it (roles check, zod, domain, audit, database) runs for real.
const current: { person: CurrentPerson | null } = { person: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentPerson: async () => current.person }));

const { changeRoleAction, deactivateEmployeeAction } = await import("@/lib/roster/actions");
const { createWaveAction, setWaveStatusAction } = await import("@/lib/roster/wave-actions");
const { updatePoolAction, stockArrivalAction, markHandedOverAction, planDeliveryAction, previewDeliveryAction, previewPoolAction, moveDeliveryAction, cancelDeliveryAction, deliveryArrivedAction } = await import("@/lib/devices/stock-actions");
const { saveSettingAction, publishEligibilityRulesAction, addHolidayAction, removeHolidayAction } = await import("@/lib/settings/actions");
const hr = await import("@/lib/rht/hr-actions");
const { setUnitAuthorisationAction } = await import("@/lib/rht/unit-authorisation-actions");
const { decideReviewAction } = await import("@/lib/eligibility/review-actions");

async function as(roles: Role[]) {
  const e = await createEmployee();
  current.person = { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail!, locale: "en", language: "en", roles };
  return e;
}

const text = { subject: "Hi", body: "Sign in: {link}" };
const period = { month: "2026-11", unitId: randomUUID() };
const sheet = { month: "2026-11", number: "E00001", days: [] };

const adminCalls = () => [
  changeRoleAction({ number: "E00001", role: "admin", grant: true }),
  deactivateEmployeeAction({ number: "E00001" }),
  createWaveAction({ name: "w", siteId: "", orgUnitId: "", perDay: "5", template: { fr: text, de: text, en: text } }),
  setWaveStatusAction({ waveId: randomUUID(), status: "paused" }),
  updatePoolAction({ kind: "laptop", capacity: "9999", dailyLimit: "" }),
  stockArrivalAction({ kind: "laptop", count: "5" }),
  planDeliveryAction({ kind: "laptop", expectedOn: "2030-01-07", quantity: "5" }),
  previewDeliveryAction({ kind: "laptop", expectedOn: "2030-01-07", quantity: "5" }),
  previewPoolAction({ kind: "laptop", capacity: "5", dailyLimit: "" }),
  moveDeliveryAction({ id: randomUUID(), version: 1, expectedOn: "2030-01-08", quantity: "5" }),
  cancelDeliveryAction({ id: randomUUID(), version: 1 }),
  deliveryArrivedAction({ id: randomUUID(), version: 1 }),
  saveSettingAction({ key: "sla_hours", value: JSON.stringify({ urgent: 9, high: 9, normal: 9, low: 9 }) }),
  publishEligibilityRulesAction({ value: "[]" }),
  addHolidayAction({ canton: "CH", day: "2026-12-30", name: "Forged" }),
  removeHolidayAction({ canton: "CH", day: "2026-12-25" }),
];
const hrCalls = () => [
  hr.approvePeriodAction(period),
  hr.reopenPeriodAction(period),
  hr.lockPeriodAction(period),
  hr.hrSaveMonthAction(sheet),
  hr.correctMonthAction({ ...sheet, reason: "forged correction" }),
  hr.submitForEmployeeAction({ month: "2026-11", number: "E00001" }),
  hr.submitImportedMonthsAction(period),
  hr.returnMonthAction({ month: "2026-11", number: "E00001" }),
  hr.remindMissingAction({ month: "2026-11", unitId: "all", operationId: randomUUID() }),
  decideReviewAction({ number: 1, outcome: "eligible" }),
  setUnitAuthorisationAction({ unitId: period.unitId, source: "unit", from: "2026-11-01", until: "" }),
];

const changes = async () =>
  ((await db().execute(sql`
    select (select count(*) from audit_log) + (select count(*) from employees) + (select count(*) from employee_roles) + (select count(*) from invitation_waves)
         + (select coalesce(sum(capacity), 0) from resource_pools) + (select count(*) from settings where key = 'sla_hours') + (select count(*) from eligibility_rule_sets)
         + (select count(*) from public_holidays) + (select count(*) from rht_periods) + (select count(*) from outbox) + (select count(*) from planned_deliveries) as n`)) as unknown as { n: string }[])[0].n;

beforeAll(seedJourney);

describe("staff actions re-check the role on the server", () => {
  test.each<[string, Role[]]>([
    ["an employee", ["employee"]],
    ["an IT agent", ["employee", "it_agent"]],
    ["HR", ["employee", "hr"]],
  ])("%s is refused every admin action, and nothing changes", async (_who, roles) => {
    await as(roles);
    const before = await changes();
    for (const result of await Promise.all(adminCalls())) expect(result).toEqual(refused("forbidden"));
    expect(await changes()).toBe(before);
  });

  test.each<[string, Role[]]>([
    ["an employee", ["employee"]],
    ["an IT agent", ["employee", "it_agent"]],
    ["an admin without HR", ["employee", "admin"]],
  ])("%s is refused every HR action, and nothing changes", async (_who, roles) => {
    await as(roles);
    const before = await changes();
    for (const result of await Promise.all(hrCalls())) expect(result).toEqual(refused("forbidden"));
    expect(await changes()).toBe(before);
  });

  test("without a session, everything is refused as unauthenticated", async () => {
    current.person = null;
    for (const result of await Promise.all([...adminCalls(), ...hrCalls(), markHandedOverAction({ allocationId: randomUUID() })])) expect(result).toEqual(refused("unauthenticated"));
  });

  test("the same calls from an admin go through: the refusals above are the role check", async () => {
    await as(["employee", "admin"]);
    const { editableValues } = await import("@/lib/settings/service");
    const { version } = (await editableValues()).find((v) => v.key === "sla_hours")!;
    const result = await saveSettingAction({ key: "sla_hours", value: JSON.stringify({ urgent: 1, high: 4, normal: 24, low: 72 }), version });
    expect(result.ok).toBe(true);
    expect((await stockArrivalAction({ kind: "laptop", count: "1" })).ok).toBe(true);
    const leaving = await createEmployee();
    expect(await deactivateEmployeeAction({ number: leaving.number })).toEqual({ ok: true, data: { employeeId: leaving.id, sessionsEnded: 0 } });
    expect(await deactivateEmployeeAction({ number: current.person!.number })).toEqual(refused("cannotDeactivateSelf"));
    await as(["employee", "hr"]);
    expect(await hr.approvePeriodAction(period)).toEqual(refused("unitNotFound")); // past the role check, refused by the domain
  });
});
