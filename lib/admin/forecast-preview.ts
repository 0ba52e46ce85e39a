import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { equippedBy, type Delivery } from "@/lib/devices/forecast";
import { poolFacts } from "@/lib/devices/queue-dates";
import type { forecastKinds } from "@/lib/devices/stock-schema";

// "+200 laptops on Thursday brings it forward to …" before the admin saves (issue 17 point 3):
// the pool's forecast now, and with the delivery as typed (a new one, or one moved), by the
// same arithmetic as the dashboard's forecast and each queued person's date. Reads only.

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
