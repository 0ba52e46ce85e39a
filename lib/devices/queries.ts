import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ShippingAddress } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { parseSetting } from "@/lib/settings/queries";
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

/** The person's active laptop or VDI request and its handover, `employee` their id (a value or a column). */
function activeRequestSql(employee: SQL): SQL {
  return sql`
    select a.id, a.kind::text as kind, a.status::text as status,
           a.handover_method as method, a.collection_slot_id as "slotId", a.shipping_address as address, s.starts_at as "startsAt", si.name as site
      from allocations a left join collection_slots s on s.id = a.collection_slot_id left join sites si on si.id = s.site_id
     where a.employee_id = ${employee} and a.kind in ('laptop', 'vdi_seat') and a.status in ('waiting', 'reserved', 'issued')`;
}

type ActiveRow = {
  id: string;
  kind: "laptop" | "vdi_seat";
  status: DeviceRequest["status"];
  method: string | null;
  slotId: string | null;
  address: ShippingAddress | null;
  startsAt: string | Date | null;
  site: string | null;
};

/** The request as the pages show it; a waiting one with its place in the queue and expected date. */
async function deviceRequestOf(tx: DbOrTx, active: ActiveRow | undefined): Promise<DeviceRequest | null> {
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

/**
 * The person's active device request with what they wait for: queue position and expected date,
 * the chosen slot or delivery address. /device shows it, and so does the status page's device
 * step, where the person looks first (issue 13 point 9).
 */
export async function getDeviceRequest(employeeId: string, tx: DbOrTx = db()): Promise<DeviceRequest | null> {
  // The request and its handover in one query: the status page and /device read it on every view.
  const [active] = (await tx.execute(activeRequestSql(sql`${employeeId}`))) as unknown as ActiveRow[];
  return deviceRequestOf(tx, active);
}

/**
 * What /device (and the guide) show: the recommended path, the active request, the VDI settings
 * and, while a laptop is reserved, the free collection slots (the person's own site first).
 * One statement for what every view needs; the queue's place and the slots only when shown. It
 * was five statements one after another, 60 slots read on every view: at crisis scale /device
 * now serves 1.11–1.23 times the requests (README, "What made the pages fast").
 */
export async function getDeviceOverview(employeeId: string, tx: DbOrTx = db()): Promise<DeviceOverview> {
  const [row] = (await tx.execute(sql`
    select e.job_family as "jobFamily", e.site_id as "personSiteId",
           (select value from settings where key = 'device_recommendations') as "rulesValue",
           (select value from settings where key = 'vdi') as "vdiValue",
           r.*
      from employees e left join lateral (${activeRequestSql(sql`e.id`)} limit 1) r on true
     where e.id = ${employeeId}`)) as unknown as ({ jobFamily: string; personSiteId: string | null; rulesValue: unknown; vdiValue: unknown } & Partial<ActiveRow>)[];
  const { jobFamily, personSiteId, rulesValue, vdiValue, ...active } = row;
  const rules = parseSetting("device_recommendations", rulesValue ?? undefined, recommendationSettingsSchema, defaultRecommendationRules);
  const vdi = parseSetting("vdi", vdiValue ?? undefined, vdiSettingsSchema, defaultVdiSettings);
  const request = await deviceRequestOf(tx, active.id ? (active as ActiveRow) : undefined);
  const slots = request?.status === "reserved" && request.path === "laptop" ? await freeSlots(tx, personSiteId) : [];
  return { recommendation: recommendPath(rules, jobFamily), request, slots, vdi };
}

/** The next open collection slots, the person's own site first. */
async function freeSlots(tx: DbOrTx, siteId: string | null): Promise<Slot[]> {
  const slots = (await tx.execute(sql`
    select s.id, s.site_id as "siteId", si.name as site, s.starts_at as "startsAt", (s.capacity - s.booked)::int as free
      from collection_slots s join sites si on si.id = s.site_id
     where s.starts_at > now() + interval '2 hours' and s.booked < s.capacity
     order by (s.site_id = ${siteId}) desc nulls last, si.name, s.starts_at
     limit 60`)) as unknown as (Slot & { startsAt: string })[];
  return slots.map((s) => ({ ...s, startsAt: new Date(s.startsAt) }));
}
