"use server";

import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { lockCase } from "@/lib/onboarding/queries";
import { helpRequestSchema } from "./schema";
import { requestHelp } from "./service";

const help = defineAction({
  name: "ticket.help_requested",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: helpRequestSchema,
  access: { roles: ["employee"] },
  handler: async (input, { person, tx }) => {
    await lockCase(tx, person!.employeeId);
    return requestHelp(tx, person!.employeeId, input);
  },
  // The description stays in the ticket, not in the audit log.
  audit: (input, result, { person }) => ({ action: "ticket.help_requested", targetType: "employee", targetId: person!.employeeId, details: { category: input.category, ticket: result.number } }),
});

export async function requestHelpAction(input: unknown) {
  return help(input as never);
}
