import { pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { employees } from "./roster";

// Step states from DESIGN.md. The case's overall stage is derived from these
// (lib/onboarding/rules.ts), never stored twice.
export const eligibilityStatusEnum = pgEnum("eligibility_status", [
  "pending",
  "eligible",
  "not_eligible",
  "review",
]);
export const deviceStatusEnum = pgEnum("device_status", [
  "none",
  "waiting",
  "reserved",
  "issued",
  "cancelled",
]);
export const tokenStatusEnum = pgEnum("token_status", [
  "none",
  "pending_verification",
  "active",
  "locked",
  "reset",
]);
export const connectivityStatusEnum = pgEnum("connectivity_status", [
  "not_tested",
  "good",
  "limited",
  "udp_blocked",
  "gateway_unreachable",
  "offline",
  "no_internet",
  "router_requested",
]);
export const devicePathEnum = pgEnum("device_path", ["laptop", "vdi"]);

export const onboardingCases = pgTable("onboarding_cases", {
  id: uuid("id").primaryKey().defaultRandom(),
  employeeId: uuid("employee_id")
    .notNull()
    .unique()
    .references(() => employees.id, { onDelete: "cascade" }),
  eligibility: eligibilityStatusEnum("eligibility").notNull().default("pending"),
  eligibilityReason: text("eligibility_reason"),
  device: deviceStatusEnum("device").notNull().default("none"),
  path: devicePathEnum("path"),
  token: tokenStatusEnum("token").notNull().default("none"),
  connectivity: connectivityStatusEnum("connectivity").notNull().default("not_tested"),
  readyAt: timestamp("ready_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
