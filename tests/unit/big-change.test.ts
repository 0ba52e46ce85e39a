import { describe, expect, test } from "vitest";
import { confirmedField, isBigJump } from "@/lib/admin/big-change";

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
