import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { CurrentPerson } from "@/lib/roster/queries";
import { createEmployee, grantRole, seedJourney } from "../support/factories";
import { variants } from "../support/hostile";

// Every server action is fed hostile input as a person whose roles let the
// input be parsed. Whatever arrives, the answer is ok or a refusal the person
// can read: never a throw, never formError "unexpected" (a 500 in disguise).
// Only the session lookup and Next's request APIs are replaced; zod, the
// domain and PostgreSQL run for real.

const current: { person: CurrentPerson | null } = { person: null };
vi.mock("@/lib/auth/session", async (original) => ({ ...(await original<object>()), getCurrentPerson: async () => current.person }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));

type Action = (input: never) => Promise<unknown>;
const root = path.resolve(import.meta.dirname, "../..");

/** Every "use server" lib/**\/actions.ts and lib/**\/*-actions.ts, so a new action is fuzzed or the test fails. */
function actionFiles(dir = path.join(root, "lib")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    const isActions = /(^|-)actions\.ts$/.test(name) && readFileSync(full, "utf8").startsWith('"use server"');
    return isActions ? [path.relative(root, full).replace(/\.ts$/, "")] : [];
  });
}

const month = "2026-03";
const day = { date: "2026-03-02", worked: "8:00", absenceKind: "", absence: "", overtime: false };
const text = { subject: "Hi", body: "Sign in: {link}" };

/** One plausible input per action: each leaf is then replaced by each hostile value. */
const inputs: Record<string, unknown> = {
  startTestAction: { isp: "other", ispOther: "Local ISP" },
  completeTestAction: { testId: randomUUID(), latencySamples: [10, 12], downloadKbps: 5000, udp: "open", gateways: [{ id: "gw-1", reachable: true, ms: 20 }] },
  noInternetAction: { coverage: "yes", street: "Rue du Lac 1", postcode: "1003", city: "Lausanne", phone: "+41 21 000 00 00" },
  requestDeviceAction: { path: "laptop" },
  chooseHandoverAction: { method: "ship", street: "Rue du Lac 1", addressExtra: "", postcode: "1003", city: "Lausanne", phone: "+41 21 000 00 00" },
  cancelDeviceAction: {},
  submitEligibilityAction: { workFromHome: "yes", confidentialPaper: "no", onSiteEquipment: "no", homeWorkspace: "yes" },
  setLocale: { locale: "fr" },
  saveMonthAction: { month, days: [day] },
  submitMonthAction: { month },
  changeRoleAction: { number: "NOBODY", role: "hr", grant: true },
  deactivateEmployeeAction: { number: "NOBODY" },
  saveSettingAction: { key: "sla_hours", value: JSON.stringify({ urgent: 1, high: 4, normal: 24, low: 72 }) },
  publishEligibilityRulesAction: { value: "[]" },
  addHolidayAction: { canton: "VD", day: "2026-12-30", name: "Test" },
  removeHolidayAction: { canton: "VD", day: "2026-12-30" },
  requestHelpAction: { category: "help_request", description: "My screen stays black since this morning.", phone: "079 123 45 67" },
  startTotpAction: { restart: false },
  verifyTotpAction: { code: "123456" },
  enrollHardwareAction: { serial: "ABCD-1234", code: "123456" },
  resetTokenAction: { recoveryCode: "ABCDE-FGHJK" },
  requestTokenHelpAction: {},
  claimTicketAction: { number: 1 },
  assignTicketAction: { number: 1, version: 1, assigneeId: randomUUID() },
  changeStatusAction: { number: 1, version: 1, status: "resolved" },
  addNoteAction: { number: 1, body: "Called back" },
  replyAction: { number: 1, version: 1, body: "Try again", resolve: false },
  bulkAction: { operationId: randomUUID(), numbers: [1], action: { kind: "reply", body: "Try again", resolve: false } },
  createIncidentAction: { title: "VPN down", numbers: [1] },
  answerIncidentAction: { operationId: randomUUID(), incidentId: randomUUID(), body: "Fixed", resolve: false },
  answerTicketAction: { number: 1, body: "Still broken" },
  caseActionAction: { kind: "serial", number: 1, serial: "ABCD-1234" },
  addSlotAction: { siteId: randomUUID(), day: "2026-03-20", start: "09:00", end: "10:00", capacity: "5" },
  setSlotCapacityAction: { slotId: randomUUID(), capacity: "5" },
  updatePoolAction: { kind: "laptop", capacity: "100", dailyLimit: "" },
  stockArrivalAction: { kind: "laptop", count: "5" },
  planDeliveryAction: { kind: "laptop", expectedOn: "2030-01-07", quantity: "5" },
  moveDeliveryAction: { id: randomUUID(), version: 1, expectedOn: "2030-01-08", quantity: "5" },
  previewDeliveryAction: { kind: "laptop", deliveryId: randomUUID(), expectedOn: "2030-01-08", quantity: "5" },
  previewPoolAction: { kind: "vdi_seat", capacity: "50", dailyLimit: "10" },
  decideReviewAction: { number: 1, outcome: "eligible" },
  cancelDeliveryAction: { id: randomUUID(), version: 1 },
  deliveryArrivedAction: { id: randomUUID(), version: 1 },
  markHandedOverAction: { allocationId: randomUUID() },
  approvePeriodAction: { month, unitId: randomUUID() },
  reopenPeriodAction: { month, unitId: randomUUID() },
  lockPeriodAction: { month, unitId: randomUUID() },
  hrSaveMonthAction: { month, number: "NOBODY", days: [day] },
  correctMonthAction: { month, number: "NOBODY", days: [day], reason: "Wrong hours entered" },
  submitForEmployeeAction: { month, number: "NOBODY" },
  submitImportedMonthsAction: { month, unitId: randomUUID() },
  setUnitAuthorisationAction: { unitId: randomUUID(), source: "unit", from: "2026-03-01", until: "" },
  returnMonthAction: { month, number: "NOBODY" },
  remindMissingAction: { month, unitId: "all", operationId: randomUUID() },
  volunteerAction: { days: ["2026-03-20"] },
  createWaveAction: { name: "w", siteId: "", orgUnitId: "", perDay: "5", template: { fr: text, de: text, en: text } },
  setWaveStatusAction: { waveId: randomUUID(), status: "paused" },
  chooseContactAddressAction: { address: "someone@work.test" },
};
type Outcome = { ok: boolean; formError?: string };
const refusedAsUnexpected = (result: Outcome) => !result || typeof result !== "object" || (!result.ok && (result.formError === "unexpected" || result.formError === undefined));

let actions: Record<string, Action> = {};
beforeAll(async () => {
  await seedJourney();
  const e = await createEmployee();
  for (const role of ["it_agent", "hr", "admin"] as const) await grantRole(e.id, role);
  current.person = { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail!, locale: "en", language: "en", roles: ["employee", "it_agent", "hr", "admin"] };
  for (const file of actionFiles()) Object.assign(actions, await import(`@/${file}`));
  actions = Object.fromEntries(Object.entries(actions).filter(([, fn]) => typeof fn === "function")) as Record<string, Action>;
});

describe("server actions under hostile input", () => {
  test("every exported action has a fuzz input here", () => {
    // The imports are route handlers now (app/api/imports), fuzzed in hostile-routes.test.ts.
    expect(Object.keys(actions).sort()).toEqual(Object.keys(inputs).sort());
  });

  test.each(Object.keys(inputs))("%s: ok or a readable refusal, never a throw or 'unexpected'", async (name) => {
    const failures: string[] = [];
    for (const input of variants(inputs[name])) {
      let result: Outcome;
      try {
        result = (await actions[name](input as never)) as Outcome;
      } catch (error) {
        failures.push(`throws ${String(error).slice(0, 120)} on ${JSON.stringify(input)?.slice(0, 200)}`);
        continue;
      }
      if (refusedAsUnexpected(result)) failures.push(`${JSON.stringify(result)} on ${JSON.stringify(input)?.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
