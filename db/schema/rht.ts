import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { employees, orgUnits } from "./roster";

/** Public holidays per canton ("CH" for the whole country). */
export const publicHolidays = pgTable(
  "public_holidays",
  {
    canton: text("canton").notNull(),
    day: date("day").notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.canton, t.day] })],
);

/** One row per employee and day, in whole minutes; kept five years (Art. 46b OACI). */
export const timesheetDays = pgTable(
  "timesheet_days",
  {
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    day: date("day").notNull(),
    plannedMinutes: integer("planned_minutes").notNull(),
    workedMinutes: integer("worked_minutes").notNull().default(0),
    /** Minutes by absence kind (holiday, public_holiday, sickness, accident, service, other_paid, unpaid). */
    absences: jsonb("absences").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    overtimeMarked: boolean("overtime_marked").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.employeeId, t.day] }),
    check("timesheet_days_bounds", sql`${t.plannedMinutes} between 0 and 1440 and ${t.workedMinutes} between 0 and 1440`),
  ],
);

export const timesheetMonthStatusEnum = pgEnum("timesheet_month_status", ["draft", "submitted", "approved", "locked"]);

export const timesheetMonths = pgTable(
  "timesheet_months",
  {
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    month: date("month").notNull(),
    status: timesheetMonthStatusEnum("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The figures declared, frozen when the period is locked (and at each correction). */
    figures: jsonb("figures"),
    /** Locked versions so far (0 until locked). */
    version: integer("version").notNull().default(0),
    /** When HR last imported days into this month (HR may submit imported months for a whole unit). */
    importedAt: timestamp("imported_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.month] }), index("timesheet_months_month_idx").on(t.month, t.status)],
);

export const rhtPeriodStatusEnum = pgEnum("rht_period_status", ["approved", "locked"]);

/**
 * HR's decision on an org unit's month. No row means "open". Locking freezes the
 * settings used (`settings`) and the unit's threshold figures (`unitFigures`).
 */
export const rhtPeriods = pgTable(
  "rht_periods",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    month: date("month").notNull(),
    status: rhtPeriodStatusEnum("status").notNull(),
    approvedBy: uuid("approved_by").references(() => employees.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    lockedBy: uuid("locked_by").references(() => employees.id),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    settings: jsonb("settings"),
    unitFigures: jsonb("unit_figures"),
  },
  (t) => [primaryKey({ columns: [t.orgUnitId, t.month] })],
);

/**
 * Every locked state of an employee's month: version 1 at lock, one more per
 * correction (with its reason). Old versions stay readable; rows are never changed.
 */
export const timesheetVersions = pgTable(
  "timesheet_versions",
  {
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    month: date("month").notNull(),
    version: integer("version").notNull(),
    days: jsonb("days").notNull(),
    figures: jsonb("figures").notNull(),
    reason: text("reason"),
    createdBy: uuid("created_by").references(() => employees.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.month, t.version] })],
);

/**
 * Each employee's overtime / flextime balance at the start of short-time work, imported
 * from the time system: the first month's running balance starts from it (RHT-RULES.md,
 * Decisions: balances are used once). One row per employee; a new import replaces it.
 */
export const rhtOvertimeOpenings = pgTable(
  "rht_overtime_openings",
  {
    employeeId: uuid("employee_id")
      .primaryKey()
      .references(() => employees.id),
    /** First day of the month the balance is carried into. */
    month: date("month").notNull(),
    minutes: integer("minutes").notNull(),
    importedBy: uuid("imported_by").references(() => employees.id),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("rht_overtime_openings_bounds", sql`${t.minutes} between -100000 and 100000`)],
);

/**
 * How many times the rows behind RHT figures changed, per unit (`scope` = its id) and for
 * everything (`scope` = 'all': settings, public holidays, sites). Triggers bump these in the
 * writing transaction (migration 0016); both only grow, so their sum names a state.
 */
export const rhtGenerations = pgTable("rht_generations", {
  scope: text("scope").primaryKey(),
  generation: integer("generation").notNull().default(0),
});

/**
 * HR's month per unit, derived from the rows and cached: `review` is valid while
 * `generation` equals the unit's generation plus the global one. A review is computed in
 * one snapshot with the generation it read, so it is never served after a change it does not include.
 */
export const rhtUnitMonths = pgTable(
  "rht_unit_months",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    generation: integer("generation").notNull(),
    review: jsonb("review").notNull(),
    /**
     * Each person's figures of that review, in the declaration's order (`[{ id, f }]`): the
     * declaration's summary reads them instead of recomputing the month from its days. Null on
     * rows kept before the column existed: those are computed again.
     */
    people: jsonb("people"),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgUnitId, t.month] })],
);
