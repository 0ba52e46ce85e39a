import { sql } from "drizzle-orm";
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { employees } from "./roster";

export const mfaTypeEnum = pgEnum("mfa_type", ["totp", "hardware"]);
export const mfaStatusEnum = pgEnum("mfa_status", ["pending_verification", "active", "revoked"]);

/** Hardware OATH tokens in stock; a serial belongs to one person only. */
export const hardwareTokens = pgTable("hardware_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  serial: text("serial").notNull().unique(),
  /** The token's TOTP seed, AES-256-GCM encrypted. */
  secretEnc: text("secret_enc").notNull(),
  assignedEmployeeId: uuid("assigned_employee_id").references(() => employees.id),
  assignedAt: timestamp("assigned_at", { withTimezone: true }),
});

export const mfaTokens = pgTable(
  "mfa_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    type: mfaTypeEnum("type").notNull(),
    status: mfaStatusEnum("status").notNull(),
    /** TOTP secret (authenticator app), AES-256-GCM encrypted; null for hardware tokens. */
    secretEnc: text("secret_enc"),
    hardwareTokenId: uuid("hardware_token_id").references(() => hardwareTokens.id),
    /** The last accepted 30-second step: a code is accepted once. */
    lastUsedStep: bigint("last_used_step", { mode: "number" }),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mfa_tokens_one_current").on(t.employeeId).where(sql`${t.status} in ('pending_verification', 'active')`),
    index("mfa_tokens_employee_idx").on(t.employeeId, t.createdAt),
  ],
);

/** Shown once, stored as an HMAC: a code proves possession once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    codeHash: text("code_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_employee_idx").on(t.employeeId)],
);
