import { sql } from "drizzle-orm";
import { bigserial, boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { employees } from "./roster";

export const ticketCategoryEnum = pgEnum("ticket_category", [
  "eligibility_review",
  "token_problem",
  "no_connectivity",
  "vpn_blocked",
  "gateway_unreachable",
  "device_problem",
  "help_request",
]);
export const ticketStatusEnum = pgEnum("ticket_status", ["new", "in_progress", "waiting_for_employee", "resolved", "closed"]);
export const ticketPriorityEnum = pgEnum("ticket_priority", ["low", "normal", "high", "urgent"]);

/**
 * What the portal could not solve. One open ticket per employee and category
 * (partial unique index): raising the same problem again updates it.
 */
export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigserial("number", { mode: "number" }).notNull().unique(),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    category: ticketCategoryEnum("category").notNull(),
    status: ticketStatusEnum("status").notNull().default("new"),
    priority: ticketPriorityEnum("priority").notNull().default("normal"),
    summary: text("summary").notNull(),
    /** The case as the portal knew it when the ticket was raised or last updated. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    assigneeEmployeeId: uuid("assignee_employee_id").references(() => employees.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("tickets_one_open_per_category").on(t.employeeId, t.category).where(sql`${t.status} not in ('resolved', 'closed')`),
    index("tickets_status_idx").on(t.status, t.priority, t.createdAt),
  ],
);

export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorEmployeeId: uuid("actor_employee_id").references(() => employees.id),
    kind: text("kind").notNull(),
    public: boolean("public").notNull().default(false),
    body: text("body"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("ticket_events_ticket_idx").on(t.ticketId, t.at)],
);
