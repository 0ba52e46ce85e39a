import "server-only";
import { sql } from "drizzle-orm";
import type { ShippingAddress } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { getRosterFacts } from "@/lib/roster/queries";
import { getSetting } from "@/lib/settings/queries";
import { defaultVdiSettings, recommendationSettingsSchema, vdiSettingsSchema, type VdiSettings } from "@/lib/settings/schemas";
import { queuePlace } from "./queue-dates";
import { defaultRecommendationRules, recommendPath, type DevicePath } from "./rules";
import { activeDevice } from "./service";

export type Slot = { id: string; siteId: string; site: string; startsAt: Date; free: number };

export type DeviceOverview = {
  recommendation: DevicePath;
  request: null | {
    path: DevicePath;
    status: "waiting" | "reserved" | "issued";
    position: number | null;
    expectedDate: Date | null;
    handover: null | { method: "collect"; slotId: string; site: string; startsAt: Date } | { method: "ship"; address: ShippingAddress };
  };
  slots: Slot[];
  vdi: VdiSettings;
};

export type DeviceRequest = NonNullable<DeviceOverview["request"]>;

/**
 * The person's active device request with what they wait for: queue position and expected date,
 * the chosen slot or delivery address. /device shows it, and so does the status page's device
 * step, where the person looks first (issue 13 point 9).
 */
export async function getDeviceRequest(employeeId: string, tx: DbOrTx = db()): Promise<DeviceRequest | null> {
  const active = await activeDevice(tx, employeeId);
  let request: DeviceOverview["request"] = null;
  if (active) {
    const path: DevicePath = active.kind === "laptop" ? "laptop" : "vdi";
    let position: number | null = null;
    let expectedDate: Date | null = null;
    if (active.status === "waiting") {
      ({ position, expectedDate } = await queuePlace(tx, active));
    }
    const [handover] = (await tx.execute(sql`
      select a.handover_method as method, a.collection_slot_id as "slotId", a.shipping_address as address, s.starts_at as "startsAt", si.name as site
        from allocations a left join collection_slots s on s.id = a.collection_slot_id left join sites si on si.id = s.site_id
       where a.id = ${active.id}`)) as unknown as { method: string | null; slotId: string | null; address: ShippingAddress | null; startsAt: string | null; site: string | null }[];
    request = {
      path,
      status: active.status,
      position,
      expectedDate,
      handover:
        handover.method === "collect"
          ? { method: "collect", slotId: handover.slotId!, site: handover.site!, startsAt: new Date(handover.startsAt!) }
          : handover.method === "ship"
            ? { method: "ship", address: handover.address! }
            : null,
    };
  }
  return request;
}

export async function getDeviceOverview(employeeId: string): Promise<DeviceOverview> {
  const tx = db();
  const roster = await getRosterFacts(tx, employeeId);
  const rules = await getSetting("device_recommendations", recommendationSettingsSchema, defaultRecommendationRules);
  const vdi = await getSetting("vdi", vdiSettingsSchema, defaultVdiSettings);
  const recommendation = recommendPath(rules, roster.jobFamily);
  const request = await getDeviceRequest(employeeId, tx);

  // The next open slots, the person's own site first.
  const slots = (await tx.execute(sql`
    select s.id, s.site_id as "siteId", si.name as site, s.starts_at as "startsAt", (s.capacity - s.booked)::int as free
      from collection_slots s join sites si on si.id = s.site_id
     where s.starts_at > now() + interval '2 hours' and s.booked < s.capacity
     order by (s.site_id = ${roster.siteId}) desc nulls last, si.name, s.starts_at
     limit 60`)) as unknown as (Slot & { startsAt: string })[];

  return { recommendation, request, slots: slots.map((s) => ({ ...s, startsAt: new Date(s.startsAt) })), vdi };
}
