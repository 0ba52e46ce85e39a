// The demo roll-out's calendar: day 3 of 5 is today (or the last working day), days 1 and 2
// the working days before it, and a pilot three working days before day 1. Every instant the
// seed writes lies in the past, in the order a person would have done things.

const zone = "Europe/Zurich";
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
const partsFormat = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });

/** The Zurich calendar day of an instant, as YYYY-MM-DD. */
export const zurichDay = (at: Date): string => dayFormat.format(at);

function zurichOffsetMs(at: Date): number {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a Zurich wall-clock time (minutes after midnight) on a day. */
export function zurichAt(day: string, minutes: number): Date {
  const guess = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 0, minutes);
  return new Date(guess - zurichOffsetMs(new Date(guess)));
}

export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Monday to Friday: the days the activation waves run (lib/devices/pools.ts). */
export const isWorkingDay = (day: string): boolean => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
export function workingDayBefore(day: string, n = 1): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
/** The first working day after `day`. */
export function workingDayAfter(day: string): string {
  let d = addDays(day, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The month before the one `day` (YYYY-MM-DD) is in, as YYYY-MM. */
export function lastMonth(day: string): string {
  const [y, m] = day.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

export type Clock = {
  now: Date;
  today: string;
  pilot: string;
  d1: string;
  d2: string;
  d3: string;
  /** The office hours of a working day; today's end at most a couple of minutes ago. */
  window(day: string): { t0: Date; t1: Date };
  /** An instant `fraction` of the way from `from` to now. */
  toward(from: Date, fraction: number): Date;
};

export function rolloutClock(now: Date): Clock {
  const today = zurichDay(now);
  const d3 = isWorkingDay(today) ? today : workingDayBefore(today);
  const d2 = workingDayBefore(d3);
  const d1 = workingDayBefore(d2);
  const pilot = workingDayBefore(d1, 3);
  const latest = new Date(now.getTime() - 2 * 60_000);
  return {
    now,
    today,
    pilot,
    d1,
    d2,
    d3,
    window(day) {
      const midnight = zurichAt(day, 0);
      const t1 = new Date(Math.min(zurichAt(day, 17 * 60 + 30).getTime(), Math.max(latest.getTime(), midnight.getTime() + 1000)));
      const t0 = new Date(Math.max(midnight.getTime(), Math.min(zurichAt(day, 8 * 60).getTime(), t1.getTime() - 60 * 60_000)));
      return { t0, t1 };
    },
    toward(from, fraction) {
      return new Date(from.getTime() + Math.max(0, latest.getTime() - from.getTime()) * fraction);
    },
  };
}

/** FNV-1a: a stable 32-bit number from a text. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A small seeded PRNG (mulberry32), so each person's story is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value picked by weight with one draw. */
export function weighted<T>(draw: number, choices: [T, number][]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = draw * total;
  for (const [value, weight] of choices) if ((r -= weight) < 0) return value;
  return choices[choices.length - 1][0];
}
