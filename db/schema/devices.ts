import { sql } from "drizzle-orm";
import { bigserial, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { employees, sites } from "./roster";

export const poolKindEnum = pgEnum("pool_kind", ["laptop", "vdi_seat", "vpn_licence", "hardware_token", "router_4g"]);
export const allocationStatusEnum = pgEnum("allocation_status", ["waiting", "reserved", "issued", "released"]);
export const handoverMethodEnum = pgEnum("handover_method", ["collect", "ship"]);

/**
 * Finite stock. `in_use` counts reserved and issued units and can never pass
 * `capacity` (check constraint): overbooking is impossible even for a buggy caller.
 */
export const resourcePools = pgTable(
  "resource_pools",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: poolKindEnum("kind").notNull().unique(),
    capacity: integer("capacity").notNull(),
    inUse: integer("in_use").notNull().default(0),
    /** Activation wave: how many new units the platform takes per working day (null: no limit). */
    dailyActivationLimit: integer("daily_activation_limit"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("resource_pools_in_use_within_capacity", sql`${t.inUse} >= 0 and ${t.inUse} <= ${t.capacity}`),
    check("resource_pools_daily_limit_positive", sql`${t.dailyActivationLimit} is null or ${t.dailyActivationLimit} > 0`),
  ],
);

/** Activations used per pool and day, counted in the same transaction as each reservation. */
export const activationDays = pgTable(
  "activation_days",
  {
    poolId: uuid("pool_id")
      .notNull()
      .references(() => resourcePools.id),
    day: date("day").notNull(),
    used: integer("used").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.day] }), check("activation_days_used_positive", sql`${t.used} >= 0`)],
);

export const collectionSlots = pgTable(
  "collection_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull().default(0),
  },
  (t) => [
    check("collection_slots_booked_within_capacity", sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
    uniqueIndex("collection_slots_site_start_idx").on(t.siteId, t.startsAt),
  ],
);

export type ShippingAddress = { street: string; postcode: string; city: string; addressExtra?: string; phone?: string };

/**
 * One row per request for a unit. At most one active (waiting, reserved or
 * issued) allocation per employee and kind, enforced by a partial unique index.
 * The queue is FIFO by (priority desc, queue_seq).
 */
export const allocations = pgTable(
  "allocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    poolId: uuid("pool_id")
      .notNull()
      .references(() => resourcePools.id),
    kind: poolKindEnum("kind").notNull(),
    status: allocationStatusEnum("status").notNull(),
    queueSeq: bigserial("queue_seq", { mode: "number" }).notNull(),
    priority: integer("priority").notNull().default(0),
    /** A laptop's VPN licence points at the laptop's allocation and follows it. */
    parentId: uuid("parent_id").references((): AnyPgColumn => allocations.id),
    waveDay: date("wave_day"),
    handoverMethod: handoverMethodEnum("handover_method"),
    collectionSlotId: uuid("collection_slot_id").references(() => collectionSlots.id),
    shippingAddress: jsonb("shipping_address").$type<ShippingAddress>(),
    releaseReason: text("release_reason"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    reservedAt: timestamp("reserved_at", { withTimezone: true }),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    releasedAt: timestamp("released_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("allocations_one_active_per_kind").on(t.employeeId, t.kind).where(sql`${t.status} in ('waiting', 'reserved', 'issued')`),
    index("allocations_queue_idx").on(t.poolId, t.priority, t.queueSeq).where(sql`${t.status} = 'waiting'`),
    index("allocations_employee_idx").on(t.employeeId),
    check("allocations_handover_consistent", sql`(${t.handoverMethod} is null) or (${t.handoverMethod} = 'collect' and ${t.collectionSlotId} is not null) or (${t.handoverMethod} = 'ship' and ${t.shippingAddress} is not null)`),
  ],
);

export const deliveryStatusEnum = pgEnum("delivery_status", ["planned", "arrived", "cancelled"]);

/**
 * A delivery IT waits for: how many units of a pool should arrive on which day. Queued people
 * get their dates from it (lib/devices/forecast.ts). Moved or cancelled as plans change; once it
 * arrives, it becomes the pool's "N arrived" (capacity grows, the queue head is served) and stays
 * as a record. `reference`: the supplier's line from a delivery-plan import, so importing the same
 * plan again updates its lines instead of adding them twice.
 */
export const plannedDeliveries = pgTable(
  "planned_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    poolId: uuid("pool_id")
      .notNull()
      .references(() => resourcePools.id),
    expectedOn: date("expected_on").notNull(),
    quantity: integer("quantity").notNull(),
    reference: text("reference"),
    status: deliveryStatusEnum("status").notNull().default("planned"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => employees.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    arrivedAt: timestamp("arrived_at", { withTimezone: true }),
  },
  (t) => [
    check("planned_deliveries_quantity_positive", sql`${t.quantity} > 0 and ${t.quantity} <= 100000`),
    index("planned_deliveries_pool_idx").on(t.poolId, t.expectedOn).where(sql`${t.status} = 'planned'`),
    uniqueIndex("planned_deliveries_reference_idx").on(t.poolId, t.reference).where(sql`${t.reference} is not null`),
  ],
);
