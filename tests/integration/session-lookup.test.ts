import { eq, sql } from "drizzle-orm";
import { afterEach, expect, test } from "vitest";
import { employees, sessions } from "@/db/schema";
import { personFromSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createEmployee, createUserWithSession, grantRole } from "../support/factories";

// Pages find the signed-in person in one query (lib/auth/session.ts) instead of next-auth's
// handler and a second query: the same answers as next-auth's database strategy.

const day = 24 * 3600_000;
const cookie = (token: string, name = "next-auth.session-token") => ({ cookies: { [name]: token }, headers: {} });
const expiresOf = async (token: string) => (await db().select({ expires: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, token)))[0]?.expires;
const publicUrl = process.env.NEXTAUTH_URL;

afterEach(() => {
  process.env.NEXTAUTH_URL = publicUrl;
});

test("a session cookie gives its person with their roles; an unknown, empty or missing one gives nobody", async () => {
  const person = await createEmployee({ firstName: "Anna" });
  await grantRole(person.id, "it_agent");
  await grantRole(person.id, "hr");
  const { sessionToken, user } = await createUserWithSession(person);

  const found = await personFromSession(cookie(sessionToken));
  expect(found).toMatchObject({ employeeId: person.id, userId: user.id, firstName: "Anna", number: person.number });
  expect([...(found?.roles ?? [])].sort()).toEqual(["employee", "hr", "it_agent"]);
  expect(await personFromSession(cookie("not-a-session"))).toBeNull();
  expect(await personFromSession(cookie(""))).toBeNull();
  expect(await personFromSession({ cookies: {}, headers: {} })).toBeNull();
});

test("an expired session, or one of a deactivated employee, gives nobody", async () => {
  const expired = await createUserWithSession(await createEmployee());
  await db().update(sessions).set({ expires: new Date(Date.now() - 1000) }).where(eq(sessions.sessionToken, expired.sessionToken));
  expect(await personFromSession(cookie(expired.sessionToken))).toBeNull();

  const leaver = await createEmployee();
  const { sessionToken } = await createUserWithSession(leaver);
  await db().update(employees).set({ active: false }).where(eq(employees.id, leaver.id));
  expect(await personFromSession(cookie(sessionToken))).toBeNull();
});

test("a session is renewed to seven days once a day has passed since it was, not on every request", async () => {
  // Fresh: next-auth wrote it with seven days to go; a request leaves it alone.
  const fresh = await createUserWithSession(await createEmployee());
  await db().execute(sql`update sessions set expires = now() + interval '7 days' - interval '1 hour' where session_token = ${fresh.sessionToken}`);
  const before = await expiresOf(fresh.sessionToken);
  expect(await personFromSession(cookie(fresh.sessionToken))).not.toBeNull();
  expect(await expiresOf(fresh.sessionToken)).toEqual(before);

  // Written more than a day ago (under six days to go): renewed to seven days from now.
  const old = await createUserWithSession(await createEmployee());
  await db().execute(sql`update sessions set expires = now() + interval '2 days' where session_token = ${old.sessionToken}`);
  expect(await personFromSession(cookie(old.sessionToken))).not.toBeNull();
  const renewed = (await expiresOf(old.sessionToken))!.getTime() - Date.now();
  expect(renewed).toBeGreaterThan(7 * day - 60_000);
  expect(renewed).toBeLessThanOrEqual(7 * day + 60_000);
});

test("behind https the session is read from next-auth's __Secure- cookie only", async () => {
  const { sessionToken } = await createUserWithSession(await createEmployee());
  process.env.NEXTAUTH_URL = "https://passerelle.example.ch";
  expect(await personFromSession(cookie(sessionToken))).toBeNull();
  expect(await personFromSession(cookie(sessionToken, "__Secure-next-auth.session-token"))).not.toBeNull();
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  expect(await personFromSession(cookie(sessionToken, "__Secure-next-auth.session-token"))).toBeNull();
});
