"use server";

import { defineAction } from "@/lib/auth/action";
import { previewDelivery, previewPool } from "@/lib/admin/forecast-preview";
import { cancelDelivery, deliveryArrived, moveDelivery, planDelivery } from "./deliveries";
import { stockArrival, updatePool } from "./pool-admin";
import { markHandedOver } from "./service";
import { addSlot, setSlotCapacity } from "./slots";
import { arrivalSchema, deliveryMoveSchema, deliveryPreviewSchema, deliveryRefSchema, deliverySchema, poolPreviewSchema, handoverDoneSchema, poolSchema, slotCapacitySchema, slotSchema } from "./stock-schema";

const setPool = defineAction({
  name: "pool.update",
  refreshesPage: true,
  schema: poolSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => updatePool(tx, i.kind, { capacity: i.capacity, dailyLimit: i.dailyLimit, version: i.version, confirmed: i.confirmed }),
  audit: (i, r) => ({ action: "pool.update", targetType: "pool", targetId: i.kind, details: { capacity: i.capacity, dailyLimit: i.dailyLimit, promoted: r.promoted } }),
});

const arrival = defineAction({
  name: "pool.arrival",
  refreshesPage: true,
  schema: arrivalSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => stockArrival(tx, i.kind, i.count, i.confirmed),
  audit: (i, r) => ({ action: "pool.arrival", targetType: "pool", targetId: i.kind, details: { count: i.count, capacity: r.capacity, promoted: r.promoted } }),
});

const handedOver = defineAction({
  name: "allocation.handed_over",
  refreshesPage: true,
  schema: handoverDoneSchema,
  access: { roles: ["admin", "it_agent"] },
  handler: (i, { tx }) => markHandedOver(tx, i.allocationId),
  audit: (i, r) => ({ action: "allocation.handed_over", targetType: "employee", targetId: r.employeeId, details: { allocationId: i.allocationId } }),
});

const newSlot = defineAction({
  name: "slot.add",
  refreshesPage: true,
  schema: slotSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => addSlot(tx, i),
  audit: (i, r) => ({ action: "slot.add", targetType: "collection_slot", targetId: r.id, details: { siteId: i.siteId, day: i.day, start: i.start, end: i.end, capacity: i.capacity } }),
});

const slotCapacity = defineAction({
  name: "slot.capacity",
  refreshesPage: true,
  schema: slotCapacitySchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => setSlotCapacity(tx, i.slotId, i.capacity, i.version, i.confirmed),
  audit: (i) => ({ action: "slot.capacity", targetType: "collection_slot", targetId: i.slotId, details: { capacity: i.capacity } }),
});

const plan = defineAction({
  name: "delivery.plan",
  refreshesPage: true,
  schema: deliverySchema,
  access: { roles: ["admin"] },
  handler: (i, { person, tx }) => planDelivery(tx, person!.employeeId, i),
  audit: (i, r) => ({ action: "delivery.plan", targetType: "planned_delivery", targetId: r.id, details: { kind: i.kind, expectedOn: i.expectedOn, quantity: i.quantity, mailed: r.mailed } }),
});

// Reads only: the forecast with the delivery as typed, before saving. Not audited (nothing changes).
const preview = defineAction({
  name: "delivery.preview",
  schema: deliveryPreviewSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => previewDelivery(tx, i),
  audit: () => null,
});

const previewWave = defineAction({
  name: "pool.preview",
  schema: poolPreviewSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => previewPool(tx, i),
  audit: () => null,
});

const move = defineAction({
  name: "delivery.move",
  refreshesPage: true,
  schema: deliveryMoveSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => moveDelivery(tx, i),
  audit: (i, r) => ({ action: "delivery.move", targetType: "planned_delivery", targetId: i.id, details: { before: r.before, expectedOn: i.expectedOn, quantity: i.quantity, mailed: r.mailed } }),
});

const cancel = defineAction({
  name: "delivery.cancel",
  refreshesPage: true,
  schema: deliveryRefSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => cancelDelivery(tx, i),
  audit: (i, r) => ({ action: "delivery.cancel", targetType: "planned_delivery", targetId: i.id, details: { before: r.before, mailed: r.mailed } }),
});

const arrived = defineAction({
  name: "delivery.arrived",
  refreshesPage: true,
  schema: deliveryRefSchema,
  access: { roles: ["admin"] },
  handler: (i, { tx }) => deliveryArrived(tx, i),
  audit: (i, r) => ({ action: "delivery.arrived", targetType: "planned_delivery", targetId: i.id, details: { quantity: r.quantity, capacity: r.capacity, promoted: r.promoted } }),
});

export async function planDeliveryAction(input: unknown) {
  return plan(input as never);
}
export async function previewDeliveryAction(input: unknown) {
  return preview(input as never);
}

export async function previewPoolAction(input: unknown) {
  return previewWave(input as never);
}

export async function moveDeliveryAction(input: unknown) {
  return move(input as never);
}
export async function cancelDeliveryAction(input: unknown) {
  return cancel(input as never);
}
export async function deliveryArrivedAction(input: unknown) {
  return arrived(input as never);
}
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
