import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { users } from "@/db/schema";
import { passerelleAdapter } from "@/lib/auth/adapter";
import { db } from "@/lib/db";
import { createEmployee } from "../support/factories";

describe("the roster-backed adapter", () => {
  test("work and private address are the same user; two first sign-ins at once make one user", async () => {
    const person = await createEmployee({ workEmail: "same.person@work.test", privateEmail: "same@home.test" });
    const adapter = passerelleAdapter();
    expect(await adapter.getUserByEmail("same@home.test")).toBeNull();

    const [a, b] = await Promise.all([
      adapter.createUser({ email: "same@home.test", emailVerified: new Date() }),
      adapter.createUser({ email: "same.person@work.test", emailVerified: new Date() }),
    ]);
    expect(a.id).toBe(b.id);
    expect(a.email).toBe("same.person@work.test");
    expect((await adapter.getUserByEmail("SAME@home.test"))?.id).toBe(a.id);
    expect((await adapter.getUserByEmail("same.person@work.test"))?.id).toBe(a.id);
    expect(await db().select().from(users).where(eq(users.employeeId, person.id))).toHaveLength(1);
  });

  test("an address that is not on the roster cannot become a user", async () => {
    const adapter = passerelleAdapter();
    await expect(adapter.createUser({ email: "intruder@evil.test", emailVerified: new Date() })).rejects.toThrow();
    expect(await adapter.getUserByEmail("intruder@evil.test")).toBeNull();
  });

  test("a deactivated employee is not found any more", async () => {
    await createEmployee({ workEmail: "left@work.test", active: false });
    expect(await passerelleAdapter().getUserByEmail("left@work.test")).toBeNull();
  });
});
