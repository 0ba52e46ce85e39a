import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { employees } from "./roster";

// Step states from DESIGN.md. Only what no other table knows is stored here:
// the device step is derived from `allocations`, the token step from `mfa_tokens`
// (lib/onboarding/queries.ts), so nothing is stored twice.
export const eligibilityStatusEnum = pgEnum("eligibility_status", ["pending", "eligible", "not_eligible", "review"]);
export const connectivityStatusEnum = pgEnum("connectivity_status", [
  "not_tested",
  "good",
  "limited",
  "udp_blocked",
  // The browser could not test UDP: the SSL profile works regardless.
  "udp_untested",
  "gateway_unreachable",
  "offline",
  "no_internet",
  "router_requested",
]);

export type LocalizedText = { fr: string; de: string; en: string };

export const onboardingCases = pgTable("onboarding_cases", {
  id: uuid("id").primaryKey().defaultRandom(),
  employeeId: uuid("employee_id")
    .notNull()
    .unique()
    .references(() => employees.id, { onDelete: "cascade" }),
  eligibility: eligibilityStatusEnum("eligibility").notNull().default("pending"),
  eligibilityAnswers: jsonb("eligibility_answers").$type<Record<string, unknown>>(),
  /** The deciding rule's id and its reason in plain words, as written in the rule version used. */
  eligibilityRuleId: text("eligibility_rule_id"),
  eligibilityReason: jsonb("eligibility_reason").$type<LocalizedText>(),
  eligibilityRulesVersion: integer("eligibility_rules_version"),
  eligibilityDecidedAt: timestamp("eligibility_decided_at", { withTimezone: true }),
  connectivity: connectivityStatusEnum("connectivity").notNull().default("not_tested"),
  readyAt: timestamp("ready_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Eligibility rules are data: versioned, exactly one version active. */
export const eligibilityRuleSets = pgTable(
  "eligibility_rule_sets",
  {
    id: serial("id").primaryKey(),
    version: integer("version").notNull().unique(),
    rules: jsonb("rules").notNull(),
    active: boolean("active").notNull().default(false),
    createdBy: uuid("created_by").references(() => employees.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("eligibility_rule_sets_one_active").on(t.active).where(sql`${t.active}`), index("eligibility_rule_sets_version_idx").on(t.version)],
);
