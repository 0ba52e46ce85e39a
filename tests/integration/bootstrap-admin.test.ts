import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { ensureBootstrapAdmin } from "@/db/seed/bootstrap";
import { db } from "@/lib/db";

const admins = async () => ((await db().execute(sql`select e.work_email from employee_roles r join employees e on e.id = r.employee_id where r.role = 'admin' and e.active`)) as unknown as { work_email: string }[]).map((r) => r.work_email);

test("the first administrator comes from BOOTSTRAP_ADMIN_EMAIL, only while there is none", async () => {
  await db().execute(sql`delete from employee_roles where role = 'admin'`);
  expect(await ensureBootstrapAdmin(db(), "First.Admin@Company.test")).toBe("created");
  expect(await admins()).toEqual(["first.admin@company.test"]);
  expect(await ensureBootstrapAdmin(db(), "first.admin@company.test")).toBe("present");
  expect(await ensureBootstrapAdmin(db(), "someone.else@company.test")).toBe("present"); // an admin exists: nothing changes
  expect(await admins()).toEqual(["first.admin@company.test"]);
  // With no admin left at all, a restart makes them admin again: the only way back in.
  await db().execute(sql`delete from employee_roles where role = 'admin'`);
  expect(await ensureBootstrapAdmin(db(), "first.admin@company.test")).toBe("granted");
  expect(((await db().execute(sql`select count(*)::int as n from audit_log where action = 'role.bootstrap_admin'`))[0] as { n: number }).n).toBe(2);
});
