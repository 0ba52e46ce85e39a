import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { lockCase } from "@/lib/onboarding/queries";
import { plannedOn, workingDays } from "./declaration";
import { daysOfMonth } from "./month";
import { dayRefusal, isoWeekday, plannedPerWeekday, type Absences, type Weekday } from "./rules";
import type { z } from "zod";
import type { monthSheetSchema } from "./schema";

export type SheetDay = { date: string; weekday: Weekday; planned: number; holiday: string | null; worked: number; absences: Absences; overtimeMarked: boolean };
export type MonthSheet = { month: string; status: "draft" | "submitted" | "approved" | "locked"; days: SheetDay[] };


/**
 * The employee's month: planned minutes from the contract (Monday to Friday,
 * weekly hours × rate), public holidays of their site's canton, and what they entered.
 */
export async function getMonthSheet(employeeId: string, month: string, tx: DbOrTx = db()): Promise<MonthSheet> {
  const [contract] = (await tx.execute(sql`
    select e.weekly_minutes, e.employment_rate, e.employed_from::text, e.employed_until::text, coalesce(s.canton, 'CH') as canton
      from employees e left join sites s on s.id = e.site_id where e.id = ${employeeId}`)) as unknown as {
    weekly_minutes: number;
    employment_rate: number;
    employed_from: string | null;
    employed_until: string | null;
    canton: string;
  }[];
  const dates = daysOfMonth(month);
  const holidays = (await tx.execute(sql`
    select day::text, name from public_holidays where canton in ('CH', ${contract.canton}) and day between ${dates[0]}::date and ${dates[dates.length - 1]}::date`)) as unknown as { day: string; name: string }[];
  const holidayByDate = new Map(holidays.map((h) => [h.day, h.name]));
  const rows = (await tx.execute(sql`
    select day::text, planned_minutes, worked_minutes, absences, overtime_marked from timesheet_days
     where employee_id = ${employeeId} and day between ${dates[0]}::date and ${dates[dates.length - 1]}::date`)) as unknown as { day: string; planned_minutes: number; worked_minutes: number; absences: Absences; overtime_marked: boolean }[];
  const stored = new Map(rows.map((r) => [r.day, r]));
  const [status] = (await tx.execute(sql`select status from timesheet_months where employee_id = ${employeeId} and month = ${`${month}-01`}::date`)) as unknown as { status: MonthSheet["status"] }[];
  const terms = { weeklyMinutes: contract.weekly_minutes, employmentRate: contract.employment_rate, employedFrom: contract.employed_from, employedUntil: contract.employed_until };
  const perWeekday = plannedPerWeekday(terms.weeklyMinutes, terms.employmentRate, workingDays);
  return {
    month,
    status: status?.status ?? "draft",
    days: dates.map((date) => {
      const row = stored.get(date);
      const weekday = isoWeekday(date);
      const planned = row?.planned_minutes ?? plannedOn(date, terms, perWeekday);
      const holiday = holidayByDate.get(date) ?? null;
      return {
        date,
        weekday,
        planned,
        holiday,
        worked: row?.worked_minutes ?? 0,
        // A public holiday on a planned day is booked as such, never as lost time.
        absences: row?.absences ?? (holiday && planned > 0 ? { public_holiday: planned } : {}),
        overtimeMarked: row?.overtime_marked ?? false,
      };
    }),
  };
}

type Parsed = z.output<typeof monthSheetSchema>;

/** Who writes the month, and so which states they may write in. */
export type Writer = "employee" | "hr" | "correction";

/**
 * Saves the month. Planned minutes always come from the server; a day whose
 * worked time and absences exceed what was planned must be marked as overtime.
 * Nothing is saved when any day is refused. The employee writes a draft; HR writes
 * a draft or a submitted month before its unit is approved; a locked month is only
 * written by a correction (the database refuses anything else).
 */
export async function saveMonthSheet(tx: DbOrTx, employeeId: string, input: Parsed, writer: Writer = "employee"): Promise<{ days: number }> {
  await lockCase(tx, employeeId);
  // The month's row is locked too, so an approval waits for this save (and the other way round).
  await tx.execute(sql`insert into timesheet_months (employee_id, month) values (${employeeId}, ${`${input.month}-01`}::date) on conflict do nothing`);
  const [row] = (await tx.execute(sql`select status from timesheet_months where employee_id = ${employeeId} and month = ${`${input.month}-01`}::date for update`)) as unknown as { status: MonthSheet["status"] }[];
  const allowed: Record<Writer, MonthSheet["status"][]> = { employee: ["draft"], hr: ["draft", "submitted"], correction: ["locked"] };
  if (!allowed[writer].includes(row.status)) throw new ActionError(row.status === "locked" ? "monthLocked" : row.status === "approved" ? "monthApproved" : "monthSubmitted");
  const sheet = await getMonthSheet(employeeId, input.month, tx);
  const byDate = new Map(sheet.days.map((d) => [d.date, d]));
  for (const [index, entry] of input.days.entries()) {
    const day = byDate.get(entry.date);
    if (!day) throw new ActionError("dateOutsideMonth", `days.${index}.date`);
    const absences: Absences = entry.absenceKind && entry.absence > 0 ? { [entry.absenceKind]: entry.absence } : {};
    const refused = dayRefusal(day.planned, entry);
    if (refused) throw new ActionError(refused.key, `days.${index}.${refused.field}`);
    await tx.execute(sql`
      insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, absences, overtime_marked)
      values (${employeeId}, ${entry.date}::date, ${day.planned}, ${entry.worked}, ${JSON.stringify(absences)}::jsonb, ${entry.overtime})
      on conflict (employee_id, day) do update set worked_minutes = excluded.worked_minutes, absences = excluded.absences,
        overtime_marked = excluded.overtime_marked, updated_at = now()`);
  }
  return { days: input.days.length };
}

/**
 * Submits the month (the employee, or HR on their behalf). Every planned day needs
 * an entry first; after submission, changes go through HR.
 */
export async function submitMonth(tx: DbOrTx, employeeId: string, month: string): Promise<void> {
  await lockCase(tx, employeeId);
  const sheet = await getMonthSheet(employeeId, month, tx);
  const entered = (await tx.execute(sql`
    select day::text from timesheet_days where employee_id = ${employeeId} and day >= ${`${month}-01`}::date and day < ${`${month}-01`}::date + interval '1 month'`)) as unknown as { day: string }[];
  const enteredDays = new Set(entered.map((r) => r.day));
  const missing = sheet.days.filter((d) => d.planned > 0 && !enteredDays.has(d.date)).length;
  if (sheet.status === "draft" && missing > 0) throw new ActionError("daysMissing", undefined, { count: missing });
  const rows = await tx.execute(sql`
    insert into timesheet_months (employee_id, month, status, submitted_at) values (${employeeId}, ${`${month}-01`}::date, 'submitted', now())
    on conflict (employee_id, month) do update set status = 'submitted', submitted_at = now() where timesheet_months.status = 'draft'
    returning status`);
  if (rows.length === 0) throw new ActionError("monthSubmitted");
}
