import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { ActionError } from "@/lib/auth/action-error";
import { yielder } from "@/lib/csv/stream";
import { plannedOn, weekPlan } from "./declaration";
import { isoDay, parseHoursFile, type ImportIssue, type ParsedHours } from "./import-rows";
import { absenceKinds, bookPublicHoliday, dayRefusal, type Absences } from "./rules";

export type ImportReport = { rows: number; employees: number; months: number; applied: boolean; issues: ImportIssue[]; issueCount: number };

type Contract = { id: string; number: string; weekly_minutes: number; employment_rate: number; employed_from: string | null; employed_until: string | null; canton: string };

/** Rows per insert: one statement's JSON stays a few hundred kB. */
const batchRows = 2000;

/**
 * Imports daily hours (HR). Every row is checked first: the employee, the date, the
 * durations, the same day rules as the grid, and that the month is neither approved nor
 * locked. With any problem nothing is written and the report lists them (checking stops
 * after 1,000); `apply` false only checks. Days are written in one transaction, in batches.
 * Long loops return to the event loop regularly, so other requests keep being answered.
 */
export async function importDays(tx: DbOrTx, bytes: Uint8Array, apply: boolean): Promise<ImportReport> {
  return importParsedDays(tx, await parseHoursFile(bytes), apply);
}

/** The same, for a file already read (routes parse before opening their transaction). */
export async function importParsedDays(tx: DbOrTx, { rows, issues }: ParsedHours, apply: boolean): Promise<ImportReport> {
  const refused = (months = 0, employees = 0): ImportReport => ({ rows: rows.count, employees, months, applied: false, ...issues.report() });
  if (issues.stoppedAt !== null) return refused();
  // Only a header (or only refused lines): nothing to look up; applying it writes nothing.
  if (rows.count === 0) return { ...refused(), applied: apply && issues.count === 0 };
  const contracts = (await tx.execute(sql`
    select e.id, e.number, e.weekly_minutes, e.employment_rate, e.employed_from::text, e.employed_until::text, coalesce(s.canton, 'CH') as canton
      from employees e left join sites s on s.id = e.site_id
     where e.number in (select jsonb_array_elements_text(${JSON.stringify(rows.numbers)}::jsonb))`)) as unknown as Contract[];
  const byNumber = new Map(contracts.map((c) => [c.number, c]));
  // By the file's employee index: the contract and its plan per weekday, computed once each.
  const byEmployee = rows.numbers.map((n) => {
    const c = byNumber.get(n);
    return c ? { contract: c, perWeekday: weekPlan(c.weekly_minutes, c.employment_rate) } : null;
  });
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < rows.count; i += 1) {
    first = Math.min(first, rows.day[i]);
    last = Math.max(last, rows.day[i]);
  }
  const holidays = new Set(
    ((await tx.execute(sql`select canton, day::text as day from public_holidays where day between ${isoDay(first)}::date and ${isoDay(last)}::date`)) as unknown as { canton: string; day: string }[]).map((h) => `${h.canton}:${h.day}`),
  );
  const isHoliday = (canton: string, date: string) => holidays.has(`CH:${date}`) || holidays.has(`${canton}:${date}`);
  const isoOf = new Map<number, string>();
  const iso = (day: number) => isoOf.get(day) ?? (isoOf.set(day, isoDay(day)), isoDay(day));

  // Per row: its plan (0xffff: refused), and the employee-months the file touches.
  const planned = new Uint16Array(rows.count);
  type Pair = { employee: string; month: string; line: number; number: string };
  const pairs = new Map<string, Pair>();
  const touched = new Set<number>();
  const pause = yielder();
  for (let i = 0; i < rows.count; i += 1) {
    await pause();
    if (issues.full(rows.line[i])) break;
    const line = rows.line[i];
    const known = byEmployee[rows.employee[i]];
    planned[i] = 0xffff;
    if (!known) {
      issues.add({ line, column: "employee_number", key: "employeeNotFound" });
      continue;
    }
    const date = iso(rows.day[i]);
    const c = known.contract;
    const plan = plannedOn(date, { weeklyMinutes: c.weekly_minutes, employmentRate: c.employment_rate, employedFrom: c.employed_from, employedUntil: c.employed_until }, known.perWeekday);
    const entry = { worked: rows.worked[i], absenceKind: rows.kind[i] ? absenceKinds[rows.kind[i] - 1] : ("" as const), absence: rows.absence[i], overtime: rows.overtime[i] === 1 };
    const refusal = dayRefusal(plan, entry);
    if (refusal) {
      issues.add({ line, column: refusal.field, key: refusal.key });
      continue;
    }
    planned[i] = plan;
    touched.add(rows.employee[i]);
    const month = `${date.slice(0, 7)}-01`;
    const key = `${c.id}:${month}`;
    if (!pairs.has(key)) pairs.set(key, { employee: c.id, month, line, number: c.number });
  }
  if (issues.stoppedAt !== null) return refused();

  const pairList = [...pairs.values()];
  const pairJson = JSON.stringify(pairList.map(({ employee, month }) => ({ employee, month })));
  const closed = async (lock: boolean) =>
    pairList.length
      ? ((await tx.execute(sql`
          select m.employee_id as employee, m.month::text as month, m.status::text as status
            from jsonb_to_recordset(${pairJson}::jsonb) as x(employee uuid, month date)
            join timesheet_months m on m.employee_id = x.employee and m.month = x.month
           where m.status in ('approved', 'locked') ${lock ? sql`for update of m` : sql``}`)) as unknown as { employee: string; month: string; status: string }[])
      : [];
  for (const c of await closed(false)) {
    const pair = pairs.get(`${c.employee}:${c.month}`)!;
    issues.add({ line: pair.line, column: "date", key: c.status === "locked" ? "importMonthLocked" : "importMonthApproved", values: { number: pair.number, month: c.month.slice(0, 7) } });
  }

  const report = { rows: rows.count, employees: touched.size, months: pairs.size, ...issues.report() };
  if (report.issueCount > 0 || !apply) return { ...report, applied: false };

  // Lock the months being written, so an approval cannot slip in between check and write.
  // Marked as imported too: HR may then submit the unit's imported months in one action (lib/rht/submit-unit.ts).
  await tx.execute(sql`
    insert into timesheet_months (employee_id, month, imported_at) select x.employee, x.month, now() from jsonb_to_recordset(${pairJson}::jsonb) as x(employee uuid, month date)
    on conflict (employee_id, month) do update set imported_at = now() where timesheet_months.status in ('draft', 'submitted')`);
  if ((await closed(true)).length > 0) throw new ActionError("importConflict");
  let batch: { employee: string; day: string; planned: number; worked: number; absences: Absences; overtime: boolean }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const json = JSON.stringify(batch);
    batch = [];
    await tx.execute(sql`
      insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, absences, overtime_marked)
      select x.employee, x.day, x.planned, x.worked, x.absences, x.overtime
        from jsonb_to_recordset(${json}::jsonb) as x(employee uuid, day date, planned int, worked int, absences jsonb, overtime boolean)
      on conflict (employee_id, day) do update set worked_minutes = excluded.worked_minutes, absences = excluded.absences,
        overtime_marked = excluded.overtime_marked, updated_at = now()`);
  };
  for (let i = 0; i < rows.count; i += 1) {
    const { contract } = byEmployee[rows.employee[i]]!;
    const date = iso(rows.day[i]);
    const kind = rows.kind[i] ? absenceKinds[rows.kind[i] - 1] : null;
    // A planned public holiday books what is neither worked nor another absence as the holiday, as the grid does.
    const entered: Absences = kind && rows.absence[i] > 0 ? { [kind]: rows.absence[i] } : {};
    const absences = bookPublicHoliday({ planned: planned[i], worked: rows.worked[i], absences: entered }, isHoliday(contract.canton, date)).absences;
    batch.push({ employee: contract.id, day: date, planned: planned[i], worked: rows.worked[i], absences, overtime: rows.overtime[i] === 1 });
    if (batch.length === batchRows) await flush();
  }
  await flush();
  return { ...report, applied: true };
}

/**
 * The import route's work: the file is read before the transaction opens (that may take
 * seconds and needs no connection); the days and their audit row commit together.
 */
export async function runHoursImport(actorId: string, bytes: Uint8Array, apply: boolean): Promise<ImportReport> {
  const parsed = await parseHoursFile(bytes);
  return db().transaction(async (tx) => {
    // A whole company's file: long work, not a web request's few seconds.
    await allowLongWork(tx);
    const r = await importParsedDays(tx, parsed, apply);
    if (r.applied) await recordAudit(tx, { actorEmployeeId: actorId, action: "rht.import", targetType: "timesheet", details: { rows: r.rows, employees: r.employees, months: r.months, bytes: bytes.byteLength } });
    return r;
  });
}
