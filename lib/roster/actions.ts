"use server";

import { z } from "zod";
import { ActionError, defineAction } from "@/lib/auth/action";
import { activeEmployeeIdByNumber, deactivateInTransaction } from "./queries";
import { keepOneAdmin, setStaffRole } from "./roles";
import { roleChangeSchema } from "./schema";

const admin = { roles: ["admin"] } as const;

const changeRole = defineAction({
  name: "roster.role",
  refreshesPage: true,
  schema: roleChangeSchema,
  access: admin,
  handler: (i, { tx }) => setStaffRole(tx, i.number, i.role, i.grant),
  audit: (i, r) => (r.changed ? { action: i.grant ? "role.grant" : "role.revoke", targetType: "employee", targetId: r.employeeId, details: { role: i.role } } : null),
});

export async function changeRoleAction(input: unknown) {
  return changeRole(input as never);
}

const deactivate = defineAction({
  name: "employee.deactivate",
  refreshesPage: true,
  schema: z.object({ number: z.string().trim().min(1, "employeeNotFound").max(40, "employeeNotFound") }),
  access: admin,
  handler: async (i, { person, tx }) => {
    const employeeId = await activeEmployeeIdByNumber(tx, i.number);
    // Nobody locks themselves out by mistake; another admin can do it.
    if (employeeId === person!.employeeId) throw new ActionError("cannotDeactivateSelf");
    await keepOneAdmin(tx, employeeId);
    return { employeeId, ...(await deactivateInTransaction(tx, employeeId))! };
  },
  audit: (_i, r) => ({ action: "employee.deactivate", targetType: "employee", targetId: r.employeeId, details: { sessionsEnded: r.sessionsEnded } }),
});

export async function deactivateEmployeeAction(input: unknown) {
  return deactivate(input as never);
}
