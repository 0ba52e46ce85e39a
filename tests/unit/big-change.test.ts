import { describe, expect, test } from "vitest";
import { confirmedField, isBigJump, settingJumps } from "@/lib/admin/big-change";

// A count an admin types (stock, daily activations, an arrival, a slot, a wave's daily number)
// that moves more than tenfold from what it was is most likely a typo (400 → 400400): it is
// saved only once confirmed (issue 15 point 10).
describe("a change of more than ten times", () => {
  test("up or down, by more than a factor of ten", () => {
    expect(isBigJump(400, 400_400)).toBe(true);
    expect(isBigJump(400, 30)).toBe(true);
    expect(isBigJump(400, 4_001)).toBe(true);
    expect(isBigJump(400, 4_000)).toBe(false); // exactly ten times is not more than ten
    expect(isBigJump(400, 40)).toBe(false);
    expect(isBigJump(400, 401)).toBe(false);
    expect(isBigJump(400, 400)).toBe(false);
  });

  test("from or to zero, a count above ten is a jump; no value (no limit) is never one", () => {
    expect(isBigJump(0, 400)).toBe(true);
    expect(isBigJump(400, 0)).toBe(true);
    expect(isBigJump(0, 10)).toBe(false);
    expect(isBigJump(0, 0)).toBe(false);
    expect(isBigJump(null, 400_000)).toBe(false);
    expect(isBigJump(400, null)).toBe(false);
  });

  test("the confirmation field reads a checkbox, a forged string or nothing, and never fails", () => {
    expect(confirmedField.parse(true)).toBe(true);
    expect(confirmedField.parse("true")).toBe(true);
    expect(confirmedField.parse("on")).toBe(true);
    expect(confirmedField.parse(false)).toBe(false);
    expect(confirmedField.parse(undefined)).toBe(false);
    expect(confirmedField.parse("yes please")).toBe(false);
    expect(confirmedField.parse({})).toBe(false);
  });
});

describe("a setting's numbers that move more than tenfold", () => {
  test.each([
    ["a flat form's field", { urgent: 4, high: 8 }, { urgent: 40, high: 90 }, [{ path: ["high"], from: 8, to: 90 }]],
    ["the insured cap typed with two more digits", { insuredMaxYearlyFrancs: 148_200, waitingDays: 1 }, { insuredMaxYearlyFrancs: 14_820_000, waitingDays: 0 }, [{ path: ["insuredMaxYearlyFrancs"], from: 148_200, to: 14_820_000 }]],
    ["nested, in a list, counted like zod's paths", { gateways: [{ port: 443 }, { port: 1194 }] }, { gateways: [{ port: 443 }, { port: 11 }] }, [{ path: ["gateways", 1, "port"], from: 1194, to: 11 }]],
    ["an added entry or field is new, not a jump", { list: [1] }, { list: [1, 5000], extra: 9000 }, []],
    ["a number that became text, or no value, is not compared", { hour: 7, cap: 5 }, { hour: "70", cap: null }, []],
    ["nothing before (a first save) is not compared", null, { urgent: 400 }, []],
  ])("%s", (_what, before, after, jumps) => {
    expect(settingJumps(before, after)).toEqual(jumps);
  });
});
