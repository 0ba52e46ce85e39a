import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { ticketCategoryEnum } from "@/db/schema/tickets";
import { db } from "@/lib/db";
import { isCalendarDate } from "@/lib/http/fields";
import { firstWords, providerName } from "./incident-text";
import type { TicketStatus } from "./rules";

// The queue's order is (queue_rank, sla_due_at, number), all ascending: queue_rank is a stored
// column (0 = urgent … 3 = low), so one btree serves both the ORDER BY and the keyset's row
// comparison as an index condition. tickets_queue_open_idx (open tickets), tickets_queue_status_idx
// (one status), tickets_queue_category_idx, tickets_queue_assignee_idx, tickets_queue_site_idx and
// tickets_queue_org_unit_idx (open, by category, assignee, site or unit) end in exactly these columns: every view reads its page in index order and stops.

export type QueueFilters = {
  category?: string;
  status?: "open" | TicketStatus;
  priority?: string;
  site?: string;
  orgUnit?: string;
  assignee?: "me" | "unassigned";
  incident?: string;
  q?: string;
};

export type QueueRow = {
  number: number;
  category: string;
  priority: "low" | "normal" | "high" | "urgent";
  status: TicketStatus;
  createdAt: Date;
  slaDueAt: Date;
  employeeName: string;
  employeeNumber: string;
  site: string | null;
  orgUnit: string | null;
  assignee: string | null;
  incident: string | null;
  /** How to call the person, on no-connectivity tickets only (the form's phone, else the roster's): staff pages only. */
  phone: string | null;
  version: number;
  /** The first line of the person's first message (cut near 100 characters), null when they wrote nothing. */
  firstWords: string | null;
  /** The internet provider of the ticket's self-test as people read it ("Salt"), null without a test or provider. */
  provider: string | null;
  /** That test's verdict code ("udp_blocked"), translated by the page. */
  verdict: string | null;
  /** The person answered after IT's last public reply: the ticket waits for IT again. */
  newReply: boolean;
};

/** The cursor's rank as pages wrote it: 3 = urgent … 0 = low (queue_rank is 3 minus it). */
const priorityRank = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
type Cursor = { p: number; s: string; n: number };

/** `sla`: the due time to the microsecond, as PostgreSQL keeps it (a Date's milliseconds would repeat rows on the next page). */
function encodeCursor(row: QueueRow, sla: string): string {
  return Buffer.from(JSON.stringify({ p: priorityRank[row.priority], s: sla, n: row.number })).toString("base64url");
}

const isIsoInstant = (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(s) && isCalendarDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s));

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    // Only what this page wrote: a rank 0–3, a ticket number, an ISO instant (PostgreSQL would refuse anything else).
    const valid = [0, 1, 2, 3].includes(value.p) && Number.isSafeInteger(value.n) && value.n > 0 && typeof value.s === "string" && isIsoInstant(value.s);
    return valid ? value : null;
  } catch {
    return null;
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const categories: readonly string[] = ticketCategoryEnum.enumValues;
const openStatuses: readonly string[] = ["new", "in_progress", "waiting_for_employee"];
const order = { asc: sql`t.queue_rank, t.sla_due_at, t.number`, desc: sql`t.queue_rank desc, t.sla_due_at desc, t.number desc` };

/** A ticket number as typed: digits within bigint's range, else null. */
function ticketNumber(digits: string): number | null {
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}

/** The filters other than the search, on tickets `t` alone. Literal open-status predicates, so the partial indexes apply in generic plans too. */
function filtersSql(filters: QueueFilters, agentId: string): SQL {
  const parts: SQL[] = [];
  if (!filters.status || filters.status === "open") parts.push(sql`t.status not in ('resolved', 'closed')`);
  else if (openStatuses.includes(filters.status)) parts.push(sql`t.status = ${filters.status}::ticket_status and t.status not in ('resolved', 'closed')`);
  else parts.push(sql`t.status = ${filters.status}::ticket_status`);
  // Compared as the column's own type (a cast of the column would hide it from its index); unknown values match nothing.
  if (filters.category) parts.push(categories.includes(filters.category) ? sql`t.category = ${filters.category}::ticket_category` : sql`false`);
  // A range of one value rather than "=": with "=", PostgreSQL drops queue_rank from the page's known
  // order and sorts the page again; the index reads the same entries either way.
  const rank = filters.priority && filters.priority in priorityRank ? 3 - priorityRank[filters.priority as "low"] : null;
  if (filters.priority) parts.push(rank === null ? sql`false` : sql`t.queue_rank between ${rank}::smallint and ${rank}::smallint`);
  // The person's site and unit as copied onto the ticket (migration 0020): in index order, like the others.
  if (filters.site && uuidPattern.test(filters.site)) parts.push(sql`t.site_id = ${filters.site}`);
  if (filters.orgUnit && uuidPattern.test(filters.orgUnit)) parts.push(sql`t.org_unit_id = ${filters.orgUnit}`);
  if (filters.assignee === "me") parts.push(sql`t.assignee_employee_id = ${agentId}`);
  if (filters.assignee === "unassigned") parts.push(sql`t.assignee_employee_id is null`);
  if (filters.incident && uuidPattern.test(filters.incident)) parts.push(sql`t.incident_id = ${filters.incident}`);
  return sql.join(parts, sql` and `);
}

/**
 * The search as alternatives, each one a condition the planner can serve by an index: "#20" is
 * ticket 20 only; other text matches the person (number, either address, or part of "first last" /
 * "last first" through the trigram index employees_name_trgm_idx), and digits also ticket 20.
 * Alternatives rather than one OR: an OR across tickets and a subquery hides both from their indexes.
 */
function searchAlternatives(raw: string | undefined): SQL[] | null {
  const q = raw?.trim().slice(0, 100);
  if (!q) return null;
  const hashed = q.match(/^#\s*(\d*)$/);
  if (hashed) {
    const n = ticketNumber(hashed[1]);
    return [n === null ? sql`false` : sql`t.number = ${n}`];
  }
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // The index's expression "first last first" holds both orders; the exact test follows it.
  const person = sql`t.employee_id in (select x.id from employees x
    where x.number = ${q} or lower(x.work_email) = lower(${q}) or lower(x.private_email) = lower(${q})
       or ((x.first_name || ' ' || x.last_name || ' ' || x.first_name) ilike ${like}
           and ((x.first_name || ' ' || x.last_name) ilike ${like} or (x.last_name || ' ' || x.first_name) ilike ${like})))`;
  const n = /^\d+$/.test(q) ? ticketNumber(q) : null;
  return n === null ? [person] : [person, sql`t.number = ${n}`];
}

/**
 * The keys (id, queue_rank, sla_due_at, number) of up to `limit` tickets of the filter, in the
 * queue's order or its reverse, beyond `bound` (a row comparison on the three order columns).
 */
function keysSql(filters: QueueFilters, agentId: string, bound: SQL | null, direction: "asc" | "desc", limit: number): SQL {
  const base = filtersSql(filters, agentId);
  const branch = (search: SQL | null) => sql`(select t.id, t.queue_rank, t.sla_due_at, t.number
      from tickets t
     where ${base}${search ? sql` and ${search}` : sql``}${bound ? sql` and ${bound}` : sql``}
     order by ${order[direction]} limit ${limit})`;
  const alternatives = searchAlternatives(filters.q);
  if (!alternatives) return branch(null);
  if (alternatives.length === 1) return branch(alternatives[0]);
  // A ticket both alternatives find appears once (union); each branch stops at its own limit.
  return sql`select * from (${sql.join(alternatives.map(branch), sql` union `)}) t order by ${order[direction]} limit ${limit}`;
}

/**
 * One page of the queue, most urgent first then by SLA due time. Keyset
 * pagination (no OFFSET), so the hundredth page is as fast as the first.
 */
export async function listQueue(filters: QueueFilters, agentId: string, cursorRaw?: string, limit = 50): Promise<{ rows: QueueRow[]; next: string | null }> {
  const cursor = decodeCursor(cursorRaw);
  const after = cursor ? sql`(t.queue_rank, t.sla_due_at, t.number) > (${3 - cursor.p}::smallint, ${cursor.s}::timestamptz, ${cursor.n}::bigint)` : null;
  // The page's keys come first (index order, LIMIT), then each of its rows reads its details and,
  // in one LATERAL pass, its events: 50 rows, whatever the queue's size.
  const rows = (await db().execute(sql`
    with hits as (${keysSql(filters, agentId, after, "asc", limit + 1)})
    select t.number::int, t.category, to_char(t.sla_due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "slaKey", t.priority, t.status, t.created_at as "createdAt", t.sla_due_at as "slaDueAt", t.version,
           e.first_name || ' ' || e.last_name as "employeeName", e.number as "employeeNumber",
           s.name as site, o.name as "orgUnit", a.first_name || ' ' || a.last_name as assignee, i.title as incident,
           case when t.category = 'no_connectivity' then coalesce(t.contact_phone, e.phone) end as phone,
           t.snapshot->'connectivity'->>'isp' as isp, t.snapshot->'connectivity'->>'verdict' as verdict,
           ev.words, coalesce(ev.last_public = 'employee_message' and ev.replied, false) as "newReply"
      from hits h
      join tickets t on t.id = h.id
      join employees e on e.id = t.employee_id
      left join sites s on s.id = e.site_id
      left join org_units o on o.id = e.org_unit_id
      left join employees a on a.id = t.assignee_employee_id
      left join incidents i on i.id = t.incident_id
      -- One pass over the ticket's events (ticket_events_ticket_idx) for what the row shows: the person's
      -- own first words (the "I need help" text, else their first answer); and "new reply", when the last
      -- public message is the person's and IT had answered before it.
      left join lateral (select (array_agg(left(v.body, 1000) order by v.at, v.id) filter (where v.kind = 'employee_message'))[1] as words,
                                (array_agg(v.kind order by v.at desc, v.id desc) filter (where v.public and v.kind in ('reply', 'employee_message')))[1] as last_public,
                                coalesce(bool_or(v.kind = 'reply'), false) as replied
                           from ticket_events v where v.ticket_id = t.id) ev on true
     order by h.queue_rank, h.sla_due_at, h.number`)) as unknown as (Omit<QueueRow, "firstWords" | "provider"> & { slaKey: string; createdAt: string; slaDueAt: string; isp: string | null; words: string | null })[];
  const page = rows.slice(0, limit).map(({ isp, words, slaKey: _slaKey, ...r }) => ({ ...r, createdAt: new Date(r.createdAt), slaDueAt: new Date(r.slaDueAt), provider: providerName(isp), firstWords: firstWords(words, 100) }));
  return { rows: page, next: rows.length > limit ? encodeCursor(page[page.length - 1], rows[limit - 1].slaKey) : null };
}

/**
 * The tickets before and after `number` in the queue's order under `filters` (what "next ticket"
 * and "previous ticket" open). Measured from the ticket's own place in that order, so a ticket
 * the agent has just resolved (now outside the open queue) still leads to its old neighbours.
 * The same keys and indexes as the queue: one index probe each way.
 */
export async function adjacentTickets(number: number, filters: QueueFilters, agentId: string): Promise<{ previous: number | null; next: number | null }> {
  if (!Number.isSafeInteger(number)) return { previous: null, next: null };
  // Scalar subqueries: run once, their values become the index condition's bounds.
  const here = (column: string) => sql`(select h.${sql.raw(column)} from tickets h where h.number = ${number})`;
  const place = sql`(${here("queue_rank")}, ${here("sla_due_at")}, ${here("number")})`;
  const [row] = (await db().execute(sql`
    select (select k.number::int from (${keysSql(filters, agentId, sql`(t.queue_rank, t.sla_due_at, t.number) > ${place}`, "asc", 1)}) k) as next,
           (select k.number::int from (${keysSql(filters, agentId, sql`(t.queue_rank, t.sla_due_at, t.number) < ${place}`, "desc", 1)}) k) as previous`)) as unknown as {
    previous: number | null;
    next: number | null;
  }[];
  return { previous: row?.previous ?? null, next: row?.next ?? null };
}
