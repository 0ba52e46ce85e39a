import "server-only";
import { queuePositionOf } from "@/lib/devices/service";
import { sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import type { TicketStatus } from "./rules";

export { adjacentTickets, listQueue, type QueueFilters, type QueueRow } from "./queue";
export { queueCounts } from "./counts";

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

/** A JSON array of a subquery's rows, in its order (`[]` when it has none). */
function jsonRows(query: SQL, order: SQL): SQL {
  return sql`coalesce((select json_agg(x order by ${order}) from (${query}) x), '[]'::json)`;
}

/**
 * Everything the portal knows about the case, so the agent asks the employee nothing twice.
 * HR-only fields excluded. One statement (issue 16): each round trip cost the page a socket
 * write, and the parts were read one after the other. The device's place in the queue is the
 * one the employee sees on their own page (the same SQL).
 */
export async function getTicketDetail(number: number): Promise<TicketDetail | null> {
  const [t] = (await db().execute(sql`
    select t.id, t.number::int, t.category, t.priority, t.status, t.summary, t.version, t.created_at as "createdAt", t.sla_due_at as "slaDueAt",
           t.assignee_employee_id as "assigneeId", a.first_name || ' ' || a.last_name as assignee, i.title as incident,
           json_build_object('id', e.id, 'number', e.number, 'name', e.first_name || ' ' || e.last_name, 'firstName', e.first_name,
             'workEmail', e.work_email, 'privateEmail', e.private_email, 'site', s.name, 'orgUnit', o.name,
             'jobFamily', e.job_family, 'contractType', e.contract_type, 'language', e.language,
             -- The language mail to the person goes out in (their saved choice, else the roster's): replies are written in it.
             'mailLanguage', coalesce(u.locale::text, e.language::text)) as employee,
           json_build_object('outcome', coalesce(c.eligibility::text, 'pending'), 'answers', c.eligibility_answers, 'ruleId', c.eligibility_rule_id, 'rulesVersion', c.eligibility_rules_version) as eligibility,
           (select json_build_object('kind', d.kind, 'status', d.status, 'requestedAt', d.requested_at,
                     'position', case when d.status = 'waiting' then (${queuePositionOf(sql`d.id`)}) end)
              from allocations d where d.employee_id = e.id and d.kind in ('laptop', 'vdi_seat') order by d.requested_at desc limit 1) as device,
           (select json_build_object('type', m.type, 'status', m.status, 'lockedUntil', case when m.locked_until > now() then m.locked_until end)
              from mfa_tokens m where m.employee_id = e.id order by m.created_at desc limit 1) as token,
           ${jsonRows(
             sql`select started_at as "startedAt", isp, verdict, latency_ms as "latencyMs", download_kbps as "downloadKbps", upload_kbps as "uploadKbps", udp_ok as "udpOk"
                   from connectivity_tests where employee_id = e.id and status = 'completed' order by started_at desc limit 20`,
             sql`x."startedAt" desc`,
           )} as tests,
           ${jsonRows(sql`select number::int as number, category, status, created_at as "createdAt" from tickets where employee_id = e.id and id <> t.id order by created_at desc limit 20`, sql`x."createdAt" desc`)} as earlier,
           ${jsonRows(
             sql`select ev.id::float8 as id, ev.at, ev.kind, ev.public, ev.body, ev.details, x.first_name || ' ' || x.last_name as actor
                   from ticket_events ev left join employees x on x.id = ev.actor_employee_id where ev.ticket_id = t.id`,
             sql`x.at, x.id`,
           )} as events
      from tickets t join employees e on e.id = t.employee_id
      left join sites s on s.id = e.site_id left join org_units o on o.id = e.org_unit_id
      left join employees a on a.id = t.assignee_employee_id left join incidents i on i.id = t.incident_id
      left join onboarding_cases c on c.employee_id = e.id left join users u on u.employee_id = e.id
     where t.number = ${number}`)) as unknown as (Omit<TicketDetail, "createdAt" | "slaDueAt" | "device" | "token" | "tests" | "earlier" | "events"> & {
    createdAt: string;
    slaDueAt: string;
    device: (Omit<NonNullable<TicketDetail["device"]>, "requestedAt"> & { requestedAt: string }) | null;
    token: (Omit<NonNullable<TicketDetail["token"]>, "lockedUntil"> & { lockedUntil: string | null }) | null;
    tests: (Omit<TicketDetail["tests"][number], "startedAt"> & { startedAt: string })[];
    earlier: (Omit<TicketDetail["earlier"][number], "createdAt"> & { createdAt: string })[];
    events: (Omit<TicketDetail["events"][number], "at"> & { at: string })[];
  })[];
  if (!t) return null;
  return {
    ...t,
    createdAt: new Date(t.createdAt),
    slaDueAt: new Date(t.slaDueAt),
    device: t.device ? { ...t.device, requestedAt: new Date(t.device.requestedAt) } : null,
    token: t.token ? { ...t.token, lockedUntil: t.token.lockedUntil ? new Date(t.token.lockedUntil) : null } : null,
    tests: t.tests.map((x) => ({ ...x, startedAt: new Date(x.startedAt) })),
    earlier: t.earlier.map((x) => ({ ...x, createdAt: new Date(x.createdAt) })),
    events: t.events.map((x) => ({ ...x, at: new Date(x.at) })),
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
