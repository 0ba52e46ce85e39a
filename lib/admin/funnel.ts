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
