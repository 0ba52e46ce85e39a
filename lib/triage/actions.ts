"use server";

import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { answerIncident, assignTicket, bulkUpdate, changeStatus, claimTicket, addNote, createIncident, employeeAnswer, replyToTicket } from "./service";
import { assignSerialFor, grantPriorityFor, markEligibilityReviewed, sendSignInLinkFor } from "./case-actions";
import { caseActionSchema, answerSchema, assignSchema, bulkSchema, claimSchema, incidentAnswerSchema, incidentSchema, noteSchema, replySchema, statusSchema } from "./schema";

// Every action here re-checks the role on the server: only it_agent and admin work tickets.
const agents = { roles: ["it_agent", "admin"] } as const;
const ticketAudit = (action: string) => (input: { number: number }) => ({ action, targetType: "ticket", targetId: String(input.number) });

const claim = defineAction({ refreshesPage: true, name: "ticket.claim", schema: claimSchema, access: agents, handler: ({ number }, { person, tx }) => claimTicket(tx, person!.employeeId, number), audit: ticketAudit("ticket.claim") });
const assign = defineAction({ refreshesPage: true, name: "ticket.assign", schema: assignSchema, access: agents, handler: (i, { person, tx }) => assignTicket(tx, person!.employeeId, i.number, i.assigneeId, i.version), audit: ticketAudit("ticket.assign") });
const status = defineAction({ refreshesPage: true, name: "ticket.status", schema: statusSchema, access: agents, handler: (i, { person, tx }) => changeStatus(tx, person!.employeeId, i.number, i.status, i.version), audit: ticketAudit("ticket.status") });
const note = defineAction({ refreshesPage: true, name: "ticket.note", idempotentSeconds: repeatWindowSeconds, schema: noteSchema, access: agents, handler: (i, { person, tx }) => addNote(tx, person!.employeeId, i.number, i.body), audit: ticketAudit("ticket.note") });
const reply = defineAction({ refreshesPage: true, name: "ticket.reply", idempotentSeconds: repeatWindowSeconds, schema: replySchema, access: agents, handler: (i, { person, tx }) => replyToTicket(tx, person!.employeeId, i.number, i.body, i.version, i.resolve), audit: ticketAudit("ticket.reply") });
const bulk = defineAction({
  name: "ticket.bulk",
  refreshesPage: true,
  schema: bulkSchema,
  access: agents,
  handler: (i, { person, tx }) => bulkUpdate(tx, person!.employeeId, i.operationId, i.numbers, i.action),
  audit: (i, r) => (r.repeated ? null : { action: `ticket.bulk_${i.action.kind}`, targetType: "bulk_operation", targetId: i.operationId, details: { tickets: r.tickets } }),
});
const incident = defineAction({
  name: "incident.create",
  refreshesPage: true,
  schema: incidentSchema,
  access: agents,
  handler: (i, { person, tx }) => createIncident(tx, person!.employeeId, i),
  audit: (_i, r) => ({ action: "incident.create", targetType: "incident", targetId: r.id, details: { tickets: r.tickets } }),
});
const incidentAnswer = defineAction({
  name: "incident.answer",
  refreshesPage: true,
  schema: incidentAnswerSchema,
  access: agents,
  handler: (i, { person, tx }) => answerIncident(tx, person!.employeeId, i.operationId, i.incidentId, i.body, i.resolve),
  audit: (i, r) => (r.repeated ? null : { action: i.resolve ? "incident.resolve" : "incident.reply", targetType: "incident", targetId: i.incidentId, details: { tickets: r.tickets, resolved: r.resolved } }),
});
const answer = defineAction({
  name: "ticket.employee_answer",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: answerSchema,
  access: { roles: ["employee"] },
  handler: (i, { person, tx }) => employeeAnswer(tx, person!.employeeId, i.number, i.body),
  audit: ticketAudit("ticket.employee_answer"),
});

export async function claimTicketAction(input: unknown) {
  return claim(input as never);
}
export async function assignTicketAction(input: unknown) {
  return assign(input as never);
}
export async function changeStatusAction(input: unknown) {
  return status(input as never);
}
export async function addNoteAction(input: unknown) {
  return note(input as never);
}
export async function replyAction(input: unknown) {
  return reply(input as never);
}
export async function bulkAction(input: unknown) {
  return bulk(input as never);
}
export async function createIncidentAction(input: unknown) {
  return incident(input as never);
}
export async function answerIncidentAction(input: unknown) {
  return incidentAnswer(input as never);
}
export async function answerTicketAction(input: unknown) {
  return answer(input as never);
}

const caseAction = defineAction({
  name: "ticket.case_action",
  refreshesPage: true,
  schema: caseActionSchema,
  access: agents,
  handler: async (i, { person, tx }) => {
    const actor = person!.employeeId;
    if (i.kind === "priority") await grantPriorityFor(tx, actor, i.number);
    else if (i.kind === "serial") await assignSerialFor(tx, actor, i.number, i.serial);
    else if (i.kind === "eligibility") await markEligibilityReviewed(tx, actor, i.number, i.outcome);
    else await sendSignInLinkFor(tx, actor, i.number, i.which);
    return { kind: i.kind };
  },
  audit: (i) => ({ action: `ticket.case_${i.kind}`, targetType: "ticket", targetId: String(i.number) }),
});

export async function caseActionAction(input: unknown) {
  return caseAction(input as never);
}
