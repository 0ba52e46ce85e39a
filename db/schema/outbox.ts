import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "dead"]);

/**
 * Every e-mail is written here in the same transaction as the change that
 * causes it; the worker (lib/mail/worker.ts) claims rows with SKIP LOCKED and
 * delivers them with retry and backoff.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull().default("email"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** Links the message carries, for the dev mailbox's JSON. */
    links: jsonb("links").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /**
     * Who holds the lease: a fresh token per claim. Renewing the lease and recording
     * the outcome are conditional on it, so a worker whose lease ran out and was taken
     * over can no longer change the row (fencing).
     */
    claimToken: uuid("claim_token"),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    // The dashboard counts dead mail from this index alone (they are kept for the admin).
    index("outbox_dead_idx").on(t.id).where(sql`${t.status} = 'dead'`),
    // Retention (lib/mail/retention.ts) takes the oldest sent mails in small batches.
    index("outbox_sent_idx").on(t.sentAt).where(sql`${t.status} = 'sent'`),
  ],
);

/** Demo-mode transport: what would have gone out by SMTP lands here. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    outboxId: bigint("outbox_id", { mode: "number" }).notNull().unique(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    links: jsonb("links").$type<string[]>().notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dev_mailbox_to_idx").on(sql`lower(${t.toAddress})`, t.id)],
);
