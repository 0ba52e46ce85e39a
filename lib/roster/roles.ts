import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import type { StaffRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { activeEmployeeIdByNumber } from "./queries";

export type StaffMember = { id: string; number: string; firstName: string; lastName: string; email: string | null; orgUnit: string | null; roles: StaffRole[] };

/**
 * Refuses to let `employeeId` stop being an active admin (role revoked or person
 * deactivated) when nobody else would be. Every admin role row is locked first; the
 * active admins are then counted in a statement of their own, which sees what a
 * concurrent revocation or deactivation committed while this one waited for the lock
 * (a count in the locking statement itself would be older than the lock).
 */
export async function keepOneAdmin(tx: DbOrTx, employeeId: string): Promise<void> {
  await tx.execute(sql`select 1 from employee_roles where role = 'admin' order by employee_id for update`);
  const [row] = (await tx.execute(sql`
    select count(*) filter (where r.employee_id <> ${employeeId})::int as others, coalesce(bool_or(r.employee_id = ${employeeId}), false) as "isAdmin"
      from employee_roles r join employees e on e.id = r.employee_id
     where r.role = 'admin' and e.active`)) as unknown as { others: number; isAdmin: boolean }[];
  if (row.isAdmin && row.others === 0) throw new ActionError("lastAdmin");
}

/**
 * Grants or revokes a staff role. Two admins revoking each other at once, or one
 * deactivating the other meanwhile, cannot leave nobody in charge: the last admin stays.
 */
export async function setStaffRole(tx: DbOrTx, number: string, role: StaffRole, grant: boolean): Promise<{ employeeId: string; changed: boolean }> {
  const person = { id: await activeEmployeeIdByNumber(tx, number) };
  if (grant) {
    const rows = await tx.execute(sql`insert into employee_roles (employee_id, role) values (${person.id}, ${role}) on conflict do nothing returning employee_id`);
    return { employeeId: person.id, changed: rows.length > 0 };
  }
  if (role === "admin") await keepOneAdmin(tx, person.id);
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
