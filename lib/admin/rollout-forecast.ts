import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { beyondSupply, deliveryEffect, equippedBy, personDate, type PoolForecastInput } from "@/lib/devices/forecast";
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

export type RolloutForecast = { pools: PoolForecast[]; overall: string | null };

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function poolForecast(kind: ForecastKind, input: PoolForecastInput, waiting: number): PoolForecast {
  const beyond = beyondSupply(input, waiting);
  let ifDelivered: PoolForecast["ifDelivered"] = null;
  if (beyond > 0) {
    // A week from now, on an open day: a plausible date for an order placed today.
    const date = personDate(addDays(input.today, 7), input.closedDays ?? new Set())!;
    ifDelivered = { quantity: beyond, date, equippedBy: deliveryEffect(input, waiting, { date, quantity: beyond }).after };
  }
  return { kind, waiting, equippedBy: equippedBy(input, waiting), beyond, ifDelivered };
}

export async function rolloutForecast(tx: DbOrTx = db()): Promise<RolloutForecast> {
  const counts = (await tx.execute(sql`
    select p.kind::text as kind, (select count(*) from allocations a where a.pool_id = p.id and a.status = 'waiting')::int as waiting
      from resource_pools p where p.kind::text in ${[...kinds]}`)) as unknown as { kind: ForecastKind; waiting: number }[];
  const pools: PoolForecast[] = [];
  for (const kind of kinds) {
    const waiting = counts.find((c) => c.kind === kind)?.waiting ?? 0;
    pools.push(poolForecast(kind, (await poolFacts(tx, kind)).input, waiting));
  }
  // Everyone is equipped when the last pool is; unknown while any pool falls short.
  const overall = pools.some((p) => p.equippedBy === null) ? null : pools.map((p) => p.equippedBy!).sort().at(-1)!;
  return { pools, overall };
}
