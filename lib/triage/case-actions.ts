import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { issueSignInLink } from "@/lib/auth/sign-in-link";
import { env } from "@/lib/config/env";
import { grantQueuePriority } from "@/lib/devices/service";
import { recordReviewDecision, type ReviewOutcome } from "@/lib/eligibility/review-decision";

// What an agent can do to the case behind a ticket. Each leaves an event on the ticket.

async function ticketOwner(tx: DbOrTx, number: number): Promise<{ ticketId: string; employeeId: string }> {
  const [row] = (await tx.execute(sql`select id, employee_id from tickets where number = ${number}`)) as unknown as { id: string; employee_id: string }[];
  if (!row) throw new ActionError("ticketNotFound");
  return { ticketId: row.id, employeeId: row.employee_id };
}

async function log(tx: DbOrTx, ticketId: string, actorId: string, kind: string, details: Record<string, unknown>) {
  await tx.execute(sql`insert into ticket_events (ticket_id, actor_employee_id, kind, details) values (${ticketId}, ${actorId}, ${kind}, ${JSON.stringify(details)}::jsonb)`);
}

export async function grantPriorityFor(tx: DbOrTx, actorId: string, number: number) {
  const { ticketId, employeeId } = await ticketOwner(tx, number);
  const result = await grantQueuePriority(tx, employeeId);
  await log(tx, ticketId, actorId, "priority_granted", result);
  return result;
}

export async function assignSerialFor(tx: DbOrTx, actorId: string, number: number, serial: string) {
  const { ticketId, employeeId } = await ticketOwner(tx, number);
  const rows = await tx.execute(sql`
    update hardware_tokens set assigned_employee_id = ${employeeId}, assigned_at = now()
     where serial = ${serial} and (assigned_employee_id is null or assigned_employee_id = ${employeeId}) returning id`);
  if (rows.length === 0) throw new ActionError("serialUnavailable", "serial");
  await log(tx, ticketId, actorId, "serial_assigned", { serial });
}


/** IT's decision on a review, on any ticket of the person (lib/eligibility/review-decision.ts). */
export async function markEligibilityReviewed(tx: DbOrTx, actorId: string, number: number, outcome: ReviewOutcome) {
  const { ticketId, employeeId } = await ticketOwner(tx, number);
  await recordReviewDecision(tx, actorId, employeeId, ticketId, outcome);
}

/** A fresh sign-in link to the other address on file (e.g. the private one when work mail is out of reach). */
export async function sendSignInLinkFor(tx: DbOrTx, actorId: string, number: number, which: "work" | "private") {
  const { ticketId, employeeId } = await ticketOwner(tx, number);
  const [person] = (await tx.execute(sql`select work_email, private_email from employees where id = ${employeeId} and active`)) as unknown as { work_email: string | null; private_email: string | null }[];
  const address = (which === "work" ? person?.work_email : person?.private_email)?.toLowerCase();
  if (!address) throw new ActionError("noSuchAddress", "which");
  // In the action's transaction; the new link replaces any earlier one of that address.
  await issueSignInLink(tx, { identifier: address, callbackUrl: `${env().PUBLIC_URL}/` });
  await log(tx, ticketId, actorId, "sign_in_link_sent", { which });
}
