import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { ActionError } from "@/lib/auth/action-error";
import { yielder } from "@/lib/csv/stream";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import type { ImportIssue } from "./import-rows";
import { parseOvertimeFile, type ParsedOpenings } from "./overtime-import-rows";

/** `unchanged`: rows equal to the employee's stored opening (nothing to write for them). */
export type OvertimeImportReport = { rows: number; employees: number; unchanged: number; applied: boolean; issues: ImportIssue[]; issueCount: number };

/** Rows per insert, as for the hours. */
const batchRows = 2000;

type Known = { id: string; number: string; month: string | null; minutes: number | null };
/** An employee whose opening changes, and the first month that change reaches. */
type Change = { employee: string; number: string; line: number; month: string; minutes: number; since: string };

/**
 * Imports opening overtime / flextime balances (HR), one per employee: the balance carried
 * into the month of its date. Every row is checked first: the employee, and that no month
 * the balance would change is approved or locked — from the new month on, or from the old
 * one when an earlier opening is moved later (its months lose it). A row equal to the stored
 * opening changes nothing and is not checked against closed months. With any problem nothing
 * is written and the report lists them; `apply` false only checks. Applying replaces each
 * employee's earlier opening.
 */
export async function importOpenings(tx: DbOrTx, actorId: string, bytes: Uint8Array, apply: boolean): Promise<OvertimeImportReport> {
  return importParsedOpenings(tx, actorId, await parseOvertimeFile(bytes), apply);
}

/** The same, for a file already read (the route parses before opening its transaction). */
export async function importParsedOpenings(tx: DbOrTx, actorId: string, { rows, issues }: ParsedOpenings, apply: boolean): Promise<OvertimeImportReport> {
  const refused = (): OvertimeImportReport => ({ rows: rows.length, employees: 0, unchanged: 0, applied: false, ...issues.report() });
  if (issues.stoppedAt !== null) return refused();
  // Only a header (or only refused lines): nothing to look up; applying it writes nothing.
  if (rows.length === 0) return { ...refused(), applied: apply && issues.count === 0 };
  const known = (await tx.execute(sql`
    select e.id, e.number, o.month::text as month, o.minutes
      from employees e left join rht_overtime_openings o on o.employee_id = e.id
     where e.number in (select jsonb_array_elements_text(${JSON.stringify(rows.map((r) => r.number))}::jsonb))`)) as unknown as Known[];
  const byNumber = new Map(known.map((k) => [k.number, k]));

  const changes: Change[] = [];
  let employees = 0;
  const pause = yielder();
  for (const row of rows) {
    await pause();
    if (issues.full(row.line)) break;
    const k = byNumber.get(row.number);
    if (!k) {
      issues.add({ line: row.line, column: "employee_number", key: "employeeNotFound" });
      continue;
    }
    employees += 1;
    if (k.month === row.month && k.minutes === row.minutes) continue;
    const since = k.month !== null && k.month < row.month ? k.month : row.month;
    changes.push({ employee: k.id, number: k.number, line: row.line, month: row.month, minutes: row.minutes, since });
  }
  if (issues.stoppedAt !== null) return refused();

  const changeJson = JSON.stringify(changes.map(({ employee, since }) => ({ employee, since })));
  // Approved or locked months from each change's first month on (the earliest first).
  const closed = async (lock: boolean) =>
    changes.length
      ? ((await tx.execute(sql`
          select m.employee_id as employee, m.month::text as month, m.status::text as status
            from jsonb_to_recordset(${changeJson}::jsonb) as x(employee uuid, since date)
            join timesheet_months m on m.employee_id = x.employee and m.month >= x.since
           where m.status in ('approved', 'locked')
           order by m.employee_id, m.month ${lock ? sql`for update of m` : sql``}`)) as unknown as { employee: string; month: string; status: string }[])
      : [];
  const byEmployee = new Map(changes.map((c) => [c.employee, c]));
  const named = new Set<string>();
  for (const c of await closed(false)) {
    if (named.has(c.employee)) continue; // the earliest closed month names the problem
    named.add(c.employee);
    const change = byEmployee.get(c.employee)!;
    issues.add({ line: change.line, column: "date", key: c.status === "locked" ? "importOpeningLocked" : "importOpeningApproved", values: { number: change.number, month: c.month.slice(0, 7) } });
  }

  const report = { rows: rows.length, employees, unchanged: employees - changes.length, ...issues.report() };
  if (report.issueCount > 0 || !apply) return { ...report, applied: false };

  for (let i = 0; i < changes.length; i += batchRows) {
    const json = JSON.stringify(changes.slice(i, i + batchRows).map(({ employee, month, minutes }) => ({ employee, month, minutes })));
    await tx.execute(sql`
      insert into rht_overtime_openings (employee_id, month, minutes, imported_by, imported_at)
      select x.employee, x.month, x.minutes, ${actorId}::uuid, now() from jsonb_to_recordset(${json}::jsonb) as x(employee uuid, month date, minutes int)
      on conflict (employee_id) do update set month = excluded.month, minutes = excluded.minutes, imported_by = excluded.imported_by, imported_at = excluded.imported_at`);
  }
  // A month approved between the check and the write (each statement sees what others have
  // committed): the whole import is undone rather than change it. Locked rows stay locked to the end.
  if ((await closed(true)).length > 0) throw new ActionError("importConflict");
  return { ...report, applied: true };
}

/**
 * The import route's work: the file is read before the transaction opens; the openings and
 * their audit row commit together. The audit row holds counts only, never names or numbers.
 */
export async function runOvertimeImport(actorId: string, bytes: Uint8Array, apply: boolean): Promise<OvertimeImportReport> {
  const parsed = await parseOvertimeFile(bytes);
  return db().transaction(async (tx) => {
    // A whole company's file: long work, not a web request's few seconds.
    await allowLongWork(tx);
    const r = await importParsedOpenings(tx, actorId, parsed, apply);
    if (r.applied) await recordAudit(tx, { actorEmployeeId: actorId, action: "rht.import_overtime", targetType: "rht_overtime_opening", details: { rows: r.rows, employees: r.employees, unchanged: r.unchanged, bytes: bytes.byteLength } });
    return r;
  });
}
