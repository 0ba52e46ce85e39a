import { z } from "zod";

// A count an admin types — a pool's stock or daily activations, units that arrived, a
// collection slot's places, a wave's invitations per day — that moves by more than ten
// times is most often a typo (400 → 400400, 400 → 30). The forms show the change and ask
// for a confirmation; the server refuses such a change unconfirmed, so a crafted request
// cannot skip it (issue 15 point 10). Pure: the forms and the domain share it.

/** More than this many times up or down asks for a confirmation. */
export const jumpFactor = 10;

/**
 * True when `to` is more than ten times `from`, or less than a tenth of it. Zero counts as
 * one (0 → 400 is a jump, 0 → 10 is not); no value (no daily limit) is never a jump.
 */
export function isBigJump(from: number | null | undefined, to: number | null | undefined): boolean {
  if (from === null || from === undefined || to === null || to === undefined || from === to) return false;
  const low = Math.max(Math.min(from, to), 1);
  return Math.max(from, to) > low * jumpFactor;
}

/** The form's "Yes, 400 400 is right" box: true only when ticked (a checkbox, or "true"/"on" from a plain form). */
export const confirmedField = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

/** A number in a setting that moves by more than ten times: where it is (as zod paths are), and its two values. */
export type SettingJump = { path: (string | number)[]; from: number; to: number };

/**
 * Every number of `after` that is a tenfold jump from the number at the same place in
 * `before` (a setting saved from a form or as JSON: SLA hours, the insured cap, thresholds).
 * Places that are new, removed, or not numbers on both sides are not compared. Pure.
 */
export function settingJumps(before: unknown, after: unknown, path: (string | number)[] = []): SettingJump[] {
  if (typeof before === "number" && typeof after === "number") return isBigJump(before, after) ? [{ path, from: before, to: after }] : [];
  if (Array.isArray(before) && Array.isArray(after)) return after.flatMap((a, i) => (i < before.length ? settingJumps(before[i], a, [...path, i]) : []));
  if (before && after && typeof before === "object" && typeof after === "object" && !Array.isArray(before) && !Array.isArray(after)) {
    const old = before as Record<string, unknown>;
    return Object.entries(after as Record<string, unknown>).flatMap(([k, v]) => (k in old ? settingJumps(old[k], v, [...path, k]) : []));
  }
  return [];
}
