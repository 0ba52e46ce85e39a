"use server";

import { z } from "zod";
import { defineAction, repeatWindowSeconds } from "@/lib/auth/action";
import { monthSchema } from "./month";
import { monthSheetSchema } from "./schema";
import { saveMonthSheet, submitMonth } from "./timesheet";

const save = defineAction({
  name: "timesheet.save",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: monthSheetSchema,
  access: { roles: ["employee"] },
  handler: (input, { person, tx }) => saveMonthSheet(tx, person!.employeeId, input),
  audit: (input, r, { person }) => ({ action: "timesheet.save", targetType: "employee", targetId: person!.employeeId, details: { month: input.month, days: r.days, cleared: r.cleared } }),
});

const submit = defineAction({
  name: "timesheet.submit",
  refreshesPage: true,
  idempotentSeconds: repeatWindowSeconds,
  schema: z.object({ month: monthSchema }),
  access: { roles: ["employee"] },
  handler: ({ month }, { person, tx }) => submitMonth(tx, person!.employeeId, month),
  audit: ({ month }, _r, { person }) => ({ action: "timesheet.submit", targetType: "employee", targetId: person!.employeeId, details: { month } }),
});

export async function saveMonthAction(input: unknown) {
  return save(input as never);
}

export async function submitMonthAction(input: unknown) {
  return submit(input as never);
}
