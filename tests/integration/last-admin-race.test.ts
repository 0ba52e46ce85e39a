import { sql } from "drizzle-orm";
import { expect, test, vi } from "vitest";
import { db } from "@/lib/db";
import { asPerson, personOf } from "../support/request-person";
import { createEmployee, grantRole } from "../support/factories";

vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);

const { changeRoleAction, deactivateEmployeeAction } = await import("@/lib/roster/actions");

const activeAdmins = async () =>
  ((await db().execute(sql`select count(*)::int as n from employee_roles r join employees e on e.id = r.employee_id where r.role = 'admin' and e.active`)) as unknown as { n: number }[])[0].n;

test("two admins, one deactivating the other while that one revokes the first's role: an active admin always remains", async () => {
  for (let round = 0; round < 5; round += 1) {
    await db().execute(sql`delete from employee_roles where role = 'admin'`);
    const a = await createEmployee();
    const b = await createEmployee();
    await grantRole(a.id, "admin");
    await grantRole(b.id, "admin");
    const [deactivated, revoked] = await Promise.all([
      asPerson(personOf(a, ["employee", "admin"]), () => deactivateEmployeeAction({ number: b.number })),
      asPerson(personOf(b, ["employee", "admin"]), () => changeRoleAction({ number: a.number, role: "admin", grant: false })),
    ]);
    expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
    // Exactly one of the two went through; the other was told why.
    expect([deactivated.ok, revoked.ok].filter(Boolean)).toHaveLength(1);
    const refused = [deactivated, revoked].find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, formError: "lastAdmin" });
  }
});
