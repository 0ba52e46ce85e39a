"use server";

import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { setVolunteerDays } from "./onsite";

const volunteer = defineAction({
  name: "onsite.volunteer",
  schema: z.object({ days: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")).max(31) }),
  access: { roles: ["employee"] },
  handler: (i, { person, tx }) => setVolunteerDays(tx, person!.employeeId, i.days),
  audit: (_i, r, { person }) => ({ action: "onsite.volunteer", targetType: "employee", targetId: person!.employeeId, details: { days: r.days } }),
});

export async function volunteerAction(input: unknown) {
  return volunteer(input as never);
}
