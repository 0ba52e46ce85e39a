import "server-only";
import { sql } from "drizzle-orm";
import type { ShippingAddress } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { getRosterFacts } from "@/lib/roster/queries";
import { getSetting } from "@/lib/settings/queries";
import { defaultVdiSettings, recommendationSettingsSchema, vdiSettingsSchema, type VdiSettings } from "@/lib/settings/schemas";
import { defaultRecommendationRules, expectedActivationDate, recommendPath, type DevicePath } from "./rules";
import { activeDevice, queuePosition } from "./service";

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
      position = await queuePosition(tx, active.id);
      const [pool] = (await tx.execute(sql`
        select least(p.capacity - p.in_use, coalesce((select capacity - in_use from resource_pools where kind = 'vpn_licence' and ${active.kind} = 'laptop'), p.capacity - p.in_use))::int as free,
               p.daily_activation_limit as "dailyLimit",
               coalesce((select used from activation_days d where d.pool_id = p.id and d.day = (now() at time zone 'Europe/Zurich')::date), 0)::int as "usedToday",
               (now() at time zone 'Europe/Zurich')::date::text as today
          from resource_pools p where p.id = ${active.pool_id}`)) as unknown as { free: number; dailyLimit: number | null; usedToday: number; today: string }[];
      expectedDate = expectedActivationDate({
        position,
        freeUnits: pool.free,
        dailyLimit: pool.dailyLimit,
        remainingToday: pool.dailyLimit === null ? null : pool.dailyLimit - pool.usedToday,
        today: new Date(`${pool.today}T00:00:00Z`),
      });
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
