import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { plannedOn, weekPlan } from "./declaration";
import { emptyWorkingDays } from "./filled";
import { daysOfMonth } from "./month";
import { lockPeriodRow } from "./periods";

// Imported hours stay drafts until submitted, and each draft blocks the unit's approval:
// HR submits a unit's imported months in one action instead of one click per person
// (issue 14 point 6). Months with empty working days are refused and listed.

export type RefusedMonth = { number: string; name: string; emptyDays: number };
export type SubmitImportedResult = { submitted: number; refused: RefusedMonth[] };

const first = (month: string) => `${month}-01`;

/** Imported months of the unit still in draft: what the action would look at (the page's confirmation). */
export async function importedDrafts(unitId: string, month: string, tx: DbOrTx = db()): Promise<number> {
  const [row] = (await tx.execute(sql`
    select count(*)::int as n from timesheet_months m join employees e on e.id = m.employee_id
     where e.org_unit_id = ${unitId} and m.month = ${first(month)}::date and m.status = 'draft' and m.imported_at is not null`)) as unknown as { n: number }[];
  return row.n;
}

type Candidate = {
  id: string;
  number: string;
  name: string;
  weekly_minutes: number;
  employment_rate: number;
  employed_from: string | null;
  employed_until: string | null;
  canton: string;
  filled: string[];
};

/**
 * Submits every draft month of the unit's employees that came from an import, when each of
 * its working days has an entry (the same count as the employee's own submission:
 * lib/rht/filled.ts, over the contract of each day and the canton's holidays). The others
 * are returned, by name, with their number of empty working days. Refused once the unit's
 * month is approved or locked; serialised with approvals (same advisory lock). Set-based:
 * a handful of statements whatever the unit's size. A second run submits nothing more.
 */
export async function submitImportedMonths(tx: DbOrTx, actorId: string, unitId: string, month: string): Promise<SubmitImportedResult> {
  void actorId; // who acted goes to the audit row, written by the action
  const period = await lockPeriodRow(tx, unitId, month);
  if (period !== "open") throw new ActionError(period === "locked" ? "periodLocked" : "periodApproved");
  // The months are locked first, so no save can empty a day between the count and the update;
  // the read after it then sees every save that committed before.
  await tx.execute(sql`
    select m.employee_id from timesheet_months m join employees e on e.id = m.employee_id
     where e.org_unit_id = ${unitId} and m.month = ${first(month)}::date and m.status = 'draft' and m.imported_at is not null
     order by m.employee_id for update of m`);
  const candidates = (await tx.execute(sql`
    select e.id, e.number, e.last_name || ' ' || e.first_name as name, e.weekly_minutes, e.employment_rate,
           e.employed_from::text, e.employed_until::text, coalesce(s.canton, 'CH') as canton,
           array(select d.day::text from timesheet_days d
                  where d.employee_id = e.id and d.day >= ${first(month)}::date and d.day < ${first(month)}::date + interval '1 month') as filled
      from timesheet_months m join employees e on e.id = m.employee_id left join sites s on s.id = e.site_id
     where e.org_unit_id = ${unitId} and m.month = ${first(month)}::date and m.status = 'draft' and m.imported_at is not null
     order by e.last_name, e.first_name, e.number`)) as unknown as Candidate[];
  if (candidates.length === 0) return { submitted: 0, refused: [] };

  const dates = daysOfMonth(month);
  const holidays = (await tx.execute(sql`
    select canton, day::text as day from public_holidays where day between ${dates[0]}::date and ${dates[dates.length - 1]}::date`)) as unknown as { canton: string; day: string }[];
  const isHoliday = (canton: string, date: string) => holidays.some((h) => h.day === date && (h.canton === "CH" || h.canton === canton));
  const complete: string[] = [];
  const refused: RefusedMonth[] = [];
  for (const c of candidates) {
    const contract = { weeklyMinutes: c.weekly_minutes, employmentRate: c.employment_rate, employedFrom: c.employed_from, employedUntil: c.employed_until };
    const perWeekday = weekPlan(contract.weeklyMinutes, contract.employmentRate);
    const filled = new Set(c.filled);
    const empty = emptyWorkingDays(dates.map((date) => ({ planned: plannedOn(date, contract, perWeekday), holiday: isHoliday(c.canton, date), filled: filled.has(date) })));
    if (empty > 0) refused.push({ number: c.number, name: c.name, emptyDays: empty });
    else complete.push(c.id);
  }
  if (complete.length === 0) return { submitted: 0, refused };
  const rows = await tx.execute(sql`
    update timesheet_months set status = 'submitted', submitted_at = now()
     where month = ${first(month)}::date and status = 'draft' and employee_id = any(${`{${complete.join(",")}}`}::uuid[])
    returning employee_id`);
  return { submitted: rows.length, refused };
}
