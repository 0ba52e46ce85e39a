import { describe, expect, test } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { deviceStates, deviceStep, emptyCase, visibleSteps, type CaseSteps, type DeviceState, type Eligibility, type StepKey } from "@/lib/onboarding/rules";

// Which steps the status page lists, and what the device step is called (issue 13 points 6 and 9):
// a person who is not eligible is not invited to set up a token or ask for a device, and a laptop
// that is only reserved is not ticked done.

const all: StepKey[] = ["eligibility", "device", "token", "connectivity"];

describe("visibleSteps: the steps listed for each eligibility", () => {
  test.each<[Eligibility, StepKey[]]>([
    ["pending", all],
    ["eligible", all],
    ["review", all],
    // Nothing to set up for telework: only the decision is shown (with what to do instead).
    ["not_eligible", ["eligibility"]],
  ])("%s → %j", (eligibility, steps) => {
    expect(visibleSteps({ ...emptyCase, eligibility })).toEqual(steps);
  });

  test("not eligible hides the token and device steps whatever is on record", () => {
    const leftover: CaseSteps = { ...emptyCase, eligibility: "not_eligible", device: "waiting", path: "laptop", token: "active" };
    expect(visibleSteps(leftover)).not.toContain("token");
    expect(visibleSteps(leftover)).not.toContain("device");
  });
});

const eligible: CaseSteps = { ...emptyCase, eligibility: "eligible" };

describe("deviceStep: the device step's state name, and when it is done", () => {
  const table: [string, Partial<CaseSteps>, DeviceState, boolean][] = [
    ["nothing asked", {}, "none", false],
    ["request cancelled", { device: "cancelled" }, "cancelled", false],
    ["laptop in the queue", { device: "waiting", path: "laptop" }, "laptop_waiting", false],
    ["VDI seat in the queue", { device: "waiting", path: "vdi" }, "vdi_waiting", false],
    ["laptop reserved, nothing chosen", { device: "reserved", path: "laptop" }, "laptop_reserved", false],
    // Reserved is not handed over: the step stays open until IT records the handover.
    ["laptop reserved, slot chosen", { device: "reserved", path: "laptop", handoverChosen: true, handoverMethod: "collect" }, "laptop_reserved_collect", false],
    ["laptop reserved, delivery chosen", { device: "reserved", path: "laptop", handoverChosen: true, handoverMethod: "ship" }, "laptop_reserved_ship", false],
    ["laptop collected", { device: "issued", path: "laptop", handoverChosen: true, handoverMethod: "collect" }, "laptop_handed_over", true],
    ["laptop sent by courier", { device: "issued", path: "laptop", handoverChosen: true, handoverMethod: "ship" }, "laptop_shipped", true],
    ["VDI seat assigned", { device: "issued", path: "vdi", handoverChosen: true }, "vdi_ready", true],
  ];
  test.each(table)("%s", (_label, steps, state, done) => {
    expect(deviceStep({ ...eligible, ...steps })).toEqual({ state, done });
  });

  test("the table covers every device state there is", () => {
    expect(new Set(table.map((row) => row[2]))).toEqual(new Set(deviceStates));
  });
});

type Status = { deviceState: Record<string, string> };
const catalogs: Record<"en" | "fr" | "de", Status> = { en: en.status, fr: fr.status, de: de.status };

// What each state name must say, and must not say: a VDI seat is never "handed over", a reserved laptop never "handed over".
const says: Partial<Record<DeviceState, Record<"en" | "fr" | "de", { must: RegExp; mustNot?: RegExp }>>> = {
  vdi_ready: { en: { must: /VDI seat ready/, mustNot: /handed over/i }, fr: { must: /poste VDI prêt/i, mustNot: /remis/i }, de: { must: /VDI-Arbeitsplatz bereit/, mustNot: /übergeben/i } },
  vdi_waiting: { en: { must: /VDI.*queue/i }, fr: { must: /VDI.*file d’attente/i }, de: { must: /VDI.*Warteschlange/ } },
  laptop_reserved_collect: { en: { must: /reserved/i, mustNot: /handed over/i }, fr: { must: /réservé/i, mustNot: /remis/i }, de: { must: /reserviert/i, mustNot: /übergeben/i } },
  laptop_reserved_ship: { en: { must: /reserved/i, mustNot: /handed over/i }, fr: { must: /réservé/i, mustNot: /remis/i }, de: { must: /reserviert/i, mustNot: /übergeben/i } },
  laptop_handed_over: { en: { must: /handed over/i }, fr: { must: /remis/i }, de: { must: /übergeben/i } },
  laptop_shipped: { en: { must: /sent/i }, fr: { must: /expédié/i }, de: { must: /verschickt/i } },
};

describe.each(Object.entries(catalogs))("device state names in %s", (locale, status) => {
  const language = locale as keyof typeof catalogs;

  test.each([...deviceStates])("%s has a name", (state) => {
    expect(status.deviceState[state], `status.deviceState.${state}`).toBeTruthy();
    const rule = says[state]?.[language];
    if (rule) expect(status.deviceState[state]).toMatch(rule.must);
    if (rule?.mustNot) expect(status.deviceState[state]).not.toMatch(rule.mustNot);
  });

  test("every state has a different name, and no name for a state that does not exist", () => {
    expect(Object.keys(status.deviceState).sort()).toEqual([...deviceStates].sort());
    expect(new Set(Object.values(status.deviceState)).size).toBe(deviceStates.length);
  });
});
