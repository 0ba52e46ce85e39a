import { describe, expect, test } from "vitest";
import { defaultRecommendationRules, expectedActivationDate, recommendPath, type QueueFacts } from "@/lib/devices/rules";
import { handoverSchema } from "@/lib/devices/schema";

describe("recommendPath", () => {
  test.each([
    ["call_centre_agent", "vdi"],
    ["team_lead", "vdi"],
    ["finance", "vdi"],
    ["it_engineer", "laptop"],
    ["designer", "laptop"],
    ["engineer", "laptop"],
    ["something_new", "laptop"],
  ])("%s → %s", (jobFamily, path) => {
    expect(recommendPath(defaultRecommendationRules, jobFamily)).toBe(path);
  });
});

// 2026-11-25 is a Wednesday; 2026-11-28/29 the weekend.
const wednesday = new Date("2026-11-25T00:00:00Z");
const friday = new Date("2026-11-27T00:00:00Z");
const saturday = new Date("2026-11-28T00:00:00Z");
const base: QueueFacts = { position: 1, freeUnits: 100, remainingToday: 0, dailyLimit: 10, today: wednesday };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("expectedActivationDate", () => {
  test.each<[string, Partial<QueueFacts>, Date | null]>([
    ["first in line, today's wave full", {}, day("2026-11-26")],
    ["first in line, room left today", { remainingToday: 3 }, wednesday],
    ["position 3 with 3 left today", { position: 3, remainingToday: 3 }, wednesday],
    ["position 4 with 3 left today", { position: 4, remainingToday: 3 }, day("2026-11-26")],
    ["position 10, 10 a day, none today", { position: 10 }, day("2026-11-26")],
    ["position 11 goes to the day after", { position: 11 }, day("2026-11-27")],
    ["Friday, full today: position 10 waits over the weekend", { position: 10, today: friday }, day("2026-11-30")],
    ["Friday, full today: position 11 on Tuesday", { position: 11, today: friday }, day("2026-12-01")],
    ["Saturday: no activations until Monday", { today: saturday, remainingToday: 10 }, day("2026-11-30")],
    ["no daily limit: today", { dailyLimit: null, remainingToday: null }, wednesday],
    ["stock short: no date", { position: 101 }, null],
    ["nothing free at all", { freeUnits: 0 }, null],
    ["position 0 is not a position", { position: 0 }, null],
  ])("%s", (_label, over, expected) => {
    expect(expectedActivationDate({ ...base, ...over })).toEqual(expected);
  });
});

describe("handover schema", () => {
  const ship = { method: "ship", street: "Rue de Genève 12", postcode: "1004", city: "Lausanne" };
  test.each([
    [ship, true],
    [{ ...ship, postcode: " 8004 ", city: "Zürich" }, true],
    [{ ...ship, city: "La Chaux-de-Fonds" }, true],
    [{ ...ship, city: "Sankt Gallen (SG)" }, true],
    [{ ...ship, postcode: "0999" }, false],
    [{ ...ship, postcode: "9700" }, false],
    [{ ...ship, postcode: "100" }, false],
    [{ ...ship, postcode: "10045" }, false],
    [{ ...ship, postcode: "abcd" }, false],
    [{ ...ship, city: "1004" }, false],
    [{ ...ship, city: "" }, false],
    [{ ...ship, street: "x" }, false],
    [{ ...ship, street: "a".repeat(121) }, false],
    [{ ...ship, phone: "+41 79 123 45 67" }, true],
    [{ ...ship, phone: "call me" }, false],
    [{ method: "collect", slotId: "7d0f2d6c-8a53-4c52-9e55-3d7a3f1a2b4c" }, true],
    [{ method: "collect", slotId: "someone-else's" }, false],
    [{ method: "teleport" }, false],
  ])("%j valid: %s", (input, valid) => {
    expect(handoverSchema.safeParse(input).success).toBe(valid);
  });
});
