import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { accounts, employees, sessions, users, verificationTokens } from "@/db/schema";
import { db } from "@/lib/db";
import { findActiveEmployeeByEmail } from "@/lib/roster/queries";
import { normalizeEmail } from "./schema";

type UserRow = typeof users.$inferSelect;

const toAdapterUser = (row: UserRow): AdapterUser => ({
  id: row.id,
  email: row.email,
  emailVerified: row.emailVerified,
  name: row.name,
  image: row.image,
});

/**
 * Auth.js's Drizzle adapter, with the roster in charge of identity: a person
 * may sign in with their work or their private address and is the same user
 * either way (users.employee_id is unique). Verification tokens are written by
 * lib/auth/sign-in-link.ts together with the mail (by the sign-in worker, for an
 * address on the roster only), so createVerificationToken does nothing here. A plain object, as next-auth 4 copies adapter methods.
 */
export function passerelleAdapter(): Adapter & Required<Pick<Adapter, "getUserByEmail" | "createUser">> {
  const base = DrizzleAdapter(db(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  } as never) as unknown as Adapter;

  return {
    ...base,
    // next-auth calls this on every link request, before the answer: one and the
    // same statement whether or not the address is on the roster, so the answer's
    // timing says nothing. (The match is findActiveEmployeeByEmail's, as a subquery.)
    async getUserByEmail(email) {
      const address = normalizeEmail(email);
      const person = db()
        .select({ id: employees.id })
        .from(employees)
        .where(and(eq(employees.active, true), or(sql`lower(${employees.workEmail}) = ${address}`, sql`lower(${employees.privateEmail}) = ${address}`)))
        .orderBy(sql`(lower(${employees.workEmail}) = ${address}) desc nulls last`)
        .limit(1);
      const [row] = await db().select().from(users).where(inArray(users.employeeId, person));
      return row ? toAdapterUser(row) : null;
    },
    async createUser(data: Omit<AdapterUser, "id">) {
      const person = await findActiveEmployeeByEmail(data.email);
      if (!person) throw new Error("AccessDenied");
      const email = (person.workEmail ?? person.privateEmail ?? data.email).toLowerCase();
      // Two first sign-ins at once (two tabs) must not make two users.
      const [row] = await db()
        .insert(users)
        .values({
          email,
          employeeId: person.id,
          emailVerified: data.emailVerified ?? new Date(),
          name: `${person.firstName} ${person.lastName}`,
        })
        .onConflictDoUpdate({ target: users.employeeId, set: { emailVerified: sql`excluded.email_verified` } })
        .returning();
      return toAdapterUser(row);
    },
    async createVerificationToken(token) {
      return token;
    },
    // The moment a mailed link is used. In the same statement as using the token up, the
    // address it was sent to becomes the person's contact address (the address on file that
    // matched, as spelled there) unless they chose one on the status page that is still on
    // file. An unknown, used or expired token changes nothing (next-auth refuses it after).
    async useVerificationToken({ identifier, token }) {
      const [row] = (await db().execute(sql`
        with used as (
          delete from ${verificationTokens} where identifier = ${identifier} and token = ${token}
          returning identifier, token, expires),
        person as (
          select e.id, lower(e.work_email) = lower(used.identifier) as work
            from employees e, used
           where used.expires > now() and e.active
             and (lower(e.work_email) = lower(used.identifier) or lower(e.private_email) = lower(used.identifier))
           order by (lower(e.work_email) = lower(used.identifier)) desc nulls last
           limit 1),
        contact as (
          update employees e
             set contact_email = case when person.work then e.work_email else e.private_email end, contact_email_chosen_at = null
            from person
           where e.id = person.id
             and (e.contact_email_chosen_at is null or not coalesce(lower(e.contact_email) in (lower(e.work_email), lower(e.private_email)), false))
          returning e.id)
        select identifier, token, expires from used`)) as unknown as { identifier: string; token: string; expires: Date | string }[];
      return row ? { identifier: row.identifier, token: row.token, expires: new Date(row.expires) } : null;
    },
  };
}
