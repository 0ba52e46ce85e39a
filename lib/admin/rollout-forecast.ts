import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { addDays, nextOpenDay } from "@/lib/calendar/days";
import { beyondSupply, deliveryEffect, equippedBy, queueDates, type PoolForecastInput } from "@/lib/devices/forecast";
import { poolFacts } from "@/lib/devices/queue-dates";

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

function poolForecast(kind: ForecastKind, input: PoolForecastInput, waiting: number): PoolForecast {
  const beyond = beyondSupply(input, waiting);
  let ifDelivered: PoolForecast["ifDelivered"] = null;
  if (beyond > 0) {
    // A week from now, on an open day: a plausible date for an order placed today.
    const date = nextOpenDay(addDays(input.today, 7), input.closedDays ?? new Set());
    ifDelivered = { quantity: beyond, date, equippedBy: deliveryEffect(input, waiting, { date, quantity: beyond }).after };
  }
  return { kind, waiting, equippedBy: equippedBy(input, waiting), beyond, ifDelivered };
}

export async function rolloutForecast(tx: DbOrTx = db()): Promise<RolloutForecast> {
  const counts = (await tx.execute(sql`
    select p.kind::text as kind, (select count(*) from allocations a where a.pool_id = p.id and a.status = 'waiting')::int as waiting
      from resource_pools p where p.kind::text in ${[...kinds]}`)) as unknown as { kind: ForecastKind; waiting: number }[];
  const pools: PoolForecast[] = [];
  const dates = new Map<ForecastKind, (string | null)[]>();
  let today = "";
  for (const kind of kinds) {
    const waiting = counts.find((c) => c.kind === kind)?.waiting ?? 0;
    const { input } = await poolFacts(tx, kind);
    today = input.today;
    pools.push(poolForecast(kind, input, waiting));
    dates.set(kind, queueDates(input, waiting));
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
  const days: ForecastDay[] = [];
  for (let day = today; day <= last; day = addDays(day, 1)) {
    const row = { day } as ForecastDay;
    for (const kind of kinds) row[kind] = (dates.get(kind) ?? []).filter((d) => d === null || d > day).length;
    days.push(row);
  }
  return days;
}
