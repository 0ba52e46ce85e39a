import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { departmentQualifies } from "./rules";

/** Contracts that are not entitled to short-time work (RHT-RULES.md). */
const excludedContracts = ["fixed_term", "apprentice", "on_call", "temporary"];

export type UnitMonth = {
  orgUnitId: string;
  orgUnit: string;
  employees: number;
  withEntries: number;
  submitted: number;
  normal: number;
  worked: number;
  lost: number;
  qualifies: boolean;
};

/** Per unit and month: who has entered hours, who submitted, and whether the unit reaches 10 % loss. */
export async function monthOverview(month: string): Promise<UnitMonth[]> {
  const first = `${month}-01`;
  const rows = (await db().execute(sql`
    select o.id as "orgUnitId", o.name as "orgUnit", e.id as "employeeId", e.contract_type as "contractType",
           coalesce(sum(d.planned_minutes), 0)::int as normal, coalesce(sum(d.worked_minutes), 0)::int as worked,
           coalesce(sum(greatest(0, d.planned_minutes - d.worked_minutes
             - coalesce((select sum(value::int) from jsonb_each_text(d.absences)), 0))), 0)::int as lost,
           count(d.day)::int as days, coalesce(max(m.status::text), 'draft') as status
      from org_units o
      join employees e on e.org_unit_id = o.id and e.active
      left join timesheet_days d on d.employee_id = e.id and d.day >= ${first}::date and d.day < (${first}::date + interval '1 month')
      left join timesheet_months m on m.employee_id = e.id and m.month = ${first}::date
     group by o.id, o.name, e.id, e.contract_type
     order by o.name`)) as unknown as { orgUnitId: string; orgUnit: string; employeeId: string; contractType: string; normal: number; worked: number; lost: number; days: number; status: string }[];

  const units = new Map<string, { name: string; people: typeof rows }>();
  for (const row of rows) {
    const unit = units.get(row.orgUnitId) ?? { name: row.orgUnit, people: [] };
    unit.people.push(row);
    units.set(row.orgUnitId, unit);
  }
  return [...units.entries()].map(([orgUnitId, unit]) => {
    const check = departmentQualifies(unit.people.map((p) => ({ lost: p.lost, normal: p.normal, entitled: !excludedContracts.includes(p.contractType) })));
    return {
      orgUnitId,
      orgUnit: unit.name,
      employees: unit.people.length,
      withEntries: unit.people.filter((p) => p.days > 0).length,
      submitted: unit.people.filter((p) => p.status !== "draft").length,
      normal: check.normal,
      worked: unit.people.filter((p) => !excludedContracts.includes(p.contractType)).reduce((a, p) => a + p.worked, 0),
      lost: check.lost,
      qualifies: check.qualifies,
    };
  });
}
