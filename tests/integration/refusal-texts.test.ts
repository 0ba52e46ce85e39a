import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test, vi } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { CurrentPerson } from "@/lib/roster/queries";
import { createEmployee, seedJourney } from "../support/factories";

// Issue 16 point 4: the browser no longer holds the whole `errors` catalogue (16 KB in French on
// every page), only its own forms' checks. So every refusal the server sends must carry its text,
// in the person's language: an action's field and form refusals, an import's issues.

const current: { person: CurrentPerson | null } = { person: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentPerson: async () => current.person }));

const { requestHelpAction } = await import("@/lib/tickets/actions");
const { requestDeviceAction } = await import("@/lib/devices/actions");
const overtime = await import("@/app/api/imports/overtime/route");

async function as(locale: "fr" | "de" | "en", roles: CurrentPerson["roles"] = ["employee"]) {
  const e = await createEmployee();
  current.person = { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail!, locale, language: locale, roles };
  return e;
}

beforeAll(seedJourney);

describe("a refusal arrives with its text in the person's language", () => {
  test("a field refusal and the form's summary (German)", async () => {
    await as("de");
    const answer = await requestHelpAction({ category: "device_problem", description: "short" });
    expect(answer).toMatchObject({ ok: false, formError: "invalidInput", fieldErrors: { description: ["descriptionTooShort"] } });
    expect(!answer.ok && answer.messages).toEqual({ invalidInput: de.errors.invalidInput, descriptionTooShort: de.errors.descriptionTooShort });
  });

  test("a domain refusal (French)", async () => {
    await as("fr");
    const answer = await requestDeviceAction({ path: "vdi" });
    expect(answer).toMatchObject({ ok: false, formError: "notEligible", messages: { notEligible: fr.errors.notEligible } });
  });

  test("a refusal for someone signed out, in the default language", async () => {
    current.person = null;
    const answer = await requestDeviceAction({ path: "vdi" });
    expect(answer).toEqual({ ok: false, formError: "unauthenticated", messages: { unauthenticated: fr.errors.unauthenticated } });
  });

  test("an import's issues, each with its message (English)", async () => {
    await as("en", ["employee", "hr"]);
    const person = await createEmployee();
    const request = new Request(`${process.env.PUBLIC_URL}/api/imports/overtime?mode=check`, {
      method: "POST",
      headers: { origin: process.env.PUBLIC_URL!, "content-type": "text/csv" },
      body: `employee_number;balance;date\n${person.number};soon;2026-03-02\n`,
    });
    const body = (await (await overtime.POST(request)).json()) as { data: { issues: { key: string; message: string }[] } };
    expect(body.data.issues).toEqual([expect.objectContaining({ key: "importBalanceInvalid", message: en.errors.importBalanceInvalid })]);
  });
});
