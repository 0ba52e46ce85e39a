import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { employees } from "./roster";

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
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.month] }), index("timesheet_months_month_idx").on(t.month, t.status)],
);
