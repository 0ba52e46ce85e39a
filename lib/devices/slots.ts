import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { isBigJump } from "@/lib/admin/big-change";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { changedMeanwhile, versionOf } from "@/lib/settings/version";
import type { SlotInput } from "./stock-schema";

/** `version`: of the capacity an admin edits (bookings do not make the form stale). */
export type SlotRow = { id: string; site: string; startsAt: Date; endsAt: Date; capacity: number; booked: number; version: string };

const slotVersion = versionOf(sql`c.capacity`);

/** Collection slots of the coming days, by site and time. */
export async function upcomingSlots(days = 10, tx: DbOrTx = db()): Promise<SlotRow[]> {
  return (await tx.execute(sql`
    select c.id, s.name as site, c.starts_at as "startsAt", c.ends_at as "endsAt", c.capacity, c.booked, ${slotVersion} as version
      from collection_slots c join sites s on s.id = c.site_id
     where c.starts_at > now() and c.starts_at < now() + make_interval(days => ${days})
     order by c.starts_at, s.name limit 500`)) as unknown as SlotRow[];
}

/** A new collection slot at a site (times in Zurich). */
export async function addSlot(tx: DbOrTx, input: SlotInput): Promise<{ id: string }> {
  if (input.end <= input.start) throw new ActionError("slotEndBeforeStart", "end");
  const rows = (await tx.execute(sql`
    insert into collection_slots (site_id, starts_at, ends_at, capacity)
    select ${input.siteId}, (${input.day}::date + ${input.start}::time) at time zone 'Europe/Zurich', (${input.day}::date + ${input.end}::time) at time zone 'Europe/Zurich', ${input.capacity}
     where exists (select 1 from sites where id = ${input.siteId})
    on conflict (site_id, starts_at) do nothing
    returning id`)) as unknown as { id: string }[];
  if (rows.length === 0) throw new ActionError("slotExists", "start");
  return rows[0];
}

/**
 * A slot's capacity, never below what is already booked. The form's version must still be
 * the slot's (the row is locked first, then read: see lib/devices/pools.ts for why). A change
 * of more than ten times must be `confirmed` when the caller says (every form does).
 */
export async function setSlotCapacity(tx: DbOrTx, slotId: string, capacity: number, version?: string, confirmed?: boolean): Promise<{ version: string }> {
  await tx.execute(sql`select id from collection_slots where id = ${slotId} for update`);
  const [slot] = (await tx.execute(sql`select c.booked, c.capacity, ${slotVersion} as version from collection_slots c where c.id = ${slotId}`)) as unknown as { booked: number; capacity: number; version: string }[];
  if (!slot) throw new ActionError("slotNotFound");
  if (version !== undefined && version !== slot.version) throw changedMeanwhile();
  if (confirmed === false && isBigJump(slot.capacity, capacity)) throw new ActionError("bigChangeUnconfirmed", "capacity");
  if (capacity < slot.booked) throw new ActionError("capacityBelowInUse", "capacity", { inUse: slot.booked });
  const [updated] = (await tx.execute(sql`update collection_slots c set capacity = ${capacity} where c.id = ${slotId} returning ${slotVersion} as version`)) as unknown as { version: string }[];
  return updated;
}
