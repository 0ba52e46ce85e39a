import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifyEmployee } from "@/lib/mail/notify";
import { caseSnapshot } from "@/lib/onboarding/snapshot";
import { getSetting } from "@/lib/settings/queries";
import { defaultSlaSettings, slaSettingsSchema } from "@/lib/settings/schemas";

export type TicketCategory = "eligibility_review" | "token_problem" | "no_connectivity" | "vpn_blocked" | "gateway_unreachable" | "device_problem" | "help_request";
export type TicketPriority = "low" | "normal" | "high" | "urgent";

/**
 * Hands a case to IT: one open ticket per employee and category. Raising the
 * same problem again refreshes the attached case instead of opening another.
 * `dueOn`: a decision promised to the person by that day (a review: 17:00 Zurich), instead of the SLA.
 * `contactPhone` (E.164) is the phone the person gave on the form: a string or
 * null replaces the ticket's, undefined (tickets the portal raises) keeps it.
 */
export async function raiseTicket(
  tx: DbOrTx,
  input: { employeeId: string; category: TicketCategory; priority?: TicketPriority; summary: string; actorEmployeeId?: string | null; contactPhone?: string | null; dueOn?: string },
): Promise<{ id: string; number: number; created: boolean }> {
  const snapshot = await caseSnapshot(tx, input.employeeId);
  const priority = input.priority ?? "normal";
  const sla = await getSetting("sla_hours", slaSettingsSchema, defaultSlaSettings, tx);
  const [row] = (await tx.execute(sql`
    insert into tickets (employee_id, category, priority, summary, snapshot, sla_due_at, contact_phone)
    values (${input.employeeId}, ${input.category}, ${priority}, ${input.summary}, ${JSON.stringify(snapshot)}::jsonb, ${input.dueOn ? sql`(${input.dueOn}::date + time '17:00') at time zone 'Europe/Zurich'` : sql`now() + make_interval(mins => ${Math.round(sla[priority] * 60)})`}, ${input.contactPhone ?? null})
    on conflict (employee_id, category) where status not in ('resolved', 'closed')
    do update set snapshot = excluded.snapshot, summary = excluded.summary, updated_at = now(),
                  contact_phone = ${input.contactPhone === undefined ? sql`tickets.contact_phone` : sql`excluded.contact_phone`}
    returning id, number, (xmax = 0) as created`)) as unknown as { id: string; number: string | number; created: boolean }[];
  await tx.execute(sql`
    insert into ticket_events (ticket_id, actor_employee_id, kind, public, body)
    values (${row.id}, ${input.actorEmployeeId ?? null}, ${row.created ? "opened" : "case_updated"}, false, ${input.summary})`);
  if (row.created) await notifyEmployee(tx, input.employeeId, "ticketOpened", { number: Number(row.number) });
  return { id: row.id, number: Number(row.number), created: row.created };
}

export type TicketMessage = { at: Date; body: string; fromEmployee: boolean };
/** `contactPhone`: the phone the person gave IT on this ticket (their own, so theirs to see). */
export type OpenTicket = { number: number; category: TicketCategory; status: string; createdAt: Date; incident: boolean; contactPhone: string | null; replies: TicketMessage[] };

/** The employee's own tickets that are not closed, newest first, with IT's public replies (never internal notes). */
export async function listOpenTickets(tx: DbOrTx, employeeId: string): Promise<OpenTicket[]> {
  const rows = (await tx.execute(sql`
    select t.number, t.category, t.status, t.created_at as "createdAt", (t.incident_id is not null) as incident, t.contact_phone as "contactPhone",
           coalesce((select json_agg(json_build_object('at', e.at, 'body', e.body, 'fromEmployee', e.kind = 'employee_message') order by e.at)
                       from ticket_events e where e.ticket_id = t.id and e.public and e.body is not null), '[]'::json) as replies
      from tickets t
     where t.employee_id = ${employeeId} and t.status not in ('resolved', 'closed')
     order by t.created_at desc`)) as unknown as (Omit<OpenTicket, "replies"> & { number: string | number; replies: { at: string; body: string; fromEmployee: boolean }[] })[];
  return rows.map((r) => ({ ...r, number: Number(r.number), createdAt: new Date(r.createdAt), replies: r.replies.map((x) => ({ ...x, at: new Date(x.at) })) }));
}

/**
 * "I need help": one open ticket per person and category; the description is
 * added to it as the employee's message (visible to them and to IT).
 */
export async function requestHelp(tx: DbOrTx, employeeId: string, input: { category: TicketCategory; description: string; phone?: string }): Promise<{ number: number }> {
  // The words themselves are the employee's message below, shown once in the timeline.
  const ticket = await raiseTicket(tx, { employeeId, category: input.category, summary: "\"I need help\" from the status page", actorEmployeeId: employeeId, contactPhone: input.phone ?? null });
  await tx.execute(sql`
    insert into ticket_events (ticket_id, actor_employee_id, kind, public, body)
    values (${ticket.id}, ${employeeId}, 'employee_message', true, ${input.description})`);
  return { number: ticket.number };
}
