"use server";

import { defineAction } from "@/lib/auth/action";
import { setUnitAuthorisation } from "./unit-authorisation";
import { unitAuthorisationSchema } from "./unit-authorisation-schema";

// HR sets a unit's own short-time work authorisation, or returns it to the company setting.
// No replay window: setting A, then B, then A again within a minute is three real changes.
const save = defineAction({
  name: "rht.unit_authorisation",
  refreshesPage: true,
  schema: unitAuthorisationSchema,
  access: { roles: ["hr"] },
  handler: (i, { tx }) => setUnitAuthorisation(tx, i.unitId, { from: i.from, until: i.until }),
  // A save that changes nothing leaves no trace.
  audit: (i, r) =>
    r.before.from === r.after.from && r.before.until === r.after.until
      ? null
      : { action: "rht.unit_authorisation", targetType: "org_unit", targetId: i.unitId, details: { from: i.from, until: i.until, before: r.before } },
});

export async function setUnitAuthorisationAction(input: unknown) {
  return save(input as never);
}
