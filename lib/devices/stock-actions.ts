"use server";

import { defineAction } from "@/lib/auth/action";
import { stockArrival, updatePool } from "./pool-admin";
import { markHandedOver } from "./service";
import { addSlot, setSlotCapacity } from "./slots";
import { arrivalSchema, handoverDoneSchema, poolSchema, slotCapacitySchema, slotSchema } from "./stock-schema";

const setPool = defineAction({
  name: "pool.update",
  schema: poolSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => updatePool(tx, i.kind, { capacity: i.capacity, dailyLimit: i.dailyLimit, version: i.version, confirmed: i.confirmed }),
  audit: (i, r) => ({ action: "pool.update", targetType: "pool", targetId: i.kind, details: { capacity: i.capacity, dailyLimit: i.dailyLimit, promoted: r.promoted } }),
});

const arrival = defineAction({
  name: "pool.arrival",
  schema: arrivalSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => stockArrival(tx, i.kind, i.count, i.confirmed),
  audit: (i, r) => ({ action: "pool.arrival", targetType: "pool", targetId: i.kind, details: { count: i.count, capacity: r.capacity, promoted: r.promoted } }),
});

const handedOver = defineAction({
  name: "allocation.handed_over",
  schema: handoverDoneSchema,
  access: { roles: ["admin", "it_agent"] },
  handler: (i, { tx }) => markHandedOver(tx, i.allocationId),
  audit: (i, r) => ({ action: "allocation.handed_over", targetType: "employee", targetId: r.employeeId, details: { allocationId: i.allocationId } }),
});

const newSlot = defineAction({
  name: "slot.add",
  schema: slotSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => addSlot(tx, i),
  audit: (i, r) => ({ action: "slot.add", targetType: "collection_slot", targetId: r.id, details: { siteId: i.siteId, day: i.day, start: i.start, end: i.end, capacity: i.capacity } }),
});

const slotCapacity = defineAction({
  name: "slot.capacity",
  schema: slotCapacitySchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => setSlotCapacity(tx, i.slotId, i.capacity, i.version, i.confirmed),
  audit: (i) => ({ action: "slot.capacity", targetType: "collection_slot", targetId: i.slotId, details: { capacity: i.capacity } }),
});

export async function addSlotAction(input: unknown) {
  return newSlot(input as never);
}
export async function setSlotCapacityAction(input: unknown) {
  return slotCapacity(input as never);
}
export async function updatePoolAction(input: unknown) {
  return setPool(input as never);
}
export async function stockArrivalAction(input: unknown) {
  return arrival(input as never);
}
export async function markHandedOverAction(input: unknown) {
  return handedOver(input as never);
}
