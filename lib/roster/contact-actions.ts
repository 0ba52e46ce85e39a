"use server";

import { defineAction } from "@/lib/auth/action";
import { contactAddressSchema } from "./contact-schema";
import { chooseContactAddress } from "./queries";

// A person changes where their own mail goes; the address must be one of theirs on file,
// which the domain function re-checks against the roster (never trusting the radio's values).
const choose = defineAction({
  name: "employee.contact_address",
  refreshesPage: true,
  schema: contactAddressSchema,
  access: { roles: ["employee"] },
  handler: (i, { person, tx }) => chooseContactAddress(tx, person!.employeeId, i.address),
  // Which of the two, not the address itself: the audit log holds no more personal data than it needs.
  audit: (_i, r, { person }) => ({ action: "employee.contact_address", targetType: "employee", targetId: person!.employeeId, details: { which: r.which } }),
});

export async function chooseContactAddressAction(input: unknown) {
  const result = await choose(input as never);
  return result.ok ? { ok: true as const, data: { address: result.data.address } } : result;
}
