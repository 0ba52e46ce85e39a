import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

export const languageEnum = pgEnum("language", ["fr", "de", "en"]);

export const contractTypeEnum = pgEnum("contract_type", [
  "permanent",
  "fixed_term",
  "apprentice",
  "on_call",
  "temporary",
]);

export const sites = pgTable("sites", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  canton: text("canton").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const orgUnits = pgTable("org_units", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  parentId: uuid("parent_id").references((): AnyPgColumn => orgUnits.id),
  /** The unit's short-time-work authorisation (the cantonal office decides per unit); null: the company setting. */
  rhtAuthorizedFrom: date("rht_authorized_from"),
  rhtAuthorizedUntil: date("rht_authorized_until"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The HR roster. Only active employees may sign in. `avsNumber` and `birthDate`
 * are HR-only: never selected outside HR views, never logged.
 */
export const employees = pgTable(
  "employees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    workEmail: text("work_email"),
    privateEmail: text("private_email"),
    /**
     * Where mail to the person goes: one of the two addresses on file. Set to the address they
     * signed in with unless they chose one on the status page (`contactEmailChosenAt`); null
     * until the first sign-in (mail then goes to the work address, else the private one).
     */
    contactEmail: text("contact_email"),
    contactEmailChosenAt: timestamp("contact_email_chosen_at", { withTimezone: true }),
    /** Optional phone from the roster import (E.164, e.g. +41791234567); staff and the person only. */
    phone: text("phone"),
    orgUnitId: uuid("org_unit_id").references(() => orgUnits.id),
    siteId: uuid("site_id").references(() => sites.id),
    jobFamily: text("job_family").notNull(),
    contractType: contractTypeEnum("contract_type").notNull().default("permanent"),
    /** Percent of a full-time position, 1..100. */
    employmentRate: integer("employment_rate").notNull().default(100),
    /** Contractual weekly hours of a full-time position, in minutes (42 h = 2520). */
    weeklyMinutes: integer("weekly_minutes").notNull().default(2520),
    language: languageEnum("language").notNull().default("fr"),
    managerId: uuid("manager_id").references((): AnyPgColumn => employees.id),
    avsNumber: text("avs_number"),
    birthDate: date("birth_date"),
    /** Monthly AVS wage in centimes (HR-only), for the RHT declaration. */
    avsMonthlyWageCents: integer("avs_monthly_wage_cents"),
    /** Notice given (by either side): excluded from short-time work. */
    noticeGiven: boolean("notice_given").notNull().default(false),
    /** Contract start and end; days outside are not planned (mid-month entry or exit). */
    employedFrom: date("employed_from"),
    employedUntil: date("employed_until"),
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Addresses are matched case-insensitively; one address names one person.
    uniqueIndex("employees_work_email_lower_idx").on(sql`lower(${t.workEmail})`),
    uniqueIndex("employees_private_email_lower_idx").on(sql`lower(${t.privateEmail})`),
    index("employees_org_unit_idx").on(t.orgUnitId),
    index("employees_site_idx").on(t.siteId),
    check("employees_employment_rate_check", sql`${t.employmentRate} between 1 and 100`),
    check("employees_weekly_minutes_check", sql`${t.weeklyMinutes} between 1 and 3600`),
    check("employees_avs_wage_check", sql`${t.avsMonthlyWageCents} >= 0`),
  ],
);

/** Days an employee volunteers to work on site ("reservists"), for the crisis cell's on-site roster. */
export const onsiteVolunteers = pgTable(
  "onsite_volunteers",
  {
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    day: date("day").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.day] }), index("onsite_volunteers_day_idx").on(t.day)],
);

export const waveStatusEnum = pgEnum("wave_status", ["active", "paused", "done"]);

/**
 * An invitation wave: people of a site and/or org unit are invited by e-mail, `perDay`
 * a day, with the wave's text in each language ({firstName} and {link} are filled in).
 */
export const invitationWaves = pgTable(
  "invitation_waves",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    siteId: uuid("site_id").references(() => sites.id),
    orgUnitId: uuid("org_unit_id").references(() => orgUnits.id),
    perDay: integer("per_day").notNull(),
    template: jsonb("template").$type<Record<"fr" | "de" | "en", { subject: string; body: string }>>().notNull(),
    status: waveStatusEnum("status").notNull().default("active"),
    createdBy: uuid("created_by").references(() => employees.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("invitation_waves_per_day_positive", sql`${t.perDay} > 0`)],
);

/** Who was invited, by which wave and when: one invitation per person, whatever the waves. */
export const invitations = pgTable(
  "invitations",
  {
    employeeId: uuid("employee_id")
      .primaryKey()
      .references(() => employees.id),
    waveId: uuid("wave_id")
      .notNull()
      .references(() => invitationWaves.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    /** The wave's day (Zurich), for the daily count. */
    day: date("day").notNull(),
  },
  (t) => [index("invitations_wave_day_idx").on(t.waveId, t.day)],
);
