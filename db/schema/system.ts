import { integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Fixed-window counters; `key` is a hash, never a raw address or IP. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Small facts about this installation, e.g. when demo data was seeded. */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Settings that admins change at run time (VDI addresses, recommendations…), as JSON by key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The last thing each person sent to each action (a hash) and what it answered:
 * the same content again within the window (a retry, a double click, a second
 * tab) gets the same answer instead of doing the work twice (one ticket message,
 * one timeline event). Only the last submission counts, so A, B, then A again
 * is three real changes.
 */
export const actionReceipts = pgTable(
  "action_receipts",
  {
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    inputHash: text("input_hash").notNull(),
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actor, t.action] })],
);
