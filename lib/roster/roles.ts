import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import type { StaffRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { activeEmployeeIdByNumber } from "./queries";

export type StaffMember = { id: string; number: string; firstName: string; lastName: string; email: string | null; orgUnit: string | null; roles: StaffRole[] };

/**
 * Grants or revokes a staff role. The admins are locked while counting, so two admins
 * revoking each other at once cannot leave nobody in charge: the last admin stays.
 */
export async function setStaffRole(tx: DbOrTx, number: string, role: StaffRole, grant: boolean): Promise<{ employeeId: string; changed: boolean }> {
  const person = { id: await activeEmployeeIdByNumber(tx, number) };
  if (grant) {
    const rows = await tx.execute(sql`insert into employee_roles (employee_id, role) values (${person.id}, ${role}) on conflict do nothing returning employee_id`);
    return { employeeId: person.id, changed: rows.length > 0 };
  }
  if (role === "admin") {
    const admins = (await tx.execute(sql`
      select r.employee_id from employee_roles r join employees e on e.id = r.employee_id
       where r.role = 'admin' and e.active order by r.employee_id for update of r`)) as unknown as { employee_id: string }[];
    if (admins.length <= 1 && admins.some((a) => a.employee_id === person.id)) throw new ActionError("lastAdmin");
  }
  const rows = await tx.execute(sql`delete from employee_roles where employee_id = ${person.id} and role = ${role} returning employee_id`);
  return { employeeId: person.id, changed: rows.length > 0 };
}

/** Everyone with a staff role, and whoever matches the search (number, name or e-mail). */
export async function listStaff(search: string | null, tx: DbOrTx = db()): Promise<StaffMember[]> {
  const q = search?.trim() ? `%${search.trim().toLowerCase().replace(/[%_\\]/g, "\\$&")}%` : null;
  return (await tx.execute(sql`
    select e.id, e.number, e.first_name as "firstName", e.last_name as "lastName", coalesce(e.work_email, e.private_email) as email, o.name as "orgUnit",
           coalesce(array_agg(r.role::text order by r.role) filter (where r.role is not null), '{}') as roles
      from employees e left join org_units o on o.id = e.org_unit_id left join employee_roles r on r.employee_id = e.id
     where e.active and (${q}::text is null
       or lower(e.number) like ${q} or lower(e.first_name || ' ' || e.last_name) like ${q} or lower(e.last_name || ' ' || e.first_name) like ${q}
       or lower(coalesce(e.work_email, '')) like ${q} or lower(coalesce(e.private_email, '')) like ${q})
     group by e.id, o.name
    having ${q}::text is not null or count(r.role) > 0
     order by e.last_name, e.first_name limit 50`)) as unknown as StaffMember[];
}
