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
