import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rhtSettingsSchema, type RhtSettings } from "@/lib/settings/schemas";
import type { UnitThreshold } from "./declaration";
import { currentGeneration } from "./unit-months";

// What the declaration needs to know about its units before its first employee row.

const first = (month: string) => `${month}-01`;

export type ExportHead = { employees: number; final: boolean; unitName: string | null };

/**
 * Who the declaration lists, over `employees e` with the month's `timesheet_months m` joined:
 * `employeeMonths` (employee-months.ts) walks the same filter, written there for its own client.
 */
export const declared = (month: string, unitId: string | null) => sql`
  (${unitId}::uuid is null or e.org_unit_id = ${unitId}::uuid)
  and (e.active or m.employee_id is not null
       or exists (select 1 from timesheet_days x where x.employee_id = e.id and x.day >= ${first(month)}::date and x.day < ${first(month)}::date + interval '1 month'))
  and (e.employed_from is null or e.employed_from < ${first(month)}::date + interval '1 month')
  and (e.employed_until is null or e.employed_until >= ${first(month)}::date)`;

/**
 * The file's name and the audit's figures, before the file is written: how many people it
 * declares and whether every unit in it is locked (a final declaration, not a preview).
 * The people are those `employeeMonths` walks (employee-months.ts): the same filter.
 */
export async function exportHead(tx: DbOrTx, month: string, unitId: string | null): Promise<ExportHead> {
  const rows = (await tx.execute(sql`
    select o.id, o.name, count(*)::int as employees, bool_or(p.status = 'locked') as locked
      from employees e
      join org_units o on o.id = e.org_unit_id
      left join timesheet_months m on m.employee_id = e.id and m.month = ${first(month)}::date
      left join rht_periods p on p.org_unit_id = o.id and p.month = ${first(month)}::date
     where ${declared(month, unitId)}
     group by o.id, o.name`)) as unknown as { id: string; name: string; employees: number; locked: boolean | null }[];
  return {
    employees: rows.reduce((a, r) => a + r.employees, 0),
    final: rows.length > 0 && rows.every((r) => r.locked === true),
    unitName: unitId ? (rows.find((r) => r.id === unitId)?.name ?? null) : null,
  };
}

/**
 * Each unit's 10 % from HR's kept review (lib/rht/unit-months.ts), where the review is
 * current in this snapshot: its generation is the unit's plus the global one, so it was
 * computed from exactly the rows this transaction reads. Units missing here are summed
 * while their rows go by.
 */
export async function keptThresholds(tx: DbOrTx, month: string, unitId: string | null): Promise<Map<string, UnitThreshold>> {
  const rows = (await tx.execute(sql`
    select c.org_unit_id, c.review->'review'->'threshold' as threshold
      from rht_unit_months c
      left join rht_generations g on g.scope = c.org_unit_id::text
     where c.month = ${first(month)}::date
       and (${unitId}::uuid is null or c.org_unit_id = ${unitId}::uuid)
       and c.generation = ${currentGeneration}
       and c.review ? 'review'`)) as unknown as { org_unit_id: string; threshold: UnitThreshold | null }[];
  return new Map(rows.filter((r) => r.threshold).map((r) => [r.org_unit_id, r.threshold!]));
}

/** A locked period keeps the insured cap it was locked with: a later change of the setting changes nothing in it. */
export async function insuredCaps(tx: DbOrTx, month: string, settings: RhtSettings): Promise<(unitId: string) => number> {
  const rows = (await tx.execute(sql`
    select org_unit_id, settings from rht_periods where month = ${first(month)}::date and status = 'locked'`)) as unknown as { org_unit_id: string; settings: unknown }[];
  const caps = new Map(rows.map((p) => [p.org_unit_id, rhtSettingsSchema.safeParse(p.settings).data?.insuredMaxYearlyFrancs ?? settings.insuredMaxYearlyFrancs]));
  return (unitId) => caps.get(unitId) ?? settings.insuredMaxYearlyFrancs;
}
