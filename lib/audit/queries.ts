import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { queryDate, queryId, queryText } from "@/lib/http/search-params";

/** The viewer's filters, from the query string (read with pageQuery); anything malformed is simply ignored. */
const blankIsNone = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const auditFilterSchema = z.object({
  action: z.preprocess(blankIsNone, z.string().trim().max(60).regex(/^[a-z_.]+$/).optional()).catch(undefined),
  actor: queryText(40),
  target: queryText(120),
  from: queryDate(),
  to: queryDate(),
  before: queryId(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditEntryRow = { id: number; at: Date; action: string; actor: string | null; actorNumber: string | null; targetType: string | null; targetId: string | null; details: Record<string, unknown> | null };

/** Newest first, 50 at a time (keyset on id), with the actor's name. */
export async function searchAudit(filter: AuditFilter, pageSize = 50): Promise<{ rows: AuditEntryRow[]; next: number | null }> {
  const rows = (await db().execute(sql`
    select a.id, a.at, a.action, a.target_type as "targetType", a.target_id as "targetId", a.details,
           case when e.id is null then null else e.last_name || ' ' || e.first_name end as actor, e.number as "actorNumber"
      from audit_log a left join employees e on e.id = a.actor_employee_id
     where (${filter.action ?? null}::text is null or a.action = ${filter.action ?? null})
       and (${filter.actor ?? null}::text is null or e.number = ${filter.actor ?? null})
       and (${filter.target ?? null}::text is null or a.target_id = ${filter.target ?? null})
       and (${filter.from ?? null}::date is null or a.at >= (${filter.from ?? null}::date)::timestamp at time zone 'Europe/Zurich')
       and (${filter.to ?? null}::date is null or a.at < (${filter.to ?? null}::date + 1)::timestamp at time zone 'Europe/Zurich')
       and (${filter.before ?? null}::bigint is null or a.id < ${filter.before ?? null})
     order by a.id desc limit ${pageSize + 1}`)) as unknown as AuditEntryRow[];
  return { rows: rows.slice(0, pageSize), next: rows.length > pageSize ? rows[pageSize - 1].id : null };
}

/** The actions recorded so far, for the filter's list. */
export async function auditActions(): Promise<string[]> {
  return ((await db().execute(sql`select distinct action from audit_log order by action`)) as unknown as { action: string }[]).map((r) => r.action);
}
