import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifyEmployee } from "@/lib/mail/notify";
import { lastAnswerSql } from "@/lib/tickets/closed";

/**
 * The one way a ticket ends (resolved or closed), whether one agent does it, a bulk
 * operation or an incident: one conditional UPDATE, its event, and the resolution mail
 * to the person's contact address, all in the caller's transaction. The mail goes
 * only when the ticket was still open, so a ticket already resolved (a second bulk
 * operation, an incident answered twice, closing after resolving) never mails again.
 *
 * `reply`: IT's answer given with the resolution; without one, the mail quotes IT's last
 * public answer, if any. `version`: refuse (return null) unless the ticket is at it.
 * `mail: false`: the caller's own mail already answers the person (a review's decision).
 * Returns null when nothing changed.
 */
export async function endTicket(
  tx: DbOrTx,
  actorId: string,
  ticketId: string,
  input: { to: "resolved" | "closed"; reply?: string | null; version?: number; details?: Record<string, unknown>; mail?: false },
): Promise<{ from: string; mailed: boolean } | null> {
  // Locks the row first, then reads its status as it was before this change.
  const [row] = (await tx.execute(sql`
    with old as (select id, status from tickets where id = ${ticketId} for update)
    update tickets t
       set status = ${input.to}::ticket_status, resolved_at = coalesce(t.resolved_at, now()), version = t.version + 1, updated_at = now()
      from old
     where t.id = old.id and old.status <> ${input.to}::ticket_status and old.status <> 'closed'
       and (${input.version ?? null}::int is null or t.version = ${input.version ?? null}::int)
    returning t.number::int as number, t.employee_id, old.status::text as "from", ${lastAnswerSql(sql`t.id`)} ->> 'body' as "lastAnswer"`)) as unknown as {
    number: number;
    employee_id: string;
    from: string;
    lastAnswer: string | null;
  }[];
  if (!row) return null;
  await tx.execute(sql`
    insert into ticket_events (ticket_id, actor_employee_id, kind, public, details)
    values (${ticketId}, ${actorId}, 'status', false, ${JSON.stringify({ from: row.from, to: input.to, ...input.details })}::jsonb)`);
  if (row.from === "resolved" || input.mail === false) return { from: row.from, mailed: false };
  // Read in the same statement: the answers given before this change (a reply that resolves passes its own).
  const reply = input.reply ?? row.lastAnswer;
  await notifyEmployee(tx, row.employee_id, reply ? "ticketResolvedWithAnswer" : "ticketResolved", { number: row.number, ...(reply ? { reply: reply.slice(0, 1500) } : {}) }, "/");
  return { from: row.from, mailed: true };
}
