// The roll-out funnel's steps and who is stuck where. Pure.

export const funnelSteps = ["roster", "invited", "signed_in", "eligible", "device", "token", "connectivity", "ready"] as const;
export type FunnelStep = (typeof funnelSteps)[number];
export type FunnelCounts = Record<FunnelStep, number>;

/** People who reached a step but not the next one (the last step is nobody's problem). */
export function stuck(counts: FunnelCounts): Record<FunnelStep, number> {
  return Object.fromEntries(funnelSteps.map((step, i) => [step, i + 1 < funnelSteps.length ? Math.max(0, counts[step] - counts[funnelSteps[i + 1]]) : 0])) as Record<FunnelStep, number>;
}

/** The share of the roster at a step, as an exact fraction for formatting. */
export const share = (counts: FunnelCounts, step: FunnelStep) => (counts.roster > 0 ? counts[step] / counts.roster : 0);

/**
 * A step's bar length in percent of the widest, on a logarithmic scale: on a linear one,
 * 15 people next to a roster of 2,003 is a bar nobody sees (issue 15 point 12). Nobody is no bar.
 */
export function barWidth(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.round((1000 * Math.log10(count + 1)) / Math.log10(max + 1)) / 10;
}

/** A step as a share of the step before it (null for the first, or when nobody reached the one before). */
export function ofPrevious(counts: FunnelCounts, step: FunnelStep): number | null {
  const i = funnelSteps.indexOf(step);
  const before = i > 0 ? counts[funnelSteps[i - 1]] : 0;
  return before > 0 ? counts[step] / before : null;
}
