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
  // The request and its handover in one query: the status page and /device read it on every view.
  const [active] = (await tx.execute(sql`
    select a.id, a.kind::text as kind, a.status::text as status,
           a.handover_method as method, a.collection_slot_id as "slotId", a.shipping_address as address, s.starts_at as "startsAt", si.name as site
      from allocations a left join collection_slots s on s.id = a.collection_slot_id left join sites si on si.id = s.site_id
     where a.employee_id = ${employeeId} and a.kind in ('laptop', 'vdi_seat') and a.status in ('waiting', 'reserved', 'issued')`)) as unknown as {
    id: string;
    kind: "laptop" | "vdi_seat";
    status: DeviceRequest["status"];
    method: string | null;
    slotId: string | null;
    address: ShippingAddress | null;
    startsAt: string | Date | null;
    site: string | null;
  }[];
  if (!active) return null;
  const { position, expectedDate } = active.status === "waiting" ? await queuePlace(tx, active) : { position: null, expectedDate: null };
  return {
    path: active.kind === "laptop" ? "laptop" : "vdi",
    status: active.status,
    position,
    expectedDate,
    handover:
      active.method === "collect"
        ? { method: "collect", slotId: active.slotId!, site: active.site!, startsAt: new Date(active.startsAt!) }
        : active.method === "ship"
          ? { method: "ship", address: active.address! }
          : null,
  };
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
