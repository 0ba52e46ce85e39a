import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { equippedBy, type Delivery } from "@/lib/devices/forecast";
import { freeUnits, poolFacts } from "@/lib/devices/queue-dates";
import type { forecastKinds } from "@/lib/devices/stock-schema";

// "+200 laptops on Thursday brings it forward to …" before the admin saves (issue 17 point 3):
// the pool's forecast now, and with the delivery as typed (a new one, or one moved) or with the
// pool's stock and daily wave as typed, by the same arithmetic as the dashboard's forecast and
// each queued person's date. Reads only.

export type DeliveryPreview = { waiting: number; before: string | null; after: string | null };

/** People waiting in the pool now. */
async function waitingIn(tx: DbOrTx, poolId: string): Promise<number> {
  const [{ waiting }] = (await tx.execute(sql`select count(*)::int as waiting from allocations where pool_id = ${poolId} and status = 'waiting'`)) as unknown as { waiting: number }[];
  return waiting;
}

export async function previewDelivery(
  tx: DbOrTx,
  change: { kind: (typeof forecastKinds)[number]; deliveryId?: string; expectedOn: string; quantity: number },
): Promise<DeliveryPreview> {
  const facts = await poolFacts(tx, change.kind);
  const waiting = await waitingIn(tx, facts.poolId);
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
  const waiting = await waitingIn(tx, facts.poolId);
  const { inUse, vpnFree, usedToday } = facts.stock;
  const typed = { ...facts.input, freeUnits: freeUnits(change.capacity, inUse, vpnFree), dailyLimit: change.dailyLimit, remainingToday: change.dailyLimit === null ? null : change.dailyLimit - usedToday };
  return { waiting, before: equippedBy(facts.input, waiting), after: equippedBy(typed, waiting) };
}
