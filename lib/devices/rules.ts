// Pure rules of the device step: which path to recommend, and when a queued
// request can expect its activation.

export type DevicePath = "laptop" | "vdi";

export type RecommendationRules = { vdi: string[]; laptop: string[] };

export const defaultRecommendationRules: RecommendationRules = {
  // Scripted, screen-only work reaches everything through a virtual desktop.
  vdi: ["call_centre_agent", "team_lead", "sales", "procurement", "finance", "hr", "legal"],
  // Local peripherals, heavy tools or admin rights need a company laptop.
  laptop: ["it_engineer", "it_support", "engineer", "designer", "management", "key_account", "marketing", "quality", "dispatcher"],
};

export function recommendPath(rules: RecommendationRules, jobFamily: string): DevicePath {
  if (rules.vdi.includes(jobFamily)) return "vdi";
  if (rules.laptop.includes(jobFamily)) return "laptop";
  return "laptop";
}

/** Activations happen on working days (Monday to Friday). */
export function isWorkingDay(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function addDays(day: Date, days: number): Date {
  const next = new Date(day);
  next.setUTCDate(next.getUTCDate() + days);
  return next;
}

export type QueueFacts = {
  /** 1-based position in the queue. */
  position: number;
  /** Units free in the pool right now (capacity − in use). */
  freeUnits: number;
  /** Activations still possible today (null: no daily limit). */
  remainingToday: number | null;
  dailyLimit: number | null;
  /** Today, as a UTC date at midnight (Europe/Zurich calendar day). */
  today: Date;
};

/**
 * The day a queued request should be activated, if stock allows it: the waves
 * take `dailyLimit` people per working day, starting with what is left today.
 * Null when the stock itself is short (the date depends on returns or arrivals).
 */
export function expectedActivationDate(facts: QueueFacts): Date | null {
  if (facts.position < 1 || facts.position > facts.freeUnits) return null;
  if (facts.dailyLimit === null) return facts.today;
  let remaining = facts.position;
  let day = facts.today;
  let capacityToday = isWorkingDay(day) ? Math.max(0, facts.remainingToday ?? facts.dailyLimit) : 0;
  for (let guard = 0; guard < 3660; guard += 1) {
    if (remaining <= capacityToday) return day;
    remaining -= capacityToday;
    day = addDays(day, 1);
    capacityToday = isWorkingDay(day) ? facts.dailyLimit : 0;
  }
  return null;
}

/**
 * How long a pool's queue takes to clear: null when stock is short (the shortfall says by
 * how much), else the working days at the daily wave (0: at once, no wave limit).
 */
export function queueOutlook(pool: { waiting: number; free: number; dailyLimit: number | null }): { days: number | null; shortfall: number } {
  if (pool.waiting === 0) return { days: 0, shortfall: 0 };
  if (pool.free < pool.waiting) return { days: null, shortfall: pool.waiting - pool.free };
  return { days: pool.dailyLimit === null ? 0 : Math.ceil(pool.waiting / pool.dailyLimit), shortfall: 0 };
}
