// Days of the Europe/Zurich calendar as "YYYY-MM-DD", and the walks over them the queue's
// forecast, the review deadline and the dashboard share: plain day numbers (days since
// 1970-01-01), so counting is integer arithmetic. Pure.

const msPerDay = 86_400_000;

/** The day number of a "YYYY-MM-DD" day; "2026-13-01" or "2026-02-30" (which Date.UTC would roll over) is refused. */
export function dayNumber(iso: string): number {
  const day = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / msPerDay;
  if (!Number.isInteger(day) || isoDay(day) !== iso) throw new RangeError(`Not a YYYY-MM-DD day: ${iso}`);
  return day;
}

export function isoDay(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** Saturday or Sunday, for a day number. */
export function isWeekend(day: number): boolean {
  // Day 0, 1970-01-01, was a Thursday: +4 gives getUTCDay's numbering (0 Sunday, 6 Saturday).
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

export const addDays = (iso: string, days: number): string => isoDay(dayNumber(iso) + days);

/** The first day on or after `iso` that is neither a weekend nor one of `closedDays`. */
export function nextOpenDay(iso: string, closedDays: ReadonlySet<string>): string {
  let day = dayNumber(iso);
  // Ends: the set is finite, so only so many weekdays can be skipped.
  while (isWeekend(day) || closedDays.has(isoDay(day))) day += 1;
  return isoDay(day);
}

/** The `count`-th open day after `iso` (the day itself does not count): Friday + 2 is Tuesday. */
export function addOpenDays(iso: string, count: number, closedDays: ReadonlySet<string>): string {
  let day = iso;
  for (let left = count; left > 0; left -= 1) day = nextOpenDay(addDays(day, 1), closedDays);
  return day;
}
