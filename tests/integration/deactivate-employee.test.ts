import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { auditLog, sessions } from "@/db/schema";
import { db } from "@/lib/db";
import { deactivateEmployee, loadPersonByUserId } from "@/lib/roster/queries";
import { createEmployee, createUserWithSession, grantRole } from "../support/factories";

test("deactivating an employee ends all their sessions, once, with an audit row", async () => {
  const admin = await createEmployee();
  const person = await createEmployee();
  await grantRole(person.id, "hr");
  const { user } = await createUserWithSession(person);
  await db().insert(sessions).values({ sessionToken: "second-device", userId: user.id, expires: new Date(Date.now() + 3600_000) });
  const bystander = await createEmployee();
  const { user: other } = await createUserWithSession(bystander);

  expect((await loadPersonByUserId(user.id))?.roles).toEqual(["employee", "hr"]);
  expect(await deactivateEmployee(admin.id, person.id)).toBe(true);

  expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  expect(await db().select().from(sessions).where(eq(sessions.userId, other.id))).toHaveLength(1);
  expect(await loadPersonByUserId(user.id)).toBeNull();
  const audit = await db().select().from(auditLog).where(eq(auditLog.targetId, person.id));
  expect(audit).toMatchObject([{ action: "employee.deactivate", actorEmployeeId: admin.id, details: { sessionsEnded: 2 } }]);

  // A second call changes nothing and writes nothing.
  expect(await deactivateEmployee(admin.id, person.id)).toBe(false);
  expect(await db().select().from(auditLog).where(eq(auditLog.targetId, person.id))).toHaveLength(1);
});
