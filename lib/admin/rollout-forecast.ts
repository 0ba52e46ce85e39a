import "server-only";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { addDays, nextOpenDay } from "@/lib/calendar/days";
import { deliveryEffect, poolOutlook, type PoolForecastInput } from "@/lib/devices/forecast";
import { poolForecastInputs } from "@/lib/devices/queue-dates";

// The crisis cell's question (issue 17 point 3): by when is everyone who asked equipped? Per
// pool, from the queue, today's wave, the stock and the planned deliveries (the same arithmetic
// that gives each queued person their date); and, where known supply falls short, what a
// delivery of the missing units a week from now would change.

const kinds = ["laptop", "vdi_seat", "router_4g"] as const;
export type ForecastKind = (typeof kinds)[number];

export type PoolForecast = {
  kind: ForecastKind;
  waiting: number;
  /** The day the last person waiting is activated; null when known supply does not cover everyone. */
  equippedBy: string | null;
  /** People beyond every known delivery. */
  beyond: number;
  /** For a shortfall: the missing units delivered on `date` would equip everyone by `equippedBy`. */
  ifDelivered: { quantity: number; date: string; equippedBy: string | null } | null;
};

/** The burn-down ahead: people still waiting at the end of each day from today, per pool. */
export type ForecastDay = { day: string } & Record<ForecastKind, number>;

export type RolloutForecast = { pools: PoolForecast[]; overall: string | null; ahead: ForecastDay[] };

/** A pool's forecast and its queue's dates, from one walk of the queue (and one more where supply falls short). */
function poolForecast(kind: ForecastKind, input: PoolForecastInput, waiting: number): { forecast: PoolForecast; dates: (string | null)[] } {
  const { dates, beyond, equippedBy } = poolOutlook(input, waiting);
  let ifDelivered: PoolForecast["ifDelivered"] = null;
  if (beyond > 0) {
    // A week from now, on an open day: a plausible date for an order placed today.
    const date = nextOpenDay(addDays(input.today, 7), input.closedDays ?? new Set());
    ifDelivered = { quantity: beyond, date, equippedBy: deliveryEffect(input, waiting, { date, quantity: beyond }).after };
  }
  return { forecast: { kind, waiting, equippedBy, beyond, ifDelivered }, dates };
}

export async function rolloutForecast(tx: DbOrTx = db()): Promise<RolloutForecast> {
  // One statement for the three pools (their own days are the national ones): the dashboard reads it on every view.
  const facts = await poolForecastInputs(tx, kinds);
  const pools: PoolForecast[] = [];
  const dates = new Map<ForecastKind, (string | null)[]>();
  let today = "";
  for (const kind of kinds) {
    const pool = facts.find((f) => f.kind === kind);
    if (!pool) continue;
    today = pool.input.today;
    const { forecast, dates: own } = poolForecast(kind, pool.input, pool.waiting);
    pools.push(forecast);
    dates.set(kind, own);
  }
  // Everyone is equipped when the last pool is; unknown while any pool falls short.
  const overall = pools.some((p) => p.equippedBy === null) ? null : pools.map((p) => p.equippedBy!).sort().at(-1)!;
  return { pools, overall, ahead: burnDownAhead(today, dates, overall) };
}

/**
 * Waiting at the end of each day from today until everyone is equipped (at most six weeks,
 * the chart's reach), from each queued position's day. Pure.
 */
export function burnDownAhead(today: string, dates: Map<ForecastKind, (string | null)[]>, until: string | null): ForecastDay[] {
  const last = until && until < addDays(today, 42) ? until : addDays(today, 42);
  // Per pool, how many positions each day activates, in day order: one pass over the days
  // after one over the positions (counting every position on each of the chart's 43 days took
  // 0.2 ms a view with 777 people waiting; this, 0.06).
  const sweeps = kinds.map((kind) => {
    const own = dates.get(kind) ?? [];
    const perDay = new Map<string, number>();
    for (const d of own) if (d !== null) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    return { kind, waiting: own.length, days: [...perDay].sort(([a], [b]) => (a < b ? -1 : 1)), next: 0 };
  });
  const days: ForecastDay[] = [];
  for (let day = today; day <= last; day = addDays(day, 1)) {
    const row = { day } as ForecastDay;
    for (const sweep of sweeps) {
      // Still waiting at the day's end: the undated and those dated after it.
      while (sweep.next < sweep.days.length && sweep.days[sweep.next][0] <= day) sweep.waiting -= sweep.days[sweep.next++][1];
      row[sweep.kind] = sweep.waiting;
    }
    days.push(row);
  }
  return days;
}
