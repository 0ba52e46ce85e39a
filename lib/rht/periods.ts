import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { once } from "@/lib/bulk/once";
import { db } from "@/lib/db";
import { notifyEmployee } from "@/lib/mail/notify";
import { rhtSettingsSchema, type RhtSettings } from "@/lib/settings/schemas";
import { blocksApproval, checkCollector, type Check, type Coverage } from "./checks";
import { unitThresholdAccumulator, type EmployeeFigures } from "./declaration";
import { employeeMonths, rhtSettings, summariseMonth, unitSettings, type EmployeeMonth, type UnitSummary } from "./employee-months";
import type { monthSheetSchema } from "./schema";
import { saveMonthSheet } from "./timesheet";

export type PeriodStatus = "open" | "approved" | "locked";
export type UnitReview = UnitSummary & { period: PeriodStatus; approvedAt: Date | null; lockedAt: Date | null };

const first = (month: string) => `${month}-01`;

async function periodRows(month: string, tx: DbOrTx) {
  // Instants as epoch milliseconds: raw rows give timestamps as text.
  const rows = (await tx.execute(sql`
    select org_unit_id, status::text, extract(epoch from approved_at)::float8 * 1000 as approved_ms, extract(epoch from locked_at)::float8 * 1000 as locked_ms
      from rht_periods where month = ${first(month)}::date`)) as unknown as { org_unit_id: string; status: "approved" | "locked"; approved_ms: number | null; locked_ms: number | null }[];
  const instant = (ms: number | null) => (ms === null ? null : new Date(Math.round(ms)));
  return rows.map((r) => ({ org_unit_id: r.org_unit_id, status: r.status, approved_at: instant(r.approved_ms), locked_at: instant(r.locked_ms) }));
}

const toCheckPerson = (e: EmployeeMonth) => ({ number: e.number, name: `${e.lastName} ${e.firstName}`, unitId: e.orgUnitId, status: e.status, entries: e.entries, missingDays: e.missingDays, figures: e.figures });

/** The month per unit with its period state, and the checks before export. One pass over the month. */
export async function reviewMonth(
  month: string,
  options: { unitId?: string | null; tx?: DbOrTx; each?: (e: EmployeeMonth) => void } = {},
): Promise<{ units: UnitReview[]; checks: Check[]; settings: RhtSettings }> {
  const tx = options.tx ?? db();
  const settings = await rhtSettings(tx);
  const checks = checkCollector(settings);
  const units = await summariseMonth(month, {
    unitId: options.unitId,
    settings,
    tx,
    each: (e) => {
      checks.person(toCheckPerson(e));
      options.each?.(e);
    },
  });
  const periods = new Map((await periodRows(month, tx)).map((p) => [p.org_unit_id, p]));
  const coverage = await unitCoverage([...units.keys()], settings, tx);
  for (const unit of units.values()) checks.unit(unit.orgUnitId, unit.threshold, month, coverage.get(unit.orgUnitId));
  return {
    settings,
    checks: checks.result(),
    units: [...units.values()].map((u) => {
      const p = periods.get(u.orgUnitId);
      return { ...u, period: p?.status ?? "open", approvedAt: p?.approved_at ?? null, lockedAt: p?.locked_at ?? null };
    }),
  };
}

/** Each unit's authorisation: its own, else the company's (RHT-RULES.md; decided per unit by the cantonal office). */
async function unitCoverage(unitIds: string[], settings: RhtSettings, tx: DbOrTx): Promise<Map<string, Coverage>> {
  if (unitIds.length === 0) return new Map();
  const rows = (await tx.execute(sql`
    select id, rht_authorized_from::text as "from", rht_authorized_until::text as until from org_units
     where id in (select jsonb_array_elements_text(${JSON.stringify(unitIds)}::jsonb)::uuid)`)) as unknown as { id: string; from: string | null; until: string | null }[];
  return new Map(rows.map((r) => {
    const own = unitSettings(settings, r);
    return [r.id, { from: own.authorizedFrom, until: own.authorizedUntil }];
  }));
}

export async function lockPeriodRow(tx: DbOrTx, unitId: string, month: string): Promise<PeriodStatus> {
  const [unit] = (await tx.execute(sql`select id from org_units where id = ${unitId} for share`)) as unknown as { id: string }[];
  if (!unit) throw new ActionError("unitNotFound");
  // Serialises approvals, reopenings and locks of the same unit and month.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rht_period'), hashtext(${`${unitId}:${month}`}))`);
  return periodOf(unitId, month, tx);
}

/**
 * HR approves a unit's month once nothing blocks it. From then on neither the employees
 * nor HR's ordinary edits change it; employees who entered nothing are approved as
 * working their plan.
 */
export async function approvePeriod(tx: DbOrTx, actorId: string, unitId: string, month: string): Promise<{ employees: number }> {
  const status = await lockPeriodRow(tx, unitId, month);
  if (status !== "open") throw new ActionError(status === "locked" ? "periodLocked" : "periodApproved");
  const ids: string[] = [];
  const settings = await rhtSettings(tx);
  const checks = checkCollector(settings);
  for await (const e of employeeMonths(month, { unitId, settings, tx })) {
    ids.push(e.employeeId);
    checks.person(toCheckPerson(e));
  }
  if (blocksApproval(checks.result(), unitId)) throw new ActionError("periodHasErrors");
  await tx.execute(sql`
    insert into timesheet_months (employee_id, month, status)
    select id, ${first(month)}::date, 'approved' from unnest(${`{${ids.join(",")}}`}::uuid[]) as id
    on conflict (employee_id, month) do update set status = 'approved' where timesheet_months.status in ('draft', 'submitted')`);
  await tx.execute(sql`
    insert into rht_periods (org_unit_id, month, status, approved_by, approved_at) values (${unitId}, ${first(month)}::date, 'approved', ${actorId}, now())`);
  return { employees: ids.length };
}

/** Back to open (before lock): months return to submitted, or to draft when nobody submitted them. */
export async function reopenPeriod(tx: DbOrTx, unitId: string, month: string): Promise<void> {
  const status = await lockPeriodRow(tx, unitId, month);
  if (status !== "approved") throw new ActionError(status === "locked" ? "periodLocked" : "periodNotApproved");
  await tx.execute(sql`
    update timesheet_months set status = case when submitted_at is null then 'draft'::timesheet_month_status else 'submitted'::timesheet_month_status end
     where month = ${first(month)}::date and status = 'approved'
       and employee_id in (select id from employees where org_unit_id = ${unitId})`);
  await tx.execute(sql`delete from rht_periods where org_unit_id = ${unitId} and month = ${first(month)}::date`);
}

/**
 * The lock's days take the plan their figures were computed with. Bounded by the batch's people
 * and the month, so the days are found through their key: joined to the JSON alone (which the
 * planner cannot count), each batch of a lock read every day of the table (0.34 s a batch at
 * crisis scale with one month behind, growing with every month kept). `batch`: the lock's JSON of
 * `{ employeeId, days }` (serialised once for its three statements), `employeeIds`: the same people.
 */
export function frozenPlanUpdate(month: string, batch: string, employeeIds: string[]): SQL {
  return sql`
    update timesheet_days d set planned_minutes = (x.day->>'planned')::int
      from (select r."employeeId" as employee_id, jsonb_array_elements(r.days) as day
              from jsonb_to_recordset(${batch}::jsonb) as r("employeeId" uuid, days jsonb)) x
     where d.employee_id = x.employee_id and d.day = (x.day->>'date')::date and d.planned_minutes <> (x.day->>'planned')::int
       and d.employee_id = any(${`{${employeeIds.join(",")}}`}::uuid[])
       and d.day >= ${first(month)}::date and d.day < ${first(month)}::date + interval '1 month'`;
}

/**
 * Locks an approved month: each employee's days and figures become version 1, the
 * settings used and the unit's threshold are kept with the period. The database
 * refuses any later change that is not a correction.
 */
export async function lockPeriod(tx: DbOrTx, actorId: string, unitId: string, month: string): Promise<{ employees: number }> {
  const status = await lockPeriodRow(tx, unitId, month);
  if (status !== "approved") throw new ActionError(status === "locked" ? "periodLocked" : "periodNotApproved");
  const company = await rhtSettings(tx);
  // Kept with the period: the settings as they applied to this unit, its own authorisation included.
  const settings = unitSettings(company, (await unitCoverage([unitId], company, tx)).get(unitId) ?? { from: null, until: null });
  const threshold = unitThresholdAccumulator(settings);
  // Collected first: the cursor and the writes share this transaction's connection.
  const frozen: { employeeId: string; days: unknown; figures: EmployeeFigures }[] = [];
  for await (const e of employeeMonths(month, { unitId, settings, tx })) {
    frozen.push({ employeeId: e.employeeId, days: e.days, figures: e.figures });
    threshold.add(e.figures);
  }
  for (let i = 0; i < frozen.length; i += 500) {
    const part = frozen.slice(i, i + 500);
    const batch = JSON.stringify(part);
    // The stored days take the plan the figures were computed with (the contract of each day until now), before the month locks.
    await tx.execute(frozenPlanUpdate(month, batch, part.map((f) => f.employeeId)));
    await tx.execute(sql`
      insert into timesheet_months (employee_id, month, status, figures, version)
      select x."employeeId", ${first(month)}::date, 'locked', x.figures, 1 from jsonb_to_recordset(${batch}::jsonb) as x("employeeId" uuid, figures jsonb)
      on conflict (employee_id, month) do update set status = 'locked', figures = excluded.figures, version = 1`);
    await tx.execute(sql`
      insert into timesheet_versions (employee_id, month, version, days, figures, created_by)
      select x."employeeId", ${first(month)}::date, 1, x.days, x.figures, ${actorId} from jsonb_to_recordset(${batch}::jsonb) as x("employeeId" uuid, days jsonb, figures jsonb)`);
  }
  await tx.execute(sql`
    update rht_periods set status = 'locked', locked_by = ${actorId}, locked_at = now(),
           settings = ${JSON.stringify(settings)}::jsonb, unit_figures = ${JSON.stringify(threshold.result())}::jsonb
     where org_unit_id = ${unitId} and month = ${first(month)}::date`);
  return { employees: frozen.length };
}

/**
 * A correction after lock: the days are rewritten (only a correction may), the figures
 * recomputed with the settings the period was locked with, and the result kept as a new
 * version with its reason. The unit's threshold is recomputed too.
 */
export async function correctMonth(tx: DbOrTx, actorId: string, employeeId: string, input: z.output<typeof monthSheetSchema>, reason: string): Promise<{ version: number }> {
  const month = input.month;
  const [current] = (await tx.execute(sql`
    select m.status::text, m.version, e.org_unit_id, (m.figures->>'priorOvertimeBalance')::int as opening
      from timesheet_months m join employees e on e.id = m.employee_id
     where m.employee_id = ${employeeId} and m.month = ${first(month)}::date`)) as unknown as { status: string; version: number; org_unit_id: string; opening: number | null }[];
  if (!current || current.status !== "locked") throw new ActionError("monthNotLocked");
  await lockPeriodRow(tx, current.org_unit_id, month);
  const [period] = (await tx.execute(sql`select settings from rht_periods where org_unit_id = ${current.org_unit_id} and month = ${first(month)}::date`)) as unknown as { settings: unknown }[];
  const parsed = rhtSettingsSchema.safeParse(period?.settings);
  const settings = parsed.success ? parsed.data : await rhtSettings(tx);
  await tx.execute(sql`select set_config('passerelle.rht_correction', ${employeeId}, true)`);
  await saveMonthSheet(tx, employeeId, input, "correction");
  // Recomputed from the corrected days: the frozen figures are cleared for the read.
  let figures: EmployeeFigures | null = null;
  let days: unknown = null;
  await tx.execute(sql`update timesheet_months set figures = null where employee_id = ${employeeId} and month = ${first(month)}::date`);
  // The balance carried in stays the one the month was locked with: a correction changes this month's days only.
  for await (const e of employeeMonths(month, { employeeId, settings, tx, openingBalance: current.opening ?? 0 })) {
    figures = e.figures;
    days = e.days;
  }
  if (!figures) throw new ActionError("monthNotLocked");
  const version = current.version + 1;
  await tx.execute(sql`
    update timesheet_months set figures = ${JSON.stringify(figures)}::jsonb, version = ${version} where employee_id = ${employeeId} and month = ${first(month)}::date`);
  await tx.execute(sql`
    insert into timesheet_versions (employee_id, month, version, days, figures, reason, created_by)
    values (${employeeId}, ${first(month)}::date, ${version}, ${JSON.stringify(days)}::jsonb, ${JSON.stringify(figures)}::jsonb, ${reason}, ${actorId})`);
  const threshold = unitThresholdAccumulator(settings);
  for await (const e of employeeMonths(month, { unitId: current.org_unit_id, settings, tx })) threshold.add(e.figures);
  await tx.execute(sql`update rht_periods set unit_figures = ${JSON.stringify(threshold.result())}::jsonb where org_unit_id = ${current.org_unit_id} and month = ${first(month)}::date`);
  await tx.execute(sql`select set_config('passerelle.rht_correction', '', true)`);
  return { version };
}

/** HR gives a submitted month back to the employee (before approval), and tells them. */
export async function returnMonth(tx: DbOrTx, employeeId: string, month: string): Promise<void> {
  const rows = await tx.execute(sql`
    update timesheet_months set status = 'draft', submitted_at = null
     where employee_id = ${employeeId} and month = ${first(month)}::date and status = 'submitted' returning employee_id`);
  if (rows.length === 0) throw new ActionError("monthNotSubmitted");
  await notifyEmployee(tx, employeeId, "timesheetReturned", { month }, `/timesheet?month=${month}`);
}

/**
 * E-mails everyone in scope whose month is not submitted and still has days without
 * an entry (excluded employees are left alone). Once per operation id.
 */
export async function remindMissing(tx: DbOrTx, actorId: string, operationId: string, month: string, unitId: string | null) {
  return once(tx, operationId, "rht_remind", actorId, async () => {
    const due: { employeeId: string; missing: number }[] = [];
    for await (const e of employeeMonths(month, { unitId, tx })) {
      if (e.status === "draft" && e.missingDays > 0 && !e.figures.excludedReason) due.push({ employeeId: e.employeeId, missing: e.missingDays });
    }
    for (const person of due) await notifyEmployee(tx, person.employeeId, "timesheetReminder", { month, count: person.missing }, `/timesheet?month=${month}`);
    return { reminded: due.length };
  });
}

export type MonthVersion = { version: number; reason: string | null; createdAt: Date; createdBy: string | null; days: EmployeeMonth["days"]; figures: EmployeeFigures };

/** Every locked version of an employee's month, newest first. */
export async function monthVersions(employeeId: string, month: string, tx: DbOrTx = db()): Promise<MonthVersion[]> {
  return (await tx.execute(sql`
    select v.version, v.reason, v.created_at as "createdAt", case when a.id is null then null else a.first_name || ' ' || a.last_name end as "createdBy", v.days, v.figures
      from timesheet_versions v left join employees a on a.id = v.created_by
     where v.employee_id = ${employeeId} and v.month = ${first(month)}::date order by v.version desc`)) as unknown as MonthVersion[];
}

export type HrEmployee = { id: string; number: string; firstName: string; lastName: string; orgUnitId: string | null; orgUnit: string | null; avsNumber: string | null; birthDate: string | null; employmentRate: number; contractType: string; noticeGiven: boolean; active: boolean };

/** The employee card HR sees (AVS number included: HR views only). */
export async function findEmployeeForHr(number: string, tx: DbOrTx = db()): Promise<HrEmployee | null> {
  const [row] = (await tx.execute(sql`
    select e.id, e.number, e.first_name as "firstName", e.last_name as "lastName", e.org_unit_id as "orgUnitId", o.name as "orgUnit",
           e.avs_number as "avsNumber", e.birth_date::text as "birthDate", e.employment_rate as "employmentRate",
           e.contract_type::text as "contractType", e.notice_given as "noticeGiven", e.active
      from employees e left join org_units o on o.id = e.org_unit_id where e.number = ${number}`)) as unknown as HrEmployee[];
  return row ?? null;
}

/** One unit's month state (open when HR has not acted). */
export async function periodOf(unitId: string | null, month: string, tx: DbOrTx = db()): Promise<PeriodStatus> {
  if (!unitId) return "open";
  const [row] = (await tx.execute(sql`select status::text from rht_periods where org_unit_id = ${unitId} and month = ${first(month)}::date`)) as unknown as { status: PeriodStatus }[];
  return row?.status ?? "open";
}
