import { describe, expect, test } from "vitest";
import { barWidth, ofPrevious } from "@/lib/admin/funnel";

// The funnel's bars on a logarithmic scale (issue 15 point 12): on a linear one, 15 people
// next to a roster of 2,003 is a bar of 0.7 %, which nobody sees.
describe("the funnel's bars", () => {
  test("each step stays visible next to the roster, and the order is kept", () => {
    expect(barWidth(2003, 2003)).toBe(100);
    const fifteen = barWidth(15, 2003);
    expect(fifteen).toBeGreaterThan(30);
    expect(barWidth(1, 2003)).toBeGreaterThan(5);
    expect(barWidth(1, 2003)).toBeLessThan(fifteen);
    expect(barWidth(150, 2003)).toBeGreaterThan(fifteen);
  });

  test("nobody is no bar; an empty funnel has none", () => {
    expect(barWidth(0, 2003)).toBe(0);
    expect(barWidth(0, 0)).toBe(0);
  });

  test("each step as a share of the one before it; the first has none", () => {
    const counts = { roster: 2003, invited: 1500, signed_in: 15, eligible: 15, device: 0, token: 0, connectivity: 0, ready: 0 };
    expect(ofPrevious(counts, "roster")).toBeNull();
    expect(ofPrevious(counts, "invited")).toBeCloseTo(1500 / 2003);
    expect(ofPrevious(counts, "signed_in")).toBeCloseTo(0.01);
    expect(ofPrevious(counts, "token")).toBeNull(); // nobody at the step before
  });
});
