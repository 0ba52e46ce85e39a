"use server";

import { z } from "zod";
import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { isoDate } from "@/lib/http/fields";
import { setVolunteerDays } from "./onsite";

const volunteer = defineAction({
  name: "onsite.volunteer",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: z.object({ days: z.array(isoDate()).max(31) }),
  access: { roles: ["employee"] },
  handler: (i, { person, tx }) => setVolunteerDays(tx, person!.employeeId, i.days),
  audit: (_i, r, { person }) => ({ action: "onsite.volunteer", targetType: "employee", targetId: person!.employeeId, details: { days: r.days } }),
});

export async function volunteerAction(input: unknown) {
  return volunteer(input as never);
}
