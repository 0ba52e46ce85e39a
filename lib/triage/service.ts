import "server-only";
import { once } from "@/lib/bulk/once";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { notifyEmployee } from "@/lib/mail/notify";
import { endTicket } from "./resolve";
import { getSetting } from "@/lib/settings/queries";
import { defaultSlaSettings, slaSettingsSchema } from "@/lib/settings/schemas";
import { allowedTransition, slaMinutes, type TicketStatus } from "./rules";

// Every change to a ticket is one conditional UPDATE: claims cannot collide,
// and a form based on an old version is refused instead of overwriting.

type TicketRef = { id: string; number: number; employee_id: string; status: TicketStatus; version: number; assignee_employee_id: string | null };

/** `lock`: held until the transaction ends, so a version checked here is still the one the change applies to. */
async function ticketByNumber(tx: DbOrTx, number: number, lock = false): Promise<TicketRef> {
  const [row] = (await tx.execute(sql`
    select id, number::int, employee_id, status, version, assignee_employee_id from tickets where number = ${number} ${lock ? sql`for update` : sql``}`)) as unknown as TicketRef[];
  if (!row) throw new ActionError("ticketNotFound");
  return row;
}

async function event(tx: DbOrTx, ticketId: string, actor: string | null, kind: string, options: { public?: boolean; body?: string | null; details?: Record<string, unknown> } = {}) {
  await tx.execute(sql`
    insert into ticket_events (ticket_id, actor_employee_id, kind, public, body, details)
    values (${ticketId}, ${actor}, ${kind}, ${options.public ?? false}, ${options.body ?? null}, ${options.details ? JSON.stringify(options.details) : null}::jsonb)`);
}

/** Whether someone may work tickets (it_agent or admin), re-read from the database. */
async function isAgent(tx: DbOrTx, employeeId: string): Promise<boolean> {
  const rows = await tx.execute(sql`
    select 1 from employee_roles r join employees e on e.id = r.employee_id
     where r.employee_id = ${employeeId} and r.role in ('it_agent', 'admin') and e.active`);
  return rows.length > 0;
}

/**
 * Takes an unassigned ticket. Two agents at once: one UPDATE wins, the other
 * is told who has it.
 */
export async function claimTicket(tx: DbOrTx, agentId: string, number: number): Promise<{ version: number }> {
  const [claimed] = (await tx.execute(sql`
    update tickets
       set assignee_employee_id = ${agentId}, version = version + 1, updated_at = now(),
           status = case when status = 'new' then 'in_progress'::ticket_status else status end
     where number = ${number} and assignee_employee_id is null and status not in ('resolved', 'closed')
     returning id, version`)) as unknown as { id: string; version: number }[];
  if (!claimed) {
    const ticket = await ticketByNumber(tx, number);
    if (ticket.assignee_employee_id === agentId) return { version: ticket.version };
    throw new ActionError(ticket.assignee_employee_id ? "alreadyClaimed" : "ticketClosed");
  }
  await event(tx, claimed.id, agentId, "claimed");
  return { version: claimed.version };
}

export async function assignTicket(tx: DbOrTx, actorId: string, number: number, assigneeId: string, version: number): Promise<Versioned> {
  if (!(await isAgent(tx, assigneeId))) throw new ActionError("notAnAgent", "assigneeId");
  const [row] = (await tx.execute(sql`
    update tickets set assignee_employee_id = ${assigneeId}, version = version + 1, updated_at = now(),
           status = case when status = 'new' then 'in_progress'::ticket_status else status end
     where number = ${number} and version = ${version} returning id, version`)) as unknown as { id: string; version: number }[];
  if (!row) throw await staleOrMissing(tx, number);
  await event(tx, row.id, actorId, "assigned", { details: { to: assigneeId } });
  return { version: row.version };
}

/**
 * What every versioned change answers: the ticket's version after it, so the agent's next form
 * on the same page is based on it (their own change never makes their next one "stale").
 */
export type Versioned = { version: number };

async function versionOf(tx: DbOrTx, ticketId: string): Promise<Versioned> {
  const [row] = (await tx.execute(sql`select version from tickets where id = ${ticketId}`)) as unknown as Versioned[];
  return { version: row.version };
}

async function staleOrMissing(tx: DbOrTx, number: number): Promise<ActionError> {
  await ticketByNumber(tx, number); // throws ticketNotFound
  return new ActionError("staleTicket");
}

export async function changeStatus(tx: DbOrTx, actorId: string, number: number, status: TicketStatus, version: number): Promise<Versioned> {
  const ticket = await ticketByNumber(tx, number, true);
  if (ticket.version !== version) throw new ActionError("staleTicket");
  if (!allowedTransition(ticket.status, status)) throw new ActionError("transitionRefused", "status");
  if (status === "resolved" || status === "closed") {
    if (!(await endTicket(tx, actorId, ticket.id, { to: status, version }))) throw new ActionError("staleTicket");
    return versionOf(tx, ticket.id);
  }
  // Any other status is open again: it no longer counts as resolved.
  const [row] = (await tx.execute(sql`
    update tickets set status = ${status}::ticket_status, version = version + 1, updated_at = now(), resolved_at = null
     where id = ${ticket.id} and version = ${version} returning id, version`)) as unknown as { id: string; version: number }[];
  if (!row) throw new ActionError("staleTicket");
  await event(tx, ticket.id, actorId, "status", { details: { from: ticket.status, to: status } });
  return { version: row.version };
}

/** An internal note needs no version (it overwrites nothing), but bumps it: a colleague's open form learns of it. */
export async function addNote(tx: DbOrTx, actorId: string, number: number, body: string): Promise<Versioned> {
  const ticket = await ticketByNumber(tx, number);
  await event(tx, ticket.id, actorId, "note", { body });
  const [row] = (await tx.execute(sql`update tickets set version = version + 1, updated_at = now() where id = ${ticket.id} returning version`)) as unknown as Versioned[];
  return { version: row.version };
}

/** A public reply: e-mailed, shown on the status page, and the ticket waits for the employee. */
async function replyTo(tx: DbOrTx, actorId: string, ticket: { id: string; number: number; employee_id: string; status: TicketStatus }, body: string, resolve: boolean, details?: Record<string, unknown>) {
  await event(tx, ticket.id, actorId, "reply", { public: true, body });
  // An answer that resolves an open ticket is one mail: the resolution, quoting the answer.
  if (resolve && (await endTicket(tx, actorId, ticket.id, { to: "resolved", reply: body, details }))) return;
  const next: TicketStatus = resolve ? "resolved" : ticket.status === "closed" ? "closed" : "waiting_for_employee";
  await tx.execute(sql`
    update tickets set status = ${next}::ticket_status, version = version + 1, updated_at = now(),
           resolved_at = case when ${next} = 'resolved' then now() else resolved_at end
     where id = ${ticket.id}`);
  await notifyEmployee(tx, ticket.employee_id, "ticketReply", { number: ticket.number, reply: body.slice(0, 1500) }, "/");
}

export async function replyToTicket(tx: DbOrTx, actorId: string, number: number, body: string, version: number, resolve = false): Promise<Versioned> {
  const ticket = await ticketByNumber(tx, number, true);
  if (ticket.version !== version) throw new ActionError("staleTicket");
  await replyTo(tx, actorId, ticket, body, resolve);
  return versionOf(tx, ticket.id);
}

/** The employee answers on their status page; a waiting or resolved ticket reopens. */
export async function employeeAnswer(tx: DbOrTx, employeeId: string, number: number, body: string): Promise<void> {
  const [ticket] = (await tx.execute(sql`
    select id, status from tickets where number = ${number} and employee_id = ${employeeId} and status <> 'closed'`)) as unknown as { id: string; status: TicketStatus }[];
  // Someone else's ticket and a missing one look the same.
  if (!ticket) throw new ActionError("ticketNotFound");
  await event(tx, ticket.id, employeeId, "employee_message", { public: true, body });
  // A reopened ticket is IT's to answer again: its SLA restarts now, by its priority.
  const hours = await getSetting("sla_hours", slaSettingsSchema, defaultSlaSettings, tx);
  const restart = sql`now() + make_interval(mins => case priority ${sql.join(
    (["urgent", "high", "normal", "low"] as const).map((p) => sql`when ${p}::ticket_priority then ${slaMinutes(hours, p)}::int`),
    sql` `,
  )} end)`;
  await tx.execute(sql`
    update tickets set version = version + 1, updated_at = now(),
           sla_due_at = case when status in ('waiting_for_employee', 'resolved') then ${restart} else sla_due_at end,
           status = case when status in ('waiting_for_employee', 'resolved') then 'in_progress'::ticket_status else status end,
           resolved_at = case when status = 'resolved' then null else resolved_at end
     where id = ${ticket.id}`);
  if (ticket.status === "resolved" || ticket.status === "waiting_for_employee") await event(tx, ticket.id, employeeId, "reopened");
}

export type BulkAction = { kind: "assign"; assigneeId: string } | { kind: "reply"; body: string; resolve: boolean } | { kind: "resolve" };

/** Assign, reply to or resolve a selection of tickets in one transaction, once. */
export async function bulkUpdate(tx: DbOrTx, actorId: string, operationId: string, numbers: number[], action: BulkAction) {
  return once(tx, operationId, `bulk_${action.kind}`, actorId, () => applyBulk(tx, actorId, operationId, numbers, action));
}

async function applyBulk(tx: DbOrTx, actorId: string, operationId: string, numbers: number[], action: BulkAction): Promise<{ tickets: number }> {
  {
    if (action.kind === "assign" && !(await isAgent(tx, action.assigneeId))) throw new ActionError("notAnAgent", "assigneeId");
    const tickets = (await tx.execute(sql`
      select id, number::int, employee_id, status from tickets where number in ${numbers} and status <> 'closed' order by number for update`)) as unknown as { id: string; number: number; employee_id: string; status: TicketStatus }[];
    if (tickets.length !== new Set(numbers).size) throw new ActionError("ticketNotFound");
    for (const ticket of tickets) {
      if (action.kind === "assign") {
        await tx.execute(sql`update tickets set assignee_employee_id = ${action.assigneeId}, version = version + 1, updated_at = now(),
                                status = case when status = 'new' then 'in_progress'::ticket_status else status end where id = ${ticket.id}`);
        await event(tx, ticket.id, actorId, "assigned", { details: { to: action.assigneeId, bulk: operationId } });
      } else if (action.kind === "reply") {
        await replyTo(tx, actorId, ticket, action.body, action.resolve, { bulk: operationId });
      } else {
        // As one agent resolving it: the person is told, once (a ticket already resolved is left alone).
        await endTicket(tx, actorId, ticket.id, { to: "resolved", details: { bulk: operationId } });
      }
    }
    return { tickets: tickets.length };
  }
}

/** Groups tickets under one cause. */
export async function createIncident(tx: DbOrTx, actorId: string, input: { title: string; numbers: number[] }): Promise<{ id: string; tickets: number }> {
  // Only open tickets not yet grouped: a double click or a colleague's group takes them once.
  const tickets = (await tx.execute(sql`
    select id, category, snapshot->'connectivity'->>'isp' as isp from tickets
     where number in ${input.numbers} and status not in ('resolved', 'closed') and incident_id is null order by number for update`)) as unknown as { id: string; category: string; isp: string | null }[];
  if (tickets.length === 0 || tickets.length !== new Set(input.numbers).size) throw new ActionError("incidentTicketsChanged");
  const isps = new Set(tickets.map((t) => t.isp));
  const [incident] = (await tx.execute(sql`
    insert into incidents (title, category, isp, created_by) values (${input.title}, ${tickets[0].category}, ${isps.size === 1 ? [...isps][0] : null}, ${actorId})
    returning id`)) as unknown as { id: string }[];
  await tx.execute(sql`update tickets set incident_id = ${incident.id}, version = version + 1, updated_at = now() where id in ${tickets.map((t) => t.id)}`);
  for (const ticket of tickets) await event(tx, ticket.id, actorId, "incident_linked", { details: { incident: incident.id } });
  return { id: incident.id, tickets: tickets.length };
}

/** One reply (and optionally the resolution) for every open ticket of the incident, once. */
export async function answerIncident(tx: DbOrTx, actorId: string, operationId: string, incidentId: string, body: string, resolve: boolean) {
  const [incident] = (await tx.execute(sql`select id, status from incidents where id = ${incidentId} for update`)) as unknown as { id: string; status: string }[];
  if (!incident) throw new ActionError("incidentNotFound");
  return once(tx, operationId, "incident_reply", actorId, async () => {
    const numbers = ((await tx.execute(sql`select number::int from tickets where incident_id = ${incidentId} and status not in ('resolved', 'closed')`)) as unknown as { number: number }[]).map((r) => r.number);
    const { tickets } = numbers.length > 0 ? await applyBulk(tx, actorId, operationId, numbers, { kind: "reply", body, resolve }) : { tickets: 0 };
    if (resolve) await tx.execute(sql`update incidents set status = 'resolved', resolved_at = coalesce(resolved_at, now()) where id = ${incidentId}`);
    // What the agent is told: how many got the answer, and how many of them are now resolved.
    const resolved = resolve && numbers.length > 0 ? ((await tx.execute(sql`select count(*)::int as n from tickets where number in ${numbers} and status = 'resolved'`)) as unknown as { n: number }[])[0].n : 0;
    return { tickets, resolved };
  });
}

// The suggestions (with the tickets they would group) live with the other incident reads.
export { incidentSuggestions as suggestIncidents } from "./incidents";
