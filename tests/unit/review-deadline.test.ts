import { describe, expect, test } from "vitest";
import { reviewDueDay } from "@/lib/eligibility/review-deadline";

// Issue 17 point 4: a review is decided within working days of the answer, in the person's
// calendar (2026-12-01 is a Tuesday).
describe("the review's due day", () => {
  test.each([
    ["Tuesday + 2 working days: Thursday", "2026-12-01", 2, [], "2026-12-03"],
    ["Thursday + 2: over the weekend to Monday", "2026-12-03", 2, [], "2026-12-07"],
    ["Friday + 2: Tuesday", "2026-12-04", 2, [], "2026-12-08"],
    ["answered on a Saturday + 2: Tuesday", "2026-12-05", 2, [], "2026-12-08"],
    ["Lucerne's 8 December does not count", "2026-12-04", 2, ["2026-12-08"], "2026-12-09"],
    ["Christmas and St Stephen's", "2026-12-23", 2, ["2026-12-25", "2026-12-26"], "2026-12-28"],
    ["one working day", "2026-12-01", 1, [], "2026-12-02"],
    ["zero is taken as one: never the day itself", "2026-12-01", 0, [], "2026-12-02"],
    ["ten working days: two weeks", "2026-12-01", 10, [], "2026-12-15"],
  ])("%s", (_what, answeredOn, days, closed, due) => {
    expect(reviewDueDay(answeredOn, days, new Set(closed))).toBe(due);
  });
});
