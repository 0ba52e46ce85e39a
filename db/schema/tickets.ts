import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
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
export const incidentStatusEnum = pgEnum("incident_status", ["open", "resolved"]);

/** One cause, many people: tickets grouped so one answer reaches all of them. */
export const incidents = pgTable("incidents", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  category: text("category").notNull(),
  isp: text("isp"),
  status: incidentStatusEnum("status").notNull().default("open"),
  createdBy: uuid("created_by").references(() => employees.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
});

const openTicket = sql`status not in ('resolved', 'closed')`;

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
    /** "How can IT reach you": the phone the person gave on the form (E.164); staff and the person only. */
    contactPhone: text("contact_phone"),
    /**
     * The person's site and unit, copied by triggers (migration 0020) when the ticket is written
     * and whenever the roster moves the person: the queue filters by them in index order. No
     * foreign key: a copy of employees' own, which are checked there.
     */
    siteId: uuid("site_id"),
    orgUnitId: uuid("org_unit_id"),
    assigneeEmployeeId: uuid("assignee_employee_id").references(() => employees.id),
    incidentId: uuid("incident_id").references((): AnyPgColumn => incidents.id),
    /** Optimistic concurrency: every change bumps it; a stale form is refused. */
    version: integer("version").notNull().default(1),
    slaDueAt: timestamp("sla_due_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The queue's first sort key, kept by PostgreSQL: 0 = urgent … 3 = low. Ascending like the
     * other two (sla_due_at, number), so one btree serves the order and the keyset's row comparison.
     */
    queueRank: smallint("queue_rank")
      .notNull()
      .generatedAlwaysAs(sql`case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("tickets_one_open_per_category").on(t.employeeId, t.category).where(sql`${t.status} not in ('resolved', 'closed')`),
    index("tickets_status_idx").on(t.status, t.priority, t.createdAt),
    // The queue's order and keyset (lib/triage/queue.ts), for the default view and its common filters:
    // each index ends in exactly the ORDER BY, so a page is read in index order and stops at its LIMIT.
    index("tickets_queue_open_idx").on(t.queueRank, t.slaDueAt, t.number).where(openTicket),
    index("tickets_queue_status_idx").on(t.status, t.queueRank, t.slaDueAt, t.number),
    index("tickets_queue_category_idx").on(t.category, t.queueRank, t.slaDueAt, t.number).where(openTicket),
    index("tickets_queue_assignee_idx").on(t.assigneeEmployeeId, t.queueRank, t.slaDueAt, t.number).where(openTicket),
    index("tickets_queue_site_idx").on(t.siteId, t.queueRank, t.slaDueAt, t.number).where(openTicket),
    index("tickets_queue_org_unit_idx").on(t.orgUnitId, t.queueRank, t.slaDueAt, t.number).where(openTicket),
    // The queue's overdue count (now() moves, so it is counted, not kept): only tickets waiting for IT.
    index("tickets_overdue_idx").on(t.slaDueAt).where(sql`status in ('new', 'in_progress')`),
    // HR's count of open reviews past due (lib/eligibility/review-decision.ts), the same way.
    index("tickets_review_due_idx").on(t.slaDueAt).where(sql`category = 'eligibility_review' and status not in ('resolved', 'closed')`),
    // The dashboard's open tickets by age (lib/admin/dashboard.ts) read the two hours at its windows'
    // edges from here, without visiting the tickets (an index-only scan).
    index("tickets_open_created_idx").on(t.createdAt, t.category).where(openTicket),
    index("tickets_assignee_idx").on(t.assigneeEmployeeId),
    index("tickets_incident_idx").on(t.incidentId),
    index("tickets_employee_idx").on(t.employeeId),
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

/** Bulk operations already applied: a double click or a retry runs nothing twice. */
export const bulkOperations = pgTable("bulk_operations", {
  id: uuid("id").primaryKey(),
  kind: text("kind").notNull(),
  actorEmployeeId: uuid("actor_employee_id").references(() => employees.id),
  result: jsonb("result").$type<Record<string, unknown>>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The queue's counts per category and status, appended by triggers on tickets in the writing
 * transaction (migration 0019): +1 for a ticket's new pair, −1 for its old one. Summed when read,
 * folded into one row per pair now and then (lib/triage/counts.ts). Append-only, so a long
 * transaction never holds a counter other writers wait for.
 */
export const ticketTallies = pgTable("ticket_tallies", {
  category: ticketCategoryEnum("category").notNull(),
  status: ticketStatusEnum("status").notNull(),
  n: integer("n").notNull(),
});
