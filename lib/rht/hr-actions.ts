"use server";

import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ActionError, defineAction } from "@/lib/auth/action";
import { approvePeriod, correctMonth, lockPeriod, remindMissing, reopenPeriod, returnMonth } from "./periods";
import { correctionSchema, employeeMonthSchema, hrSheetSchema, periodSchema, reminderSchema } from "./schema";
import { submitImportedMonths } from "./submit-unit";
import { saveMonthSheet, submitMonth } from "./timesheet";

// HR's actions on short-time work. Each re-checks the session and the `hr` role (defineAction)
// and writes its audit row in the same transaction. AVS numbers never go into the audit.

async function employeeByNumber(tx: Tx, number: string): Promise<string> {
  const [row] = (await tx.execute(sql`select id from employees where number = ${number}`)) as unknown as { id: string }[];
  if (!row) throw new ActionError("employeeNotFound", "number");
  return row.id;
}

const hr = { roles: ["hr"] } as const;
const periodAudit = (action: string) => (input: { month: string; unitId: string }) => ({ action, targetType: "rht_period", targetId: `${input.month}:${input.unitId}`, details: { month: input.month, unitId: input.unitId } });

const approve = defineAction({ name: "rht.approve", refreshesPage: true, schema: periodSchema, access: hr, handler: (i, { person, tx }) => approvePeriod(tx, person!.employeeId, i.unitId, i.month), audit: periodAudit("rht.approve") });
const reopen = defineAction({ name: "rht.reopen", refreshesPage: true, schema: periodSchema, access: hr, handler: (i, { tx }) => reopenPeriod(tx, i.unitId, i.month), audit: periodAudit("rht.reopen") });
const lock = defineAction({ name: "rht.lock", refreshesPage: true, schema: periodSchema, access: hr, handler: (i, { person, tx }) => lockPeriod(tx, person!.employeeId, i.unitId, i.month), audit: periodAudit("rht.lock") });

const hrSave = defineAction({
  name: "rht.hr_save",
  refreshesPage: true,
  schema: hrSheetSchema,
  access: hr,
  handler: async (i, { tx }) => {
    const employeeId = await employeeByNumber(tx, i.number);
    return { employeeId, ...(await saveMonthSheet(tx, employeeId, i, "hr")) };
  },
  audit: (i, r) => ({ action: "rht.hr_save", targetType: "employee", targetId: r.employeeId, details: { month: i.month, days: r.days, cleared: r.cleared } }),
});

const correct = defineAction({
  name: "rht.correct",
  refreshesPage: true,
  schema: correctionSchema,
  access: hr,
  handler: async (i, { person, tx }) => {
    const employeeId = await employeeByNumber(tx, i.number);
    return { employeeId, ...(await correctMonth(tx, person!.employeeId, employeeId, i, i.reason)) };
  },
  audit: (i, r) => ({ action: "rht.correct", targetType: "employee", targetId: r.employeeId, details: { month: i.month, version: r.version, reason: i.reason } }),
});

const submitFor = defineAction({
  name: "rht.submit_for",
  refreshesPage: true,
  schema: employeeMonthSchema,
  access: hr,
  handler: async (i, { tx }) => {
    const employeeId = await employeeByNumber(tx, i.number);
    await submitMonth(tx, employeeId, i.month);
    return { employeeId };
  },
  audit: (i, r) => ({ action: "rht.submit_for", targetType: "employee", targetId: r.employeeId, details: { month: i.month } }),
});

// One action for a unit's imported months (issue 14 point 6); the audit keeps counts only.
const submitImported = defineAction({
  name: "rht.submit_imported",
  refreshesPage: true,
  schema: periodSchema,
  access: hr,
  handler: (i, { person, tx }) => submitImportedMonths(tx, person!.employeeId, i.unitId, i.month),
  audit: (i, r) => ({ action: "rht.submit_imported", targetType: "rht_period", targetId: `${i.month}:${i.unitId}`, details: { month: i.month, unitId: i.unitId, submitted: r.submitted, refused: r.refused.length } }),
});

const giveBack = defineAction({
  name: "rht.return",
  refreshesPage: true,
  schema: employeeMonthSchema,
  access: hr,
  handler: async (i, { tx }) => {
    const employeeId = await employeeByNumber(tx, i.number);
    await returnMonth(tx, employeeId, i.month);
    return { employeeId };
  },
  audit: (i, r) => ({ action: "rht.return", targetType: "employee", targetId: r.employeeId, details: { month: i.month } }),
});

const remind = defineAction({
  name: "rht.remind",
  schema: reminderSchema,
  access: hr,
  handler: (i, { person, tx }) => remindMissing(tx, person!.employeeId, i.operationId, i.month, i.unitId === "all" ? null : i.unitId),
  audit: (i, r) => (r.repeated ? null : { action: "rht.remind", targetType: "rht_period", targetId: `${i.month}:${i.unitId}`, details: { month: i.month, unitId: i.unitId, reminded: r.reminded } }),
});

export async function approvePeriodAction(input: unknown) {
  return approve(input as never);
}
export async function reopenPeriodAction(input: unknown) {
  return reopen(input as never);
}
export async function lockPeriodAction(input: unknown) {
  return lock(input as never);
}
export async function hrSaveMonthAction(input: unknown) {
  return hrSave(input as never);
}
export async function correctMonthAction(input: unknown) {
  return correct(input as never);
}
export async function submitForEmployeeAction(input: unknown) {
  return submitFor(input as never);
}
export async function submitImportedMonthsAction(input: unknown) {
  return submitImported(input as never);
}
export async function returnMonthAction(input: unknown) {
  return giveBack(input as never);
}
export async function remindMissingAction(input: unknown) {
  return remind(input as never);
}
