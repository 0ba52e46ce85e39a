import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { lockOrCreate } from "@/lib/db/lock-or-create";
import { lockCase } from "@/lib/onboarding/queries";
import { plannedOn, weekPlan } from "./declaration";
import { daysOfMonth } from "./month";
import { emptyWorkingDays, filledDay, isEmptyEntry } from "./filled";
import { bookPublicHoliday, isoWeekday, type Absences, type Weekday } from "./rules";
import type { z } from "zod";
import type { monthSheetSchema } from "./schema";

/** A day of the month; `filled` when it has a stored entry (an untouched day is empty, not "worked 0"). */
export type SheetDay = { date: string; weekday: Weekday; planned: number; holiday: string | null; filled: boolean; worked: number; absences: Absences; overtimeMarked: boolean };
export type MonthSheet = { month: string; status: "draft" | "submitted" | "approved" | "locked"; days: SheetDay[] };

/** Working days of the sheet still without an entry (public holidays excepted). */
export const emptyDaysOf = (sheet: MonthSheet) => emptyWorkingDays(sheet.days);

/**
 * The employee's month: planned minutes from the contract valid on each day (Monday to
 * Friday, weekly hours × rate, start and end) until the month is locked, whose days keep
 * the plan they were locked with (RHT-RULES.md, Decisions); public holidays of their
 * site's canton, booked as such on a planned day; and what they entered.
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
  const perWeekday = weekPlan(terms.weeklyMinutes, terms.employmentRate);
  return {
    month,
    status: status?.status ?? "draft",
    days: dates.map((date) => {
      const row = stored.get(date);
      const planned = status?.status === "locked" ? (row?.planned_minutes ?? plannedOn(date, terms, perWeekday)) : plannedOn(date, terms, perWeekday);
      const holiday = holidayByDate.get(date) ?? null;
      // A planned public holiday is never lost: what is neither worked nor another absence is booked as one.
      const day = bookPublicHoliday({ planned, worked: row?.worked_minutes ?? 0, absences: row?.absences ?? {} }, holiday !== null);
      return { date, weekday: isoWeekday(date), planned, holiday, filled: row !== undefined, worked: day.worked, absences: day.absences, overtimeMarked: row?.overtime_marked ?? false };
    }),
  };
}

type Parsed = z.output<typeof monthSheetSchema>;

/** Locks the person's month for this transaction (created as a draft if needed) and returns its status. */
export async function lockMonth(tx: DbOrTx, employeeId: string, month: string): Promise<MonthSheet["status"]> {
  const row = await lockOrCreate<{ status: MonthSheet["status"] }>(
    tx,
    sql`select status from timesheet_months where employee_id = ${employeeId} and month = ${`${month}-01`}::date for update`,
    sql`insert into timesheet_months (employee_id, month) values (${employeeId}, ${`${month}-01`}::date) on conflict do nothing`,
  );
  return row.status;
}

/** Who writes the month, and so which states they may write in. */
export type Writer = "employee" | "hr" | "correction";

/**
 * Saves the month: the days the person filled are written, the days they cleared are
 * deleted (empty again), untouched days stay empty. Planned minutes always come from the
 * server; a day whose worked time and absences exceed what was planned must be marked as
 * overtime; a planned public holiday keeps the rest of its plan as public holiday. Nothing
 * is saved when any day is refused. The employee writes a draft; HR writes a draft or a
 * submitted month before its unit is approved; a locked month is only written by a
 * correction (the database refuses anything else).
 */
export async function saveMonthSheet(tx: DbOrTx, employeeId: string, input: Parsed, writer: Writer = "employee"): Promise<{ days: number; cleared: number }> {
  await lockCase(tx, employeeId);
  // The month's row is locked too, so an approval waits for this save (and the other way round).
  const status = await lockMonth(tx, employeeId, input.month);
  const allowed: Record<Writer, MonthSheet["status"][]> = { employee: ["draft"], hr: ["draft", "submitted"], correction: ["locked"] };
  if (!allowed[writer].includes(status)) throw new ActionError(status === "locked" ? "monthLocked" : status === "approved" ? "monthApproved" : "monthSubmitted");
  const sheet = await getMonthSheet(employeeId, input.month, tx);
  const byDate = new Map(sheet.days.map((d) => [d.date, d]));
  // By date: a day sent twice counts once, the last one as typed.
  const written = new Map<string, { day: string; planned: number; worked: number; absences: Absences; overtime: boolean }>();
  const cleared = new Set<string>();
  for (const [index, entry] of input.days.entries()) {
    const day = byDate.get(entry.date);
    if (!day) throw new ActionError("dateOutsideMonth", `days.${index}.date`);
    written.delete(entry.date);
    cleared.delete(entry.date);
    if (isEmptyEntry(entry)) {
      if (day.filled) cleared.add(entry.date);
      continue;
    }
    const filled = filledDay(day.planned, day.holiday !== null, entry);
    if (filled.refusal) throw new ActionError(filled.refusal.key, `days.${index}.${filled.refusal.field}`);
    written.set(entry.date, { day: entry.date, planned: day.planned, worked: filled.worked, absences: filled.absences, overtime: entry.overtime });
  }
  if (written.size > 0) {
    await tx.execute(sql`
      insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, absences, overtime_marked)
      select ${employeeId}, x.day, x.planned, x.worked, x.absences, x.overtime
        from jsonb_to_recordset(${JSON.stringify([...written.values()])}::jsonb) as x(day date, planned int, worked int, absences jsonb, overtime boolean)
      on conflict (employee_id, day) do update set planned_minutes = excluded.planned_minutes, worked_minutes = excluded.worked_minutes,
        absences = excluded.absences, overtime_marked = excluded.overtime_marked, updated_at = now()`);
  }
  if (cleared.size > 0) {
    await tx.execute(sql`delete from timesheet_days where employee_id = ${employeeId} and day = any(${`{${[...cleared].join(",")}}`}::date[])`);
  }
  return { days: written.size, cleared: cleared.size };
}

/**
 * Submits the month (the employee, or HR on their behalf). Every working day needs an
 * entry first (a planned public holiday without one is booked as such); after
 * submission, changes go through HR.
 */
export async function submitMonth(tx: DbOrTx, employeeId: string, month: string): Promise<void> {
  await lockCase(tx, employeeId);
  const sheet = await getMonthSheet(employeeId, month, tx);
  const missing = emptyDaysOf(sheet);
  if (sheet.status === "draft" && missing > 0) throw new ActionError("daysMissing", undefined, { count: missing });
  const rows = await tx.execute(sql`
    insert into timesheet_months (employee_id, month, status, submitted_at) values (${employeeId}, ${`${month}-01`}::date, 'submitted', now())
    on conflict (employee_id, month) do update set status = 'submitted', submitted_at = now() where timesheet_months.status = 'draft'
    returning status`);
  if (rows.length === 0) throw new ActionError("monthSubmitted");
}
