import { z } from "zod";
import { ticketStatuses } from "./rules";

const number = z.coerce.number({ error: "ticketNotFound" }).int().positive().max(Number.MAX_SAFE_INTEGER);
// A row version is an int4 in PostgreSQL: a larger number is refused here, not by the database.
const version = z.coerce.number().int().positive().max(2_147_483_647);
const body = z.string({ error: "messageRequired" }).trim().min(2, "messageRequired").max(5000, "messageTooLong");

export const claimSchema = z.object({ number });
export const assignSchema = z.object({ number, version, assigneeId: z.uuid({ error: "assigneeRequired" }) });
export const statusSchema = z.object({ number, version, status: z.enum(ticketStatuses, { error: "statusRequired" }) });
export const noteSchema = z.object({ number, body });
export const replySchema = z.object({ number, version, body, resolve: z.boolean().optional().default(false) });
export const answerSchema = z.object({ number, body });
export const bulkSchema = z.object({
  operationId: z.uuid(),
  numbers: z.array(number).min(1, "selectTickets").max(1000),
  action: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("assign"), assigneeId: z.uuid({ error: "assigneeRequired" }) }),
    z.object({ kind: z.literal("reply"), body, resolve: z.boolean().default(false) }),
    z.object({ kind: z.literal("resolve") }),
  ]),
});
export const incidentSchema = z.object({ title: z.string().trim().min(3, "titleRequired").max(200, "tooLong"), numbers: z.array(number).min(1, "selectTickets").max(5000) });
export const incidentAnswerSchema = z.object({ operationId: z.uuid(), incidentId: z.uuid({ error: "incidentNotFound" }), body, resolve: z.boolean().default(false) });

export const caseActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("priority"), number }),
  z.object({ kind: z.literal("serial"), number, serial: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{4,32}$/, "serialInvalid") }),
  z.object({ kind: z.literal("eligibility"), number, outcome: z.enum(["eligible", "not_eligible"], { error: "statusRequired" }) }),
  z.object({ kind: z.literal("signInLink"), number, which: z.enum(["work", "private"], { error: "statusRequired" }) }),
]);
