import "server-only";
import { queuePosition } from "@/lib/devices/service";
import { sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { isCalendarDate } from "@/lib/http/fields";
import { firstWords, providerName } from "./incident-text";
import type { TicketStatus } from "./rules";

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
  /** How to call the person, on no-connection tickets only (the form's phone, else the roster's): staff pages only. */
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

const priorityRank = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
type Cursor = { p: number; s: string; n: number };

export function encodeCursor(row: QueueRow): string {
  return Buffer.from(JSON.stringify({ p: priorityRank[row.priority], s: row.slaDueAt.toISOString(), n: row.number })).toString("base64url");
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

/** A ticket number as typed: digits within bigint's range, else a condition nothing meets. */
function ticketNumberIs(digits: string): SQL {
  return /^\d{1,18}$/.test(digits) ? sql`t.number = ${Number(digits)}` : sql`false`;
}

function whereFor(filters: QueueFilters, agentId: string): SQL {
  const parts: SQL[] = [];
  if (!filters.status || filters.status === "open") parts.push(sql`t.status not in ('resolved', 'closed')`);
  else parts.push(sql`t.status = ${filters.status}::ticket_status`);
  if (filters.category) parts.push(sql`t.category::text = ${filters.category}`);
  if (filters.priority) parts.push(sql`t.priority::text = ${filters.priority}`);
  if (filters.site && uuidPattern.test(filters.site)) parts.push(sql`e.site_id = ${filters.site}`);
  if (filters.orgUnit && uuidPattern.test(filters.orgUnit)) parts.push(sql`e.org_unit_id = ${filters.orgUnit}`);
  if (filters.assignee === "me") parts.push(sql`t.assignee_employee_id = ${agentId}`);
  if (filters.assignee === "unassigned") parts.push(sql`t.assignee_employee_id is null`);
  if (filters.incident && uuidPattern.test(filters.incident)) parts.push(sql`t.incident_id = ${filters.incident}`);
  const q = filters.q?.trim().slice(0, 100);
  // "#20" (or "# 20") is how the queue writes a ticket number: only that ticket, by its unique index.
  const hashed = q?.match(/^#\s*(\d*)$/);
  if (hashed) parts.push(ticketNumberIs(hashed[1]));
  else if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(e.number = ${q} or lower(e.work_email) = lower(${q}) or lower(e.private_email) = lower(${q})
                    or (e.first_name || ' ' || e.last_name) ilike ${like} or (e.last_name || ' ' || e.first_name) ilike ${like}
                    or ${/^\d+$/.test(q) ? ticketNumberIs(q) : sql`false`})`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * One page of the queue, most urgent first then by SLA due time. Keyset
 * pagination (no OFFSET), so the hundredth page is as fast as the first.
 */
export async function listQueue(filters: QueueFilters, agentId: string, cursorRaw?: string, limit = 50): Promise<{ rows: QueueRow[]; next: string | null }> {
  const cursor = decodeCursor(cursorRaw);
  const rank = sql`(case t.priority when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end)`;
  const after = cursor ? sql` and (${rank} < ${cursor.p} or (${rank} = ${cursor.p} and (t.sla_due_at, t.number) > (${cursor.s}::timestamptz, ${cursor.n})))` : sql``;
  // The page is chosen first (index order, LIMIT), then each of its rows reads its events
  // through LATERAL … LIMIT 1 on ticket_events (ticket_id, at): 50 rows, whatever the queue's size.
  const rows = (await db().execute(sql`
    with page as (
      select t.id, t.number::int, t.category, t.priority, t.status, t.created_at as "createdAt", t.sla_due_at as "slaDueAt", t.version,
             t.assignee_employee_id, t.incident_id, t.contact_phone, t.snapshot,
             e.first_name || ' ' || e.last_name as "employeeName", e.number as "employeeNumber", e.site_id, e.org_unit_id, e.phone as employee_phone
        from tickets t
        join employees e on e.id = t.employee_id
       where ${whereFor(filters, agentId)} ${after}
       order by t.priority desc, t.sla_due_at, t.number
       limit ${limit + 1})
    select p.number, p.category, p.priority, p.status, p."createdAt", p."slaDueAt", p.version, p."employeeName", p."employeeNumber",
           s.name as site, o.name as "orgUnit", a.first_name || ' ' || a.last_name as assignee, i.title as incident,
           case when p.category = 'no_connectivity' then coalesce(p.contact_phone, p.employee_phone) end as phone,
           p.snapshot->'connectivity'->>'isp' as isp, p.snapshot->'connectivity'->>'verdict' as verdict,
           first.body as words, coalesce(last.kind = 'employee_message' and replied.yes, false) as "newReply"
      from page p
      left join sites s on s.id = p.site_id
      left join org_units o on o.id = p.org_unit_id
      left join employees a on a.id = p.assignee_employee_id
      left join incidents i on i.id = p.incident_id
      -- The person's own first words (the "I need help" text, else their first answer).
      left join lateral (select left(m.body, 1000) as body from ticket_events m
                          where m.ticket_id = p.id and m.kind = 'employee_message' order by m.at, m.id limit 1) first on true
      -- "New reply": the last public message is the person's, and IT had answered before it.
      left join lateral (select v.kind from ticket_events v
                          where v.ticket_id = p.id and v.public and v.kind in ('reply', 'employee_message') order by v.at desc, v.id desc limit 1) last on true
      left join lateral (select exists (select 1 from ticket_events r where r.ticket_id = p.id and r.kind = 'reply') as yes) replied on true
     order by p.priority desc, p."slaDueAt", p.number`)) as unknown as (Omit<QueueRow, "firstWords" | "provider"> & { createdAt: string; slaDueAt: string; isp: string | null; words: string | null })[];
  const page = rows.slice(0, limit).map(({ isp, words, ...r }) => ({ ...r, createdAt: new Date(r.createdAt), slaDueAt: new Date(r.slaDueAt), provider: providerName(isp), firstWords: firstWords(words, 100) }));
  return { rows: page, next: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

/**
 * The tickets before and after `number` in the queue's order under `filters` (what "next ticket"
 * and "previous ticket" open). Measured from the ticket's own place in that order, so a ticket
 * the agent has just resolved (now outside the open queue) still leads to its old neighbours.
 */
export async function adjacentTickets(number: number, filters: QueueFilters, agentId: string): Promise<{ previous: number | null; next: number | null }> {
  const rank = sql`(case t.priority when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end)`;
  const from = sql`from tickets t join employees e on e.id = t.employee_id, here where ${whereFor(filters, agentId)} and t.number <> here.number`;
  const [row] = (await db().execute(sql`
    with here as (select ${rank} as rank, t.sla_due_at, t.number from tickets t where t.number = ${number})
    select (select t.number::int ${from} and (${rank} < here.rank or (${rank} = here.rank and (t.sla_due_at, t.number) > (here.sla_due_at, here.number)))
             order by t.priority desc, t.sla_due_at, t.number limit 1) as next,
           (select t.number::int ${from} and (${rank} > here.rank or (${rank} = here.rank and (t.sla_due_at, t.number) < (here.sla_due_at, here.number)))
             order by t.priority, t.sla_due_at desc, t.number desc limit 1) as previous
      from here`)) as unknown as { previous: number | null; next: number | null }[];
  return { previous: row?.previous ?? null, next: row?.next ?? null };
}

export async function queueCounts(): Promise<{ byCategory: Record<string, number>; byStatus: Record<string, number>; overdue: number }> {
  const rows = (await db().execute(sql`
    select category, status, count(*)::int as n, count(*) filter (where sla_due_at < now() and status in ('new', 'in_progress'))::int as overdue
      from tickets where status not in ('closed') group by category, status`)) as unknown as { category: string; status: string; n: number; overdue: number }[];
  const byCategory: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let overdue = 0;
  for (const r of rows) {
    if (r.status !== "resolved") byCategory[r.category] = (byCategory[r.category] ?? 0) + r.n;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    overdue += r.overdue;
  }
  return { byCategory, byStatus, overdue };
}

export async function listAgents(): Promise<{ id: string; name: string }[]> {
  return (await db().execute(sql`
    select distinct e.id, e.first_name || ' ' || e.last_name as name from employees e join employee_roles r on r.employee_id = e.id
     where r.role in ('it_agent', 'admin') and e.active order by name`)) as unknown as { id: string; name: string }[];
}

export async function filterOptions(): Promise<{ sites: { id: string; name: string }[]; orgUnits: { id: string; name: string }[] }> {
  const sites = (await db().execute(sql`select id, name from sites order by name`)) as unknown as { id: string; name: string }[];
  const orgUnits = (await db().execute(sql`select id, name from org_units order by name`)) as unknown as { id: string; name: string }[];
  return { sites, orgUnits };
}

export type TicketDetail = {
  id: string;
  number: number;
  category: string;
  priority: string;
  status: TicketStatus;
  summary: string;
  version: number;
  createdAt: Date;
  slaDueAt: Date;
  assigneeId: string | null;
  assignee: string | null;
  incident: string | null;
  employee: { id: string; number: string; name: string; firstName: string; workEmail: string | null; privateEmail: string | null; site: string | null; orgUnit: string | null; jobFamily: string; contractType: string; language: string; mailLanguage: "fr" | "de" | "en" };
  eligibility: { outcome: string; answers: Record<string, string> | null; ruleId: string | null; rulesVersion: number | null };
  device: { kind: string; status: string; requestedAt: Date; position: number | null } | null;
  token: { type: string; status: string; lockedUntil: Date | null } | null;
  tests: { startedAt: Date; isp: string | null; verdict: string | null; latencyMs: number | null; downloadKbps: number | null; uploadKbps: number | null; udpOk: boolean | null }[];
  earlier: { number: number; category: string; status: string; createdAt: Date }[];
  events: { id: number; at: Date; kind: string; public: boolean; body: string | null; actor: string | null; details: Record<string, unknown> | null }[];
};

/** Everything the portal knows about the case, so the agent asks the employee nothing twice. HR-only fields excluded. */
export async function getTicketDetail(number: number): Promise<TicketDetail | null> {
  const [t] = (await db().execute(sql`
    select t.id, t.number::int, t.category, t.priority, t.status, t.summary, t.version, t.created_at as "createdAt", t.sla_due_at as "slaDueAt",
           t.assignee_employee_id as "assigneeId", a.first_name || ' ' || a.last_name as assignee, i.title as incident,
           json_build_object('id', e.id, 'number', e.number, 'name', e.first_name || ' ' || e.last_name, 'firstName', e.first_name,
             'workEmail', e.work_email, 'privateEmail', e.private_email, 'site', s.name, 'orgUnit', o.name,
             'jobFamily', e.job_family, 'contractType', e.contract_type, 'language', e.language,
             -- The language mail to the person goes out in (their saved choice, else the roster's): replies are written in it.
             'mailLanguage', coalesce(u.locale::text, e.language::text)) as employee,
           json_build_object('outcome', coalesce(c.eligibility::text, 'pending'), 'answers', c.eligibility_answers, 'ruleId', c.eligibility_rule_id, 'rulesVersion', c.eligibility_rules_version) as eligibility
      from tickets t join employees e on e.id = t.employee_id
      left join sites s on s.id = e.site_id left join org_units o on o.id = e.org_unit_id
      left join employees a on a.id = t.assignee_employee_id left join incidents i on i.id = t.incident_id
      left join onboarding_cases c on c.employee_id = e.id left join users u on u.employee_id = e.id
     where t.number = ${number}`)) as unknown as (Omit<TicketDetail, "device" | "token" | "tests" | "earlier" | "events"> & { createdAt: string; slaDueAt: string })[];
  if (!t) return null;
  const employeeId = t.employee.id;
  const [latest] = (await db().execute(sql`
    select a.id, a.kind, a.status, a.requested_at as "requestedAt"
      from allocations a where a.employee_id = ${employeeId} and a.kind in ('laptop', 'vdi_seat') order by a.requested_at desc limit 1`)) as unknown as { id: string; kind: string; status: string; requestedAt: string }[];
  // The same queue position the employee sees on their own page.
  const device = latest ? { kind: latest.kind, status: latest.status, requestedAt: latest.requestedAt, position: latest.status === "waiting" ? await queuePosition(db(), latest.id) : null } : undefined;
  const [token] = (await db().execute(sql`
    select type, status, case when locked_until > now() then locked_until end as "lockedUntil" from mfa_tokens where employee_id = ${employeeId} order by created_at desc limit 1`)) as unknown as TicketDetail["token"][];
  const tests = (await db().execute(sql`
    select started_at as "startedAt", isp, verdict, latency_ms as "latencyMs", download_kbps as "downloadKbps", upload_kbps as "uploadKbps", udp_ok as "udpOk"
      from connectivity_tests where employee_id = ${employeeId} and status = 'completed' order by started_at desc limit 20`)) as unknown as (TicketDetail["tests"][number] & { startedAt: string })[];
  const earlier = (await db().execute(sql`
    select number::int, category, status, created_at as "createdAt" from tickets where employee_id = ${employeeId} and id <> ${t.id} order by created_at desc limit 20`)) as unknown as (TicketDetail["earlier"][number] & { createdAt: string })[];
  const events = (await db().execute(sql`
    select ev.id::float8 as id, ev.at, ev.kind, ev.public, ev.body, ev.details, x.first_name || ' ' || x.last_name as actor
      from ticket_events ev left join employees x on x.id = ev.actor_employee_id where ev.ticket_id = ${t.id} order by ev.at, ev.id`)) as unknown as (TicketDetail["events"][number] & { at: string })[];
  return {
    ...t,
    createdAt: new Date(t.createdAt),
    slaDueAt: new Date(t.slaDueAt),
    device: device ? { ...device, requestedAt: new Date(device.requestedAt) } : null,
    token: token ? { ...token, lockedUntil: token.lockedUntil ? new Date(token.lockedUntil) : null } : null,
    tests: tests.map((x) => ({ ...x, startedAt: new Date(x.startedAt) })),
    earlier: earlier.map((x) => ({ ...x, createdAt: new Date(x.createdAt) })),
    events: events.map((x) => ({ ...x, at: new Date(x.at) })),
  };
}

export async function listIncidents(): Promise<{ id: string; title: string; category: string; isp: string | null; status: string; open: number; total: number; createdAt: Date }[]> {
  const rows = (await db().execute(sql`
    select i.id, i.title, i.category, i.isp, i.status, i.created_at as "createdAt",
           count(t.id) filter (where t.status not in ('resolved', 'closed'))::int as open, count(t.id)::int as total
      from incidents i left join tickets t on t.incident_id = i.id
     group by i.id order by (i.status = 'open') desc, i.created_at desc limit 100`)) as unknown as { id: string; title: string; category: string; isp: string | null; status: string; open: number; total: number; createdAt: string }[];
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}
