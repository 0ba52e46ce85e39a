import {
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { employees, languageEnum } from "./roster";

/**
 * Roles beyond `employee`. Every active person on the roster is an employee;
 * these are granted on top. Keyed by employee (not user) so a role can be
 * granted before the person first signs in.
 */
export const staffRoleEnum = pgEnum("staff_role", ["it_agent", "hr", "admin"]);

// Auth.js tables: property names are what @auth/drizzle-adapter expects.
export const users = pgTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").notNull().unique(),
  emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
  image: text("image"),
  employeeId: uuid("employee_id")
    .notNull()
    .unique()
    .references(() => employees.id),
  /** Language chosen with the switcher; wins over the browser's. */
  locale: languageEnum("locale"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  // expires: the dashboard counts the sessions ending within the current hour from it (lib/admin/overview.ts).
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expires)],
);

/** `token` holds a SHA-256 hash of the mailed token, never the token itself. */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const employeeRoles = pgTable(
  "employee_roles",
  {
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    role: staffRoleEnum("role").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    grantedBy: uuid("granted_by").references(() => employees.id),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.role] })],
);
