import { describe, expect, it } from "vitest";
import { groupChecks } from "@/lib/rht/check-groups";
import { checkOrder, type Check } from "@/lib/rht/checks";

const check = (code: Check["code"], level: Check["level"], unitId: string, count: number, extra: Partial<Check> = {}): Check => ({ code, level, unitId, count, people: count ? [`Person of ${unitId}`] : [], ...extra });

describe("the overview's notices", () => {
  it("names each unit once per shared warning or information, with its count, and keeps errors per unit", () => {
    const checks = [
      check("waitingPeriod", "info", "a", 2151),
      check("unsubmitted", "error", "a", 3),
      check("excluded", "info", "b", 448),
      check("waitingPeriod", "info", "b", 2774),
      check("underThreshold", "warning", "a", 1, { people: [] }),
      check("unsubmitted", "error", "b", 1),
      check("underThreshold", "warning", "c", 1, { people: [] }),
      check("partlyAuthorised", "info", "c", 1, { people: [], values: { from: "2026-11-10", until: "" } }),
      check("partlyAuthorised", "info", "a", 1, { people: [], values: { from: "2026-11-03", until: "" } }),
    ].sort(checkOrder);
    expect(groupChecks(checks)).toEqual([
      { kind: "unit", check: checks[0] },
      { kind: "unit", check: checks[1] },
      { kind: "units", level: "warning", code: "underThreshold", count: 2, units: [{ unitId: "a", count: null }, { unitId: "c", count: null }] },
      // An authorisation's dates are the unit's own.
      { kind: "unit", check: checks[4] },
      { kind: "unit", check: checks[5] },
      { kind: "units", level: "info", code: "waitingPeriod", count: 4925, units: [{ unitId: "a", count: 2151 }, { unitId: "b", count: 2774 }] },
      // One unit only: its own notice, with the names.
      { kind: "unit", check: checks[8] },
    ]);
    expect(checks.map((c) => c.code)).toEqual(["unsubmitted", "unsubmitted", "underThreshold", "underThreshold", "partlyAuthorised", "partlyAuthorised", "waitingPeriod", "waitingPeriod", "excluded"]);
  });

  it("leaves a unit's own page as it was: every check its own notice", () => {
    const checks = [check("unsubmitted", "error", "a", 3), check("underThreshold", "warning", "a", 1, { people: [] }), check("waitingPeriod", "info", "a", 20)];
    expect(groupChecks(checks)).toEqual(checks.map((c) => ({ kind: "unit", check: c })));
    expect(groupChecks([])).toEqual([]);
  });
});
