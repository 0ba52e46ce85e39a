// How the month's checks read on HR's overview (issue 16 point 4: render only what is needed).
// At crisis scale every unit had the same information (its waiting period, its excluded people),
// each notice with ten names: 33 notices, a third of the page's HTML and React payload.

import type { Check, CheckCode, CheckLevel } from "./checks";

/** Checks about the unit itself (its 10 % test, its authorisation): no people, no count of them. */
const aboutTheUnit: readonly CheckCode[] = ["underThreshold", "notAuthorised", "partlyAuthorised"];

export type UnitsCheck = {
  kind: "units";
  level: CheckLevel;
  code: CheckCode;
  /** People over all the units (for a check about the units themselves: how many units). */
  count: number;
  /** Each unit with its own count of people (null for a check about the unit itself). */
  units: { unitId: string; count: number | null }[];
};
export type CheckGroup = { kind: "unit"; check: Check } | UnitsCheck;

/**
 * One notice per error and unit: an error blocks that unit's approval and names the people to
 * chase. A warning or information that several units share is one notice naming the units, each
 * with its count; the people's names are on each unit's page. A check with dates of its own (an
 * authorisation's days) stays the unit's, and so does a code only one unit has. In the checks'
 * order (errors first), each group where its first check was.
 */
export function groupChecks(checks: readonly Check[]): CheckGroup[] {
  const groups: (CheckGroup & { first?: Check })[] = [];
  const byCode = new Map<CheckCode, UnitsCheck & { first: Check }>();
  for (const check of checks) {
    if (check.level === "error" || check.values) {
      groups.push({ kind: "unit", check });
      continue;
    }
    const unit = { unitId: check.unitId, count: aboutTheUnit.includes(check.code) ? null : check.count };
    const group = byCode.get(check.code);
    if (group) {
      group.count += check.count;
      group.units.push(unit);
      continue;
    }
    const created = { kind: "units" as const, level: check.level, code: check.code, count: check.count, units: [unit], first: check };
    byCode.set(check.code, created);
    groups.push(created);
  }
  return groups.map((group) => {
    if (group.kind === "unit") return group;
    const { first, ...rest } = group as UnitsCheck & { first: Check };
    return rest.units.length === 1 ? { kind: "unit", check: first } : rest;
  });
}
