import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { plannedOn } from "./declaration";
import { decodeFile } from "@/lib/csv/read";
import { parseImport, type ImportIssue, type ImportRow } from "./import-rows";
import { dayRefusal, type Absences } from "./rules";

export type ImportReport = { rows: number; employees: number; months: number; applied: boolean; issues: ImportIssue[]; issueCount: number };

/** The report lists this many problems; the count says how many there are. */
const shownIssues = 200;

type Contract = { id: string; number: string; weekly_minutes: number; employment_rate: number; employed_from: string | null; employed_until: string | null; canton: string };

/**
 * Imports daily hours (HR). Every row is checked first: the employee, the date, the
 * durations, the same day rules as the grid, and that the month is neither approved nor
 * locked. With any problem nothing is written and the report lists them all; `apply`
 * false only checks. Days are written in one transaction, in batches.
 */
export async function importDays(tx: DbOrTx, bytes: Uint8Array, apply: boolean): Promise<ImportReport> {
  const { rows, issues } = parseImport(decodeFile(bytes));
  const numbers = [...new Set(rows.map((r) => r.number))];
  const contracts = numbers.length
    ? ((await tx.execute(sql`
        select e.id, e.number, e.weekly_minutes, e.employment_rate, e.employed_from::text, e.employed_until::text, coalesce(s.canton, 'CH') as canton
          from employees e left join sites s on s.id = e.site_id
         where e.number in (select jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb))`)) as unknown as Contract[])
    : [];
  const byNumber = new Map(contracts.map((c) => [c.number, c]));
  const dates = rows.map((r) => r.date).sort();
  const holidays = dates.length
    ? ((await tx.execute(sql`select canton, day::text as day from public_holidays where day between ${dates[0]}::date and ${dates[dates.length - 1]}::date`)) as unknown as { canton: string; day: string }[])
    : [];
  const isHoliday = (canton: string, date: string) => holidays.some((h) => h.day === date && (h.canton === "CH" || h.canton === canton));

  type Write = { employee: string; day: string; planned: number; worked: number; absences: Absences; overtime: boolean; month: string; row: ImportRow };
  const writes: Write[] = [];
  for (const row of rows) {
    const contract = byNumber.get(row.number);
    if (!contract) {
      issues.push({ line: row.line, column: "employee_number", key: "employeeNotFound" });
      continue;
    }
    const planned = plannedOn(row.date, { weeklyMinutes: contract.weekly_minutes, employmentRate: contract.employment_rate, employedFrom: contract.employed_from, employedUntil: contract.employed_until });
    const refused = dayRefusal(planned, row.entry);
    if (refused) {
      issues.push({ line: row.line, column: refused.field, key: refused.key });
      continue;
    }
    const { worked, absenceKind, absence } = row.entry;
    // A public holiday with nothing else on it is booked as one, as the grid does.
    const absences: Absences = absenceKind && absence > 0 ? { [absenceKind]: absence } : worked === 0 && planned > 0 && isHoliday(contract.canton, row.date) ? { public_holiday: planned } : {};
    writes.push({ employee: contract.id, day: row.date, planned, worked, absences, overtime: row.entry.overtime, month: `${row.date.slice(0, 7)}-01`, row });
  }

  const pairs = [...new Map(writes.map((w) => [`${w.employee}:${w.month}`, { employee: w.employee, month: w.month, line: w.row.line, number: w.row.number }])).values()];
  const closed = async (lock: boolean) =>
    pairs.length
      ? ((await tx.execute(sql`
          select m.employee_id as employee, m.month::text as month, m.status::text as status
            from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as x(employee uuid, month date)
            join timesheet_months m on m.employee_id = x.employee and m.month = x.month
           where m.status in ('approved', 'locked') ${lock ? sql`for update of m` : sql``}`)) as unknown as { employee: string; month: string; status: string }[])
      : [];
  for (const c of await closed(false)) {
    const pair = pairs.find((p) => p.employee === c.employee && p.month === c.month)!;
    issues.push({ line: pair.line, column: "date", key: c.status === "locked" ? "importMonthLocked" : "importMonthApproved", values: { number: pair.number, month: c.month.slice(0, 7) } });
  }

  issues.sort((a, b) => a.line - b.line);
  const report = { rows: rows.length, employees: new Set(writes.map((w) => w.employee)).size, months: pairs.length, issueCount: issues.length, issues: issues.slice(0, shownIssues) };
  if (issues.length > 0 || !apply) return { ...report, applied: false };

  // Lock the months being written, so an approval cannot slip in between check and write.
  await tx.execute(sql`
    insert into timesheet_months (employee_id, month) select x.employee, x.month from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as x(employee uuid, month date)
    on conflict do nothing`);
  if ((await closed(true)).length > 0) throw new ActionError("importConflict");
  for (let i = 0; i < writes.length; i += 2000) {
    const batch = JSON.stringify(writes.slice(i, i + 2000).map(({ row: _row, month: _month, ...w }) => w));
    await tx.execute(sql`
      insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, absences, overtime_marked)
      select x.employee, x.day, x.planned, x.worked, x.absences, x.overtime
        from jsonb_to_recordset(${batch}::jsonb) as x(employee uuid, day date, planned int, worked int, absences jsonb, overtime boolean)
      on conflict (employee_id, day) do update set worked_minutes = excluded.worked_minutes, absences = excluded.absences,
        overtime_marked = excluded.overtime_marked, updated_at = now()`);
  }
  return { ...report, applied: true };
}
