import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

// The crisis dashboard's figures, derived once (lib/admin/rollups.ts). Triggers on the rows the
// figures count (migration 0021) write here in the writing transaction, append-only, so no two
// writers ever wait on the same row; the background worker folds the appended rows into the
// small tables below under one advisory lock. A reader adds what is not folded yet, in the
// same snapshot, so every figure equals a recomputation from the rows at any moment.

/**
 * A change of one figure's count, as a trigger saw it (+1, −1, or a statement's total).
 * figure: 'users', 'tickets_open' (k1 category, at the hour created), 'isp_tests' (k1 provider,
 * k2 verdict, at the hour started), 'queue_in' / 'queue_out' / 'activated' (k1 device kind, at
 * the Zurich day's start).
 */
export const adminRollupDeltas = pgTable("admin_rollup_deltas", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  figure: text("figure").notNull(),
  k1: text("k1"),
  k2: text("k2"),
  /** The start of the bucket (an hour, a Zurich day, or the epoch for figures without time). */
  at: timestamp("at", { withTimezone: true }).notNull(),
  n: integer("n").notNull(),
});

/** The folded counts: one row per figure, keys and bucket. */
export const adminRollups = pgTable(
  "admin_rollups",
  {
    figure: text("figure").notNull(),
    k1: text("k1"),
    k2: text("k2"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [
    unique("admin_rollups_key").on(t.figure, t.k1, t.k2, t.at).nullsNotDistinct(),
    // A window's buckets (the providers' last 7 days), and the emptied keys each fold removes.
    index("admin_rollups_figure_at_idx").on(t.figure, t.at),
    index("admin_rollups_zero_idx").on(t.figure).where(sql`${t.n} = 0`),
  ],
);

/**
 * People whose funnel step may have changed (a trigger on any row the step reads marks them).
 * The funnel step spans six tables, so it cannot be counted from one row's change alone.
 */
export const adminFunnelDirty = pgTable("admin_funnel_dirty", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  employeeId: uuid("employee_id").notNull(),
});

/**
 * Each active person's funnel level when last folded (0 roster … 7 ready) and the group it was
 * counted in. No foreign key: a deleted employee is marked and leaves here at the next fold.
 */
export const adminFunnelPeople = pgTable("admin_funnel_people", {
  employeeId: uuid("employee_id").primaryKey(),
  siteId: uuid("site_id"),
  orgUnitId: uuid("org_unit_id"),
  level: smallint("level").notNull(),
});

/** How many active people of a site and unit are at each level, as of the last fold. */
export const adminFunnelCounts = pgTable(
  "admin_funnel_counts",
  {
    siteId: uuid("site_id"),
    orgUnitId: uuid("org_unit_id"),
    level: smallint("level").notNull(),
    people: integer("people").notNull(),
  },
  (t) => [unique("admin_funnel_counts_key").on(t.siteId, t.orgUnitId, t.level).nullsNotDistinct()],
);
