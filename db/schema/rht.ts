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
