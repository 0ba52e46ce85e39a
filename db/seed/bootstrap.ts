import { sql } from "drizzle-orm";
import type { Db } from "../client";

/**
 * The first administrator of a real installation: while no active employee holds the
 * admin role, the person with this address (created if needed) gets it, so someone can
 * sign in and import the roster. Once an admin exists it does nothing, so a revoked
 * role is never handed back by a restart.
 */
export async function ensureBootstrapAdmin(db: Db, email: string): Promise<"created" | "granted" | "present"> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table employee_roles in share row exclusive mode`);
    const [admin] = (await tx.execute(sql`
      select 1 from employee_roles r join employees e on e.id = r.employee_id where r.role = 'admin' and e.active limit 1`)) as unknown as unknown[];
    if (admin) return "present";
    const address = email.trim().toLowerCase();
    const [existing] = (await tx.execute(sql`
      select id from employees where lower(work_email) = ${address} or lower(private_email) = ${address} limit 1`)) as unknown as { id: string }[];
    let id = existing?.id;
    if (id) await tx.execute(sql`update employees set active = true, deactivated_at = null where id = ${id}`);
    else {
      const [created] = (await tx.execute(sql`
        insert into employees (number, first_name, last_name, work_email, job_family, language)
        values ('ADMIN-BOOTSTRAP', 'Admin', 'Passerelle', ${address}, 'it', 'en')
        on conflict (number) do update set work_email = excluded.work_email, active = true, deactivated_at = null
        returning id`)) as unknown as { id: string }[];
      id = created.id;
    }
    await tx.execute(sql`insert into employee_roles (employee_id, role) values (${id}, 'admin') on conflict do nothing`);
    await tx.execute(sql`insert into audit_log (action, target_type, target_id, details) values ('role.bootstrap_admin', 'employee', ${id}, ${JSON.stringify({ created: !existing })}::jsonb)`);
    return existing ? "granted" : "created";
  });
}
