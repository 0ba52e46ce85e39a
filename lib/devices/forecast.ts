// Pure forecast of a pool's queue (issue 17 point 2, "a date for every queued person"):
// the day each queue position is activated, counting the daily wave, today's remaining
// activations, the stock free now and the planned deliveries. Days are "YYYY-MM-DD" of the
// Europe/Zurich calendar; the caller says which day is today, so nothing here reads a clock.
//
// Positions, not people: the queue's order (priority desc, queue_seq) is the caller's. A person
// whose priority moves them forward simply asks for the date of their new position.

import { dayNumber, isoDay, isWeekend, nextOpenDay } from "@/lib/calendar/days";

export type Delivery = { date: string; quantity: number };

export type PoolForecastInput = {
  /** Today in the Europe/Zurich calendar. */
  today: string;
  /** Units free in the pool now (capacity − in use). */
  freeUnits: number;
  /** Activations per open day (null: no limit). */
  dailyLimit: number | null;
  /** Activations still possible today (null: the daily limit; 0 or less: none). */
  remainingToday: number | null;
  /** Planned, not yet arrived: any order, several per day allowed, quantity 0 ignored. */
  deliveries: Delivery[];
  /** Company-wide days without activations (e.g. federal holidays); weekends are always closed. */
  closedDays?: ReadonlySet<string>;
};

/**
 * How far the day walk looks: three years bound it whatever the input (a daily limit of 1 with
 * 10,000 waiting, a delivery dated 2099), and no purchase plan reaches further. A position
 * activated later than that gets no date, like one beyond all known supply.
 */
export const forecastHorizonDays = 3 * 366;

type Walk = { activated: number; lastDay: string | null };

/**
 * Walks the days from today, activating positions in order; `onDay` receives each open day
 * with the 1-based positions it takes. Each day costs O(1) besides the positions it hands
 * out, so the whole walk is O(count + days + deliveries·log deliveries).
 */
function walk(input: PoolForecastInput, count: number, onDay?: (day: string, first: number, last: number) => void): Walk {
  let activated = 0;
  let lastDay: string | null = null;
  if (count <= 0) return { activated, lastDay };
  const today = dayNumber(input.today);
  // A delivery dated in the past is on the shelf: it counts today.
  const arrivals = input.deliveries
    .filter((delivery) => delivery.quantity > 0)
    .map((delivery) => ({ day: Math.max(today, dayNumber(delivery.date)), quantity: delivery.quantity }))
    .sort((a, b) => a.day - b.day);
  let nextArrival = 0;
  let onShelf = Math.max(0, input.freeUnits);
  for (let day = today; day <= today + forecastHorizonDays && activated < count; day += 1) {
    while (nextArrival < arrivals.length && arrivals[nextArrival].day <= day) onShelf += arrivals[nextArrival++].quantity;
    // Nothing left and nothing coming: the remaining positions have no date.
    if (onShelf === 0 && nextArrival === arrivals.length) break;
    // Units arriving on a closed day wait on the shelf for the next open day.
    if (isWeekend(day)) continue;
    const iso = isoDay(day);
    if (input.closedDays?.has(iso)) continue;
    // Today takes only what is left of today's wave; later days the whole wave.
    const wave = input.dailyLimit === null ? Infinity : day === today ? (input.remainingToday ?? input.dailyLimit) : input.dailyLimit;
    const taken = Math.min(Math.max(0, wave), onShelf, count - activated);
    if (taken === 0) continue;
    onDay?.(iso, activated + 1, activated + taken);
    activated += taken;
    onShelf -= taken;
    lastDay = iso;
  }
  return { activated, lastDay };
}

/**
 * The activation day of queue positions 1..count (index 0 is position 1): null for the
 * positions beyond all known supply, or beyond the horizon.
 */
export function queueDates(input: PoolForecastInput, count: number): (string | null)[] {
  const dates: (string | null)[] = new Array<string | null>(Math.max(0, count)).fill(null);
  walk(input, count, (day, first, last) => dates.fill(day, first - 1, last));
  return dates;
}

/**
 * The person's own date: the first day on or after the pool's day that is neither a weekend
 * nor one of `personClosedDays` (their canton's holidays; include the company-wide closed
 * days too, since the next day may be one).
 *
 * Simplification: the slot the pool gave that day is used on the person's next open day, on
 * top of that day's wave. The pool may then activate a few more than its daily limit on the
 * day after a cantonal holiday; re-running the waves per canton is not worth that precision.
 */
export function personDate(poolDay: string | null, personClosedDays: ReadonlySet<string>): string | null {
  return poolDay === null ? null : nextOpenDay(poolDay, personClosedDays);
}

/**
 * The day the last of `waiting` people is activated: null when the known supply (or the
 * horizon) does not cover them all. Nobody waiting means everyone is equipped already: today.
 */
export function equippedBy(input: PoolForecastInput, waiting: number): string | null {
  if (waiting <= 0) return input.today;
  const { activated, lastDay } = walk(input, waiting);
  return activated === waiting ? lastDay : null;
}

/** What one more planned delivery changes in `equippedBy` ("+200 laptops on Thursday: equipped by …"). */
export function deliveryEffect(input: PoolForecastInput, waiting: number, extra: Delivery): { before: string | null; after: string | null } {
  return {
    before: equippedBy(input, waiting),
    after: equippedBy({ ...input, deliveries: [...input.deliveries, extra] }, waiting),
  };
}

/**
 * A queue's outlook from one walk: each position's day (as `queueDates`), how many positions get
 * none (the shortfall a purchase must still cover), and the day the last is activated (as
 * `equippedBy`: null while any position has no date; nobody waiting, today).
 */
export function poolOutlook(input: PoolForecastInput, waiting: number): { dates: (string | null)[]; beyond: number; equippedBy: string | null } {
  const dates = queueDates(input, waiting);
  const beyond = dates.filter((d) => d === null).length;
  return { dates, beyond, equippedBy: beyond > 0 ? null : dates.length === 0 ? input.today : dates[dates.length - 1] };
}
