import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { equippedBy, type Delivery } from "@/lib/devices/forecast";
import { poolFacts } from "@/lib/devices/queue-dates";
import type { forecastKinds } from "@/lib/devices/stock-schema";

// "+200 laptops on Thursday brings it forward to …" before the admin saves (issue 17 point 3):
// the pool's forecast now, and with the delivery as typed (a new one, or one moved) or with the
// pool's stock and daily wave as typed, by the same arithmetic as the dashboard's forecast and
// each queued person's date. Reads only.

export type DeliveryPreview = { waiting: number; before: string | null; after: string | null };

export async function previewDelivery(
  tx: DbOrTx,
  change: { kind: (typeof forecastKinds)[number]; deliveryId?: string; expectedOn: string; quantity: number },
): Promise<DeliveryPreview> {
  const facts = await poolFacts(tx, change.kind);
  const [{ waiting }] = (await tx.execute(sql`select count(*)::int as waiting from allocations where pool_id = ${facts.poolId} and status = 'waiting'`)) as unknown as { waiting: number }[];
  let others: Delivery[] = facts.input.deliveries;
  if (change.deliveryId) {
    // The delivery being moved counts once, as typed.
    others = (await tx.execute(sql`
      select expected_on::text as date, quantity from planned_deliveries
       where pool_id = ${facts.poolId} and status = 'planned' and id <> ${change.deliveryId}`)) as unknown as Delivery[];
  }
  return {
    waiting,
    before: equippedBy(facts.input, waiting),
    after: equippedBy({ ...facts.input, deliveries: [...others, { date: change.expectedOn, quantity: change.quantity }] }, waiting),
  };
}

/** The forecast with the pool's capacity and daily wave as typed (a laptop also needs a free VPN licence). */
export async function previewPool(tx: DbOrTx, change: { kind: (typeof forecastKinds)[number]; capacity: number; dailyLimit: number | null }): Promise<DeliveryPreview> {
  const facts = await poolFacts(tx, change.kind);
  const [pool] = (await tx.execute(sql`
    select p.in_use::int as "inUse", (select capacity - in_use from resource_pools where kind = 'vpn_licence' and p.kind = 'laptop')::int as "vpnFree",
           coalesce((select used from activation_days d where d.pool_id = p.id and d.day = (now() at time zone 'Europe/Zurich')::date), 0)::int as "usedToday",
           (select count(*) from allocations a where a.pool_id = p.id and a.status = 'waiting')::int as waiting
      from resource_pools p where p.id = ${facts.poolId}`)) as unknown as { inUse: number; vpnFree: number | null; usedToday: number; waiting: number }[];
  const free = Math.max(0, Math.min(change.capacity - pool.inUse, pool.vpnFree ?? Number.POSITIVE_INFINITY));
  const typed = { ...facts.input, freeUnits: free, dailyLimit: change.dailyLimit, remainingToday: change.dailyLimit === null ? null : change.dailyLimit - pool.usedToday };
  return { waiting: pool.waiting, before: equippedBy(facts.input, pool.waiting), after: equippedBy(typed, pool.waiting) };
}
