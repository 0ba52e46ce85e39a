import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { firstWords, providerName } from "./incident-text";
import type { TicketStatus } from "./rules";

// What IT reads about incidents: the groups it could make, and an incident with its tickets.
// An incident's tickets keep their incident_id for good, so listing them never filters on the
// ticket's status: a resolved incident still shows what it grouped.

export type IncidentTicket = { number: number; name: string; status: TicketStatus; words: string | null; createdAt: Date };

export type IncidentSuggestion = {
  category: string;
  /** The stored code ("salt", "other:AccNet-301713"): what the group is made of. */
  isp: string | null;
  /** The provider as a person reads it ("Salt", "AccNet-301713"), null when none was given. */
  provider: string | null;
  count: number;
  numbers: number[];
  /** The first ten, longest waiting first: enough to check the group before making it. */
  tickets: IncidentTicket[];
};

/** The person's own first words on the ticket (the "I need help" text, an answer), if any. */
const wordsSql = sql`(select left(m.body, 400) from ticket_events m where m.ticket_id = t.id and m.kind = 'employee_message' order by m.at, m.id limit 1)`;

type RawTicket = Omit<IncidentTicket, "createdAt" | "words"> & { words: string | null; createdAt: string };
const toTicket = (r: RawTicket): IncidentTicket => ({ ...r, words: firstWords(r.words), createdAt: new Date(r.createdAt) });

export const suggestionTicketsShown = 10;

/**
 * Suggested incidents: open tickets without an incident that share a category and the
 * internet provider of their latest test, three or more at a time, with their first tickets.
 */
export async function incidentSuggestions(tx: DbOrTx): Promise<IncidentSuggestion[]> {
  const rows = (await tx.execute(sql`
    with groups as (
      select category, snapshot->'connectivity'->>'isp' as isp, count(*)::int as count, array_agg(number::int order by number) as numbers
        from tickets
       where incident_id is null and status not in ('resolved', 'closed')
       group by category, snapshot->'connectivity'->>'isp'
      having count(*) >= 3
       order by count(*) desc, category, isp limit 20)
    select g.category, g.isp, g.count, g.numbers,
           coalesce((select json_agg(x order by x."createdAt", x.number) from (
             select t.number::int, e.first_name || ' ' || e.last_name as name, t.status, t.created_at as "createdAt", ${wordsSql} as words
               from tickets t join employees e on e.id = t.employee_id
              where t.incident_id is null and t.status not in ('resolved', 'closed') and t.category = g.category
                and (t.snapshot->'connectivity'->>'isp') is not distinct from g.isp
              order by t.created_at, t.number limit ${suggestionTicketsShown}) x), '[]'::json) as tickets
      from groups g
     order by g.count desc, g.category, g.isp`)) as unknown as (Omit<IncidentSuggestion, "provider" | "tickets"> & { tickets: RawTicket[] })[];
  return rows.map((r) => ({ ...r, provider: providerName(r.isp), tickets: r.tickets.map(toTicket) }));
}

export type IncidentDetail = {
  id: string;
  title: string;
  category: string;
  isp: string | null;
  provider: string | null;
  status: "open" | "resolved";
  open: number;
  total: number;
  createdAt: Date;
  resolvedAt: Date | null;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One incident with its counts, whatever its status; null when there is none (or the id is junk). */
export async function getIncident(tx: DbOrTx, id: string): Promise<IncidentDetail | null> {
  if (!uuidPattern.test(id)) return null;
  const [row] = (await tx.execute(sql`
    select i.id, i.title, i.category, i.isp, i.status, i.created_at as "createdAt", i.resolved_at as "resolvedAt",
           count(t.id) filter (where t.status not in ('resolved', 'closed'))::int as open, count(t.id)::int as total
      from incidents i left join tickets t on t.incident_id = i.id
     where i.id = ${id} group by i.id`)) as unknown as (Omit<IncidentDetail, "provider" | "createdAt" | "resolvedAt"> & { createdAt: string; resolvedAt: string | null })[];
  if (!row) return null;
  return { ...row, provider: providerName(row.isp), createdAt: new Date(row.createdAt), resolvedAt: row.resolvedAt ? new Date(row.resolvedAt) : null };
}

/** Every ticket the incident grouped, open or not, by number. */
export async function incidentTickets(tx: DbOrTx, id: string): Promise<IncidentTicket[]> {
  if (!uuidPattern.test(id)) return [];
  const rows = (await tx.execute(sql`
    select t.number::int, e.first_name || ' ' || e.last_name as name, t.status, t.created_at as "createdAt", ${wordsSql} as words
      from tickets t join employees e on e.id = t.employee_id
     where t.incident_id = ${id}
     order by t.number`)) as unknown as RawTicket[];
  return rows.map(toTicket);
}
