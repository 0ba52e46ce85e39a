import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ShippingAddress } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { notifyEmployee, outboxInsert } from "@/lib/mail/notify";
import { contactAddressSql, type Contact } from "@/lib/roster/queries";
import { lockCase } from "@/lib/onboarding/queries";
import { placeRequest, requestFacts, type DeviceRequestResult, type RequestRecord } from "./place-request";
import { canReserve, lockPools, poolsFor, remainingToday, takeUnits, today, type DeviceKind, type PoolKind, type PoolRow } from "./pools";
import { draftNotice } from "./request-notice";
import type { HandoverInput } from "./schema";
import type { DevicePath } from "./rules";

// Stock and queue: see ./pools for how nothing is ever overbooked (stock and waves), and
// ./place-request for how little a request does under the pools' lock.
// Lock order is always: the person's case → pools → allocation rows.

export type { PoolKind } from "./pools";
export const kindForPath = (path: DevicePath): "laptop" | "vdi_seat" => (path === "laptop" ? "laptop" : "vdi_seat");

/** Turns a waiting (or new) request into a reservation; a VDI seat is ready at once. */
async function reserve(tx: DbOrTx, pools: Map<PoolKind, PoolRow>, kind: DeviceKind, allocationId: string): Promise<void> {
  await takeUnits(tx, pools, kind);
  const status = kind === "vdi_seat" ? "issued" : "reserved";
  await tx.execute(sql`
    update allocations set status = ${status}::allocation_status, reserved_at = now(), wave_day = ${today},
           issued_at = case when ${status} = 'issued' then now() end
     where id = ${allocationId}`);
  if (kind === "laptop") {
    await tx.execute(sql`
      insert into allocations (employee_id, pool_id, kind, status, parent_id, reserved_at, wave_day)
      select employee_id, ${pools.get("vpn_licence")!.id}, 'vpn_licence', 'reserved', id, now(), ${today}
        from allocations where id = ${allocationId}`);
  }
}

type ActiveAllocation = {
  id: string;
  kind: DeviceKind;
  status: "waiting" | "reserved" | "issued";
  pool_id: string;
  collection_slot_id: string | null;
  wave_day: string | null;
  is_today: boolean;
};

/** The person's active request among `kinds` (by default their computer: laptop or VDI seat). */
async function activeDevice(tx: DbOrTx, employeeId: string, kinds: DeviceKind[] = ["laptop", "vdi_seat"]): Promise<ActiveAllocation | null> {
  const [row] = (await tx.execute(sql`
    select id, kind, status, pool_id, collection_slot_id, wave_day::text, (wave_day = ${today}) as is_today
      from allocations
     where employee_id = ${employeeId} and kind::text in ${kinds} and status in ('waiting', 'reserved', 'issued')`)) as unknown as ActiveAllocation[];
  return row ?? null;
}

/** A waiting allocation's place in its pool's queue, as SQL (`allocationId`: a value or a column). */
function queuePositionOf(allocationId: SQL): SQL {
  return sql`
    select count(*)::int + 1
      from allocations w, allocations me
     where me.id = ${allocationId} and w.pool_id = me.pool_id and w.status = 'waiting'
       and (w.priority > me.priority or (w.priority = me.priority and w.queue_seq < me.queue_seq))`;
}

async function queuePosition(tx: DbOrTx, allocationId: string): Promise<number> {
  const [row] = (await tx.execute(sql`select (${queuePositionOf(sql`${allocationId}::uuid`)}) as position`)) as unknown as { position: number }[];
  return row.position;
}

export type { DeviceRequestResult } from "./place-request";

/**
 * An eligible employee asks for a laptop or a VDI seat. Reserved at once when
 * the stock, today's wave and the queue allow it; otherwise placed in the FIFO
 * queue. Asking twice (double click, retry) returns the first request. `record`: the server
 * action's receipt and audit row, written with the decision (./request-action).
 */
export async function requestDevice(tx: DbOrTx, employeeId: string, path: DevicePath, record?: RequestRecord): Promise<DeviceRequestResult> {
  await lockCase(tx, employeeId);
  const kind = kindForPath(path);
  const facts = await requestFacts(tx, employeeId, ["laptop", "vdi_seat"]);
  if (facts.eligibility !== "eligible") throw new ActionError("notEligible");
  if (facts.existing) {
    if (facts.existing.kind !== kind) throw new ActionError("otherDeviceActive");
    return { allocationId: facts.existing.id, status: facts.existing.status, created: false };
  }
  return placeRequest(tx, employeeId, facts.contact, kind, null, { reserved: kind === "vdi_seat" ? "vdiReady" : "deviceReserved", path: "/device" }, record);
}

async function release(tx: DbOrTx, allocation: ActiveAllocation, reason: string): Promise<void> {
  await tx.execute(sql`
    update allocations set status = 'released', released_at = now(), release_reason = ${reason}
     where id = ${allocation.id} or (parent_id = ${allocation.id} and status <> 'released')`);
  if (allocation.status === "waiting") return;
  await tx.execute(sql`
    update resource_pools p set in_use = in_use - 1, updated_at = now()
      from allocations a
     where (a.id = ${allocation.id} or a.parent_id = ${allocation.id}) and p.id = a.pool_id`);
  // A reservation withdrawn the same day gives its activations back to today's waves
  // (the laptop's and its VPN licence's).
  if (allocation.is_today) {
    await tx.execute(sql`
      update activation_days d set used = used - 1
        from allocations a
       where (a.id = ${allocation.id} or a.parent_id = ${allocation.id}) and a.wave_day = ${today}
         and d.pool_id = a.pool_id and d.day = ${today} and d.used > 0`);
  }
  if (allocation.collection_slot_id) {
    await tx.execute(sql`update collection_slots set booked = booked - 1 where id = ${allocation.collection_slot_id} and booked > 0`);
  }
}

/** The employee withdraws their request; the unit goes to the next person in the queue at once. */
export async function cancelDevice(tx: DbOrTx, employeeId: string): Promise<{ promoted: number }> {
  await lockCase(tx, employeeId);
  const seen = await activeDevice(tx, employeeId);
  if (!seen) throw new ActionError("noDeviceRequest");
  await lockPools(tx, poolsFor[seen.kind]);
  // Read again under the pool lock: a promotion may have reserved it meanwhile.
  const allocation = (await activeDevice(tx, employeeId))!;
  if (allocation.status === "issued" && allocation.kind === "laptop") throw new ActionError("alreadyIssued");
  await release(tx, allocation, "cancelled_by_employee");
  return { promoted: await promoteQueue(tx, allocation.kind) };
}

/** A waiting request is withdrawn when the person is no longer eligible. */
export async function releaseWaitingDevice(tx: DbOrTx, employeeId: string, reason: string): Promise<void> {
  const seen = await activeDevice(tx, employeeId);
  if (!seen || seen.status !== "waiting") return;
  await lockPools(tx, poolsFor[seen.kind]);
  const allocation = (await activeDevice(tx, employeeId))!;
  // Promoted meanwhile: a reservation is kept (answers are locked from now on).
  if (allocation.status !== "waiting") return;
  await release(tx, allocation, reason);
}

/**
 * Gives free units to the queue, first come first served (a granted priority
 * first), within stock and today's wave. Called after every release and by
 * the background worker (a new day opens a new wave).
 */
export async function promoteQueue(tx: DbOrTx, kind: DeviceKind): Promise<number> {
  const pools = await lockPools(tx, poolsFor[kind]);
  const main = pools.get(kind)!;
  const notice = kind === "vdi_seat" ? "vdiReady" : kind === "router_4g" ? "routerReserved" : "devicePromoted";
  const path = kind === "router_4g" ? "/connectivity" : "/device";
  let promoted = 0;
  // Under the pools' lock: the next person comes with their contact (one statement), and their
  // mail from the templates rendered once per language (./request-notice), not rendered here.
  while (canReserve(pools, kind)) {
    const [next] = (await tx.execute(sql`
      select a.id, ${contactAddressSql("e")} as address, coalesce(u.locale::text, e.language::text) as locale, e.first_name as "firstName"
        from allocations a join employees e on e.id = a.employee_id left join users u on u.employee_id = e.id
       where a.pool_id = ${main.id} and a.status = 'waiting'
       order by a.priority desc, a.queue_seq
       limit 1`)) as unknown as ({ id: string } & Contact)[];
    if (!next) break;
    await reserve(tx, pools, kind, next.id);
    const mail = draftNotice(next, notice, path, false);
    if (mail) await tx.execute(outboxInsert(mail.message));
    promoted += 1;
  }
  return promoted;
}

/** Chooses how a reserved laptop reaches the person: a collection slot, or shipping home. */
export async function chooseHandover(tx: DbOrTx, employeeId: string, input: HandoverInput): Promise<void> {
  await lockCase(tx, employeeId);
  const allocation = await activeDevice(tx, employeeId);
  if (!allocation || allocation.kind !== "laptop" || allocation.status !== "reserved") throw new ActionError("noReservedLaptop");

  if (input.method === "collect") {
    if (allocation.collection_slot_id === input.slotId) return;
    const [slot] = (await tx.execute(sql`
      update collection_slots set booked = booked + 1
       where id = ${input.slotId} and booked < capacity and starts_at > now() + interval '2 hours'
       returning starts_at, (select name from sites where sites.id = collection_slots.site_id) as site`)) as unknown as { starts_at: string; site: string }[];
    if (!slot) throw new ActionError("slotUnavailable", "slotId");
    if (allocation.collection_slot_id) await tx.execute(sql`update collection_slots set booked = booked - 1 where id = ${allocation.collection_slot_id} and booked > 0`);
    await tx.execute(sql`update allocations set handover_method = 'collect', collection_slot_id = ${input.slotId}, shipping_address = null where id = ${allocation.id}`);
    const when = new Intl.DateTimeFormat("fr-CH", { timeZone: "Europe/Zurich", dateStyle: "short", timeStyle: "short" }).format(new Date(slot.starts_at));
    await notifyEmployee(tx, employeeId, "collectionBooked", { when, site: slot.site }, "/device");
    return;
  }

  const address: ShippingAddress = { street: input.street, postcode: input.postcode, city: input.city };
  if (input.addressExtra) address.addressExtra = input.addressExtra;
  if (input.phone) address.phone = input.phone;
  if (allocation.collection_slot_id) await tx.execute(sql`update collection_slots set booked = booked - 1 where id = ${allocation.collection_slot_id} and booked > 0`);
  await tx.execute(sql`update allocations set handover_method = 'ship', collection_slot_id = null, shipping_address = ${JSON.stringify(address)}::jsonb where id = ${allocation.id}`);
  await notifyEmployee(tx, employeeId, "shippingBooked", { postcode: address.postcode, city: address.city }, "/device");
}

/** Promotes every queue that can move: run by the background worker each minute. */
export async function promoteAllQueues(tx: DbOrTx): Promise<number> {
  let total = 0;
  for (const kind of ["laptop", "vdi_seat", "router_4g"] as const) total += await promoteQueue(tx, kind);
  return total;
}

/**
 * No usable internet at home but 4G coverage: a 4G router from its own pool,
 * under the same stock, queue and wave rules as laptops, shipped home.
 */
export async function requestRouter(tx: DbOrTx, employeeId: string, address: ShippingAddress): Promise<DeviceRequestResult> {
  await lockCase(tx, employeeId);
  const facts = await requestFacts(tx, employeeId, ["router_4g"]);
  if (facts.eligibility !== "eligible") throw new ActionError("notEligible");
  if (facts.existing) return { allocationId: facts.existing.id, status: facts.existing.status, created: false };
  return placeRequest(tx, employeeId, facts.contact, "router_4g", address, { reserved: "routerReserved", path: "/connectivity" });
}

export { activeDevice, queuePosition, queuePositionOf, lockPools, remainingToday };
export type { DeviceKind };

/** IT moves a person to the front of their queue (before everyone without priority) and promotes at once. */
export async function grantQueuePriority(tx: DbOrTx, employeeId: string): Promise<{ promoted: number }> {
  await lockCase(tx, employeeId);
  const seen = await activeDevice(tx, employeeId, ["laptop", "vdi_seat", "router_4g"]);
  if (!seen) throw new ActionError("noDeviceRequest");
  await lockPools(tx, poolsFor[seen.kind]);
  const allocation = (await activeDevice(tx, employeeId, [seen.kind]))!;
  if (allocation.status !== "waiting") throw new ActionError("notWaiting");
  await tx.execute(sql`update allocations set priority = 1 where id = ${allocation.id}`);
  return { promoted: await promoteQueue(tx, allocation.kind) };
}

/**
 * IT or an admin records that a reserved laptop or router has left: collected at the
 * site or shipped. The person is told; a laptop then counts as issued for "ready".
 */
export async function markHandedOver(tx: DbOrTx, allocationId: string): Promise<{ employeeId: string }> {
  const [row] = (await tx.execute(sql`
    update allocations set status = 'issued', issued_at = now()
     where id = ${allocationId} and status = 'reserved' and kind in ('laptop', 'router_4g')
       and (kind = 'router_4g' or handover_method is not null)
     returning employee_id, kind::text, handover_method::text`)) as unknown as { employee_id: string; kind: string; handover_method: string | null }[];
  if (!row) throw new ActionError("notHandedOver");
  await notifyEmployee(tx, row.employee_id, row.handover_method === "collect" ? "deviceCollected" : "deviceShipped", {}, row.kind === "laptop" ? "/token" : "/connectivity");
  return { employeeId: row.employee_id };
}
