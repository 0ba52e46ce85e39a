import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { TicketCategory } from "./service";

export type ClosedTicket = {
  number: number;
  category: TicketCategory;
  status: "resolved" | "closed";
  createdAt: Date;
  resolvedAt: Date | null;
  /** IT's last public answer (never an internal note, never the person's own message). */
  lastAnswer: { at: Date; body: string } | null;
};

/** How many ended tickets the status page keeps: enough to find last week's answer, never a long list. */
export const closedTicketsShown = 10;

/**
 * IT's last public answer on the ticket whose id is `ticketId` (an SQL expression), as JSON
 * `{ at, body }` or null: never an internal note, never the person's own message. The status
 * page shows it under an ended ticket; the resolution mail quotes it (lib/triage/resolve.ts).
 */
export const lastAnswerSql = (ticketId: SQL) => sql`(select json_build_object('at', e.at, 'body', e.body) from ticket_events e
             where e.ticket_id = ${ticketId} and e.kind = 'reply' and e.public and e.body is not null
             order by e.at desc, e.id desc limit 1)`;

/** The person's own resolved or closed tickets, the most recently ended first. */
export async function listClosedTickets(tx: DbOrTx, employeeId: string, limit = closedTicketsShown): Promise<ClosedTicket[]> {
  const rows = (await tx.execute(sql`
    select t.number::int as number, t.category, t.status, t.created_at as "createdAt", t.resolved_at as "resolvedAt",
           ${lastAnswerSql(sql`t.id`)} as "lastAnswer"
      from tickets t
     where t.employee_id = ${employeeId} and t.status in ('resolved', 'closed')
     order by coalesce(t.resolved_at, t.updated_at) desc, t.number desc
     limit ${limit}`)) as unknown as (Omit<ClosedTicket, "createdAt" | "resolvedAt" | "lastAnswer"> & { createdAt: string | Date; resolvedAt: string | Date | null; lastAnswer: { at: string; body: string } | null })[];
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt),
    resolvedAt: r.resolvedAt ? new Date(r.resolvedAt) : null,
    lastAnswer: r.lastAnswer ? { at: new Date(r.lastAnswer.at), body: r.lastAnswer.body } : null,
  }));
}
