import "server-only";
import { sql } from "drizzle-orm";
import { rawClient, type DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { readAhead } from "@/lib/db/read-ahead";
import { getSetting } from "@/lib/settings/queries";
import { defaultRhtSettings, rhtSettingsSchema, type RhtSettings } from "@/lib/settings/schemas";
import { balanceStart, carriedBalance, declaredDays, employeeMonth, exclusionReason, frozenClosing, unitThresholdAccumulator, type EmployeeFigures, type UnitThreshold } from "./declaration";
import { calendar, parseDayRows } from "./day-rows";
import { daysOfMonth, shiftMonth } from "./month";
import type { DayRecord } from "./rules";

export type MonthStatus = "draft" | "submitted" | "approved" | "locked";

/** One employee's month as HR and the declaration see it. HR-only fields are filled only when asked for. */
export type EmployeeMonth = {
  employeeId: string;
  number: string;
  firstName: string;
  lastName: string;
  orgUnitId: string;
  orgUnit: string;
  employmentRate: number;
  status: MonthStatus;
  /** Submitted by the person or on their behalf (an approval alone does not count). */
  submitted: boolean;
  version: number;
  /** Days with an entry. */
  entries: number;
  /** Planned days without an entry (declared as worked as planned). */
  missingDays: number;
  days: DayRecord[];
  figures: EmployeeFigures;
  hr: { avsNumber: string | null; birthDate: string | null; wageCents: number | null } | null;
};

/** A row of the month's read, as PostgreSQL gives it (export-kept.ts reads some of the same columns). */
export type EmployeeMonthRow = {
  employee_id: string;
  number: string;
  first_name: string;
  last_name: string;
  org_unit_id: string;
  org_unit: string;
  employment_rate: number;
  weekly_minutes: number;
  contract_type: string;
  notice_given: boolean;
  employed_from: string | null;
  employed_until: string | null;
  canton: string;
  status: MonthStatus;
  submitted: boolean;
  version: number;
  figures: EmployeeFigures | null;
  /** Days of the month and of the open months the running overtime balance walks through, a line each (day-rows.ts). */
  day_rows: string | null;
  /** The window's locked months above 85 % loss ("YYYY-MM"), all the count of periods needs. */
  over85_months: string[] | null;
  /** The last locked month before this one and its closing balance; its whole figures only when they predate that field. */
  anchor_month: string | null;
  anchor_closing: number | null;
  anchor_figures: Parameters<typeof frozenClosing>[0] | null;
  opening_month: string | null;
  opening_minutes: number | null;
  unit_from: string | null;
  unit_until: string | null;
  avs_number?: string | null;
  birth_date?: string | null;
  wage_cents?: number | null;
};

const yieldEvery = 50;

export const rhtSettings = (tx: DbOrTx = db()) => getSetting("rht", rhtSettingsSchema, defaultRhtSettings, tx);

/** Public holidays from `from` to a week after the month, by canton ("CH" applies everywhere): as a list and as a set, read once per canton. */
async function holidaysBetween(from: string, month: string, tx: DbOrTx): Promise<(canton: string) => { days: string[]; set: Set<string> }> {
  const dates = daysOfMonth(month);
  const rows = (await tx.execute(sql`
    select canton, day::text as day from public_holidays
     where day between ${from}::date and ${dates[dates.length - 1]}::date + 7`)) as unknown as { canton: string; day: string }[];
  const byCanton = new Map<string, { days: string[]; set: Set<string> }>();
  return (canton) => {
    let holidays = byCanton.get(canton);
    if (!holidays) {
      const days = rows.filter((r) => r.canton === "CH" || r.canton === canton).map((r) => r.day);
      byCanton.set(canton, (holidays = { days, set: new Set(days) }));
    }
    return holidays;
  };
}

/** The settings with the unit's own authorisation, when it has one (the company's otherwise). */
export function unitSettings(settings: RhtSettings, unit: { from: string | null; until: string | null }): RhtSettings {
  if (!unit.from && !unit.until) return settings;
  // One object per settings and authorisation: the figures find their non-compensable days by
  // the settings' identity (declaration.ts), so 15,000 copies would each build a key. Never changed once made.
  const key = `${unit.from}|${unit.until}`;
  let forSettings = authorised.get(settings);
  if (!forSettings) authorised.set(settings, (forSettings = new Map<string, RhtSettings>()));
  let own = forSettings.get(key);
  if (!own) forSettings.set(key, (own = { ...settings, authorizedFrom: unit.from, authorizedUntil: unit.until }));
  return own;
}
const authorised = new WeakMap<RhtSettings, Map<string, RhtSettings>>();

/**
 * Every employee of the month (one unit or all), in unit and name order, read with a
 * cursor so 15,000 people never sit in memory. A locked month gives its frozen figures;
 * any other month is computed from its days with the current settings, the unit's
 * authorisation and the overtime balance carried in (RHT-RULES.md, Decisions).
 */
export async function* employeeMonths(
  month: string,
  options: {
    unitId?: string | null;
    employeeId?: string;
    hrFields?: boolean;
    settings?: RhtSettings;
    batch?: number;
    tx?: DbOrTx;
    /** The balance carried in, when it is already known (a correction keeps the one its month was locked with). */
    openingBalance?: number;
    /** Fetch each next batch while this one is computed (readAhead): the database and the figures overlap. */
    prefetch?: boolean;
  } = {},
): AsyncGenerator<EmployeeMonth> {
  const tx = options.tx ?? db();
  const settings = options.settings ?? (await rhtSettings(tx));
  const lookBack = settings.overtimeLookBackMonths;
  const earliest = `${shiftMonth(month, -lookBack)}-01`;
  const holidaysFor = await holidaysBetween(`${shiftMonth(month, -lookBack - 1)}-24`, month, tx);
  const first = `${month}-01`;
  // The days' offsets count from the look-back's first day (no employee's days start earlier).
  const dates = calendar(shiftMonth(month, -lookBack), month);
  const unitId = options.unitId ?? null;
  const employeeId = options.employeeId ?? null;
  const hrFields = options.hrFields ?? false;
  const window = settings.over85WindowMonths;
  const client = rawClient(tx);
  // Days are read from the month after the last locked one (at most the look-back): in the
  // usual case, where last month is locked, that is this month alone.
  // The employees come sorted from an inner query, so the days (read per employee as one text,
  // day-rows.ts: far cheaper to build and parse than a JSON object, or an array, per day) never go
  // through a sort.
  const cursor = client<EmployeeMonthRow[]>`
    select b.*,
           (select array_agg(to_char(h.month, 'YYYY-MM') order by h.month)
              from timesheet_months h where h.employee_id = b.employee_id and h.status = 'locked' and (h.figures->>'over85')::boolean
               and h.month >= ${first}::date - make_interval(months => ${window}) and h.month < ${first}::date) as over85_months,
           dd.day_rows
      from (
        select e.id as employee_id, e.number, e.first_name, e.last_name, e.org_unit_id, o.name as org_unit,
               o.rht_authorized_from::text as unit_from, o.rht_authorized_until::text as unit_until,
               e.employment_rate, e.weekly_minutes, e.contract_type::text, e.notice_given,
               e.employed_from::text, e.employed_until::text, coalesce(s.canton, 'CH') as canton,
               coalesce(m.status::text, 'draft') as status, coalesce(m.version, 0) as version,
               (m.submitted_at is not null) as submitted,
               case when m.status = 'locked' then m.figures end as figures,
               to_char(a.month, 'YYYY-MM') as anchor_month,
               -- A number (JSON built per row cost PostgreSQL a fifth of the query), or the figures as frozen before that field existed.
               case when jsonb_typeof(a.figures->'closingOvertimeBalance') = 'number' then (a.figures->'closingOvertimeBalance')::float8 end as anchor_closing,
               case when jsonb_typeof(a.figures->'closingOvertimeBalance') = 'number' then null else a.figures end as anchor_figures,
               to_char(oo.month, 'YYYY-MM') as opening_month, oo.minutes as opening_minutes,
               case when m.status = 'locked' then ${first}::date
                    else greatest(${earliest}::date, coalesce((a.month + interval '1 month')::date, ${earliest}::date)) end as days_from
               ${hrFields ? client`, e.avs_number, e.birth_date::text, e.avs_monthly_wage_cents as wage_cents` : client``}
          from employees e
          join org_units o on o.id = e.org_unit_id
          left join sites s on s.id = e.site_id
          left join timesheet_months m on m.employee_id = e.id and m.month = ${first}::date
          left join lateral (select h.month, h.figures from timesheet_months h
                              where h.employee_id = e.id and h.status = 'locked' and h.figures is not null and h.month < ${first}::date
                              order by h.month desc limit 1) a on m.status is distinct from 'locked'
          left join rht_overtime_openings oo on oo.employee_id = e.id and m.status is distinct from 'locked'
         where (${unitId}::uuid is null or e.org_unit_id = ${unitId}::uuid)
           and (${employeeId}::uuid is null or e.id = ${employeeId}::uuid)
           and (e.active or m.employee_id is not null
                or exists (select 1 from timesheet_days x where x.employee_id = e.id and x.day >= ${first}::date and x.day < ${first}::date + interval '1 month'))
           and (e.employed_from is null or e.employed_from < ${first}::date + interval '1 month')
           and (e.employed_until is null or e.employed_until >= ${first}::date)
         order by o.name, o.id, e.last_name, e.first_name, e.number
      ) b
      cross join lateral (
        select string_agg(concat(d.day - ${earliest}::date, ',', d.planned_minutes, ',', d.worked_minutes,
                                 case when d.absences = '{}'::jsonb then '' else ',' || d.absences::text end), E'\n' order by d.day) as day_rows
          from timesheet_days d where d.employee_id = b.employee_id and d.day >= b.days_from and d.day < ${first}::date + interval '1 month'
      ) dd
     order by b.org_unit, b.org_unit_id, b.last_name, b.first_name, b.number`.cursor(options.batch ?? 500);

  for await (const rows of options.prefetch ? readAhead(cursor) : cursor) {
    for (const [index, row] of rows.entries()) {
      // Lets the next batch in from the socket while this one is computed: continuations alone
      // never reach the event loop, so PostgreSQL stalled on a full socket buffer (the CSV took
      // the database's time plus ours: 3.7 s; 2.9 s with these pauses).
      if (options.prefetch && index % yieldEvery === yieldEvery - 1) await new Promise(setImmediate);
      const stored = parseDayRows(row.day_rows, dates);
      const { days: holidays, set: holidaySet } = holidaysFor(row.canton);
      const contract = { weeklyMinutes: row.weekly_minutes, employmentRate: row.employment_rate, employedFrom: row.employed_from, employedUntil: row.employed_until };
      const excludedReason = exclusionReason({ contractType: row.contract_type, noticeGiven: row.notice_given });
      const own = unitSettings(settings, { from: row.unit_from, until: row.unit_until });
      const daysOf = (m: string) => stored.filter((d) => d.date.startsWith(m));
      const declared = declaredDays(month, daysOf(month), contract, holidaySet, row.status === "locked");
      let figures = row.figures;
      if (!figures) {
        const start = balanceStart(
          month,
          lookBack,
          row.anchor_month && (row.anchor_closing !== null || row.anchor_figures)
            ? { month: shiftMonth(row.anchor_month, 1), minutes: row.anchor_closing ?? frozenClosing(row.anchor_figures!) }
            : null,
          row.opening_month !== null && row.opening_minutes !== null ? { month: row.opening_month, minutes: row.opening_minutes } : null,
        );
        // Open months between the start and this one hand their closing balance on (their own figures, as if declared today).
        const openingBalance = options.openingBalance ?? carriedBalance(month, start, (m, opening) => {
          // A month without entries is declared as planned: nothing lost, no overtime, the balance passes unchanged.
          if (!stored.some((d) => d.date.startsWith(m))) return opening;
          const days = declaredDays(m, daysOf(m), contract, holidaySet).days;
          return employeeMonth({ month: m, days, holidays, excludedReason, history: [], openingBalance: opening, settings: own }).closingOvertimeBalance;
        });
        figures = employeeMonth({ month, days: declared.days, holidays, excludedReason, history: (row.over85_months ?? []).map((m) => ({ month: m, over85: true })), openingBalance, settings: own });
      }
      yield {
        employeeId: row.employee_id,
        number: row.number,
        firstName: row.first_name,
        lastName: row.last_name,
        orgUnitId: row.org_unit_id,
        orgUnit: row.org_unit,
        employmentRate: row.employment_rate,
        status: row.status,
        submitted: row.submitted,
        version: row.version,
        entries: stored.filter((d) => d.date.startsWith(month)).length,
        missingDays: declared.missing,
        days: declared.days,
        figures,
        hr: hrFields ? { avsNumber: row.avs_number ?? null, birthDate: row.birth_date ?? null, wageCents: row.wage_cents ?? null } : null,
      };
    }
  }
}

export type UnitSummary = {
  orgUnitId: string;
  orgUnit: string;
  employees: number;
  /** Employees with lost time this month. */
  affected: number;
  withEntries: number;
  submitted: number;
  normal: number;
  worked: number;
  lost: number;
  compensable: number;
  threshold: UnitThreshold;
};

/**
 * Walks the month once and sums it per unit; `each` sees every employee on the way
 * (for the checks). The unit's threshold needs every employee, so compensable minutes
 * are known per unit only at the end.
 */
export async function summariseMonth(month: string, options: { unitId?: string | null; settings: RhtSettings; each?: (e: EmployeeMonth) => void; tx?: DbOrTx }): Promise<Map<string, UnitSummary>> {
  const units = new Map<string, UnitSummary & { acc: ReturnType<typeof unitThresholdAccumulator>; compensableIfQualifies: number }>();
  for await (const e of employeeMonths(month, { unitId: options.unitId, settings: options.settings, tx: options.tx })) {
    options.each?.(e);
    let unit = units.get(e.orgUnitId);
    if (!unit) {
      unit = { orgUnitId: e.orgUnitId, orgUnit: e.orgUnit, employees: 0, affected: 0, withEntries: 0, submitted: 0, normal: 0, worked: 0, lost: 0, compensable: 0, compensableIfQualifies: 0, threshold: { qualifies: false, lost: 0, base: 0 }, acc: unitThresholdAccumulator(options.settings) };
      units.set(e.orgUnitId, unit);
    }
    unit.employees += 1;
    if (e.figures.lost > 0) unit.affected += 1;
    if (e.entries > 0) unit.withEntries += 1;
    if (e.submitted) unit.submitted += 1;
    if (!e.figures.excludedReason) {
      unit.normal += e.figures.normal;
      unit.worked += e.figures.worked;
      unit.lost += e.figures.lost;
    }
    unit.compensableIfQualifies += e.figures.compensable;
    unit.acc.add(e.figures);
  }
  const result = new Map<string, UnitSummary>();
  for (const [id, { acc, compensableIfQualifies, ...unit }] of units) {
    const threshold = acc.result();
    result.set(id, { ...unit, threshold, compensable: threshold.qualifies ? compensableIfQualifies : 0 });
  }
  return result;
}
