import "server-only";
import { ActionError } from "@/lib/auth/action-error";
import { and, eq, or, sql } from "drizzle-orm";
import { employees, sessions, users } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { normalizeEmail } from "@/lib/auth/schema";
import type { Role, StaffRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export type RosterMatch = {
  id: string;
  firstName: string;
  lastName: string;
  workEmail: string | null;
  privateEmail: string | null;
  language: "fr" | "de" | "en";
};

const matchColumns = {
  id: employees.id,
  firstName: employees.firstName,
  lastName: employees.lastName,
  workEmail: employees.workEmail,
  privateEmail: employees.privateEmail,
  language: employees.language,
};

/**
 * The active employee whose work or private address this is (case-insensitive,
 * trimmed), or null. A work address wins over someone else's private one.
 */
export async function findActiveEmployeeByEmail(
  address: string,
  tx: DbOrTx = db(),
): Promise<RosterMatch | null> {
  const email = normalizeEmail(address);
  if (!email) return null;
  const rows = await tx
    .select(matchColumns)
    .from(employees)
    .where(
      and(
        eq(employees.active, true),
        or(sql`lower(${employees.workEmail}) = ${email}`, sql`lower(${employees.privateEmail}) = ${email}`),
      ),
    )
    .orderBy(sql`(lower(${employees.workEmail}) = ${email}) desc nulls last`)
    .limit(1);
  return rows[0] ?? null;
}

export type CurrentPerson = {
  userId: string;
  employeeId: string;
  number: string;
  firstName: string;
  lastName: string;
  email: string;
  locale: "fr" | "de" | "en" | null;
  language: "fr" | "de" | "en";
  roles: Role[];
};

/**
 * The signed-in person's columns, over `users u`, `employees e` (active) and `employee_roles r`
 * grouped by u.id and e.id: one definition for the two ways a person is found (by account, by
 * session token).
 */
const personColumns = sql`u.id as "userId", u.email, u.locale, e.id as "employeeId", e.number, e.first_name as "firstName", e.last_name as "lastName", e.language,
           coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles`;
const personJoins = sql`join employees e on e.id = u.employee_id and e.active left join employee_roles r on r.employee_id = e.id`;

type PersonRow = Omit<CurrentPerson, "roles"> & { roles: StaffRole[] };
/** Everyone is an employee; the staff roles come on top. */
const asPerson = <R extends PersonRow>(row: R): Omit<R, "roles"> & { roles: Role[] } => ({ ...row, roles: ["employee", ...row.roles] });

/** The signed-in person behind a user id, or null when the employee is no longer active. */
export async function loadPersonByUserId(userId: string): Promise<CurrentPerson | null> {
  const [row] = (await db().execute(sql`select ${personColumns} from users u ${personJoins} where u.id = ${userId} group by u.id, e.id`)) as unknown as PersonRow[];
  return row ? asPerson(row) : null;
}

/**
 * The active person a session token belongs to, in one query (session, account, employee and
 * roles), or null: an unknown or expired token, or a deactivated employee. `renewDue` says the
 * session is past next-auth's update age (lib/auth/session.ts renews it).
 */
export async function loadPersonBySessionToken(token: string, updateAgeSeconds: number, maxAgeSeconds: number): Promise<(CurrentPerson & { renewDue: boolean }) | null> {
  const [row] = (await db().execute(sql`
    select ${personColumns},
           (s.expires - make_interval(secs => ${maxAgeSeconds}) + make_interval(secs => ${updateAgeSeconds}) <= now()) as "renewDue"
      from sessions s join users u on u.id = s.user_id ${personJoins}
     where s.session_token = ${token} and s.expires > now()
     group by s.session_token, u.id, e.id`)) as unknown as (PersonRow & { renewDue: boolean })[];
  return row ? asPerson(row) : null;
}

/** Moves a session's end to `maxAgeSeconds` from now (next-auth's database strategy does it once per update age). */
export async function renewSession(token: string, maxAgeSeconds: number): Promise<void> {
  await db().execute(sql`update sessions set expires = now() + make_interval(secs => ${maxAgeSeconds}) where session_token = ${token} and expires > now()`);
}

/** Deactivates an active employee and ends every session they have; null when they were not active. */
export async function deactivateInTransaction(tx: DbOrTx, employeeId: string): Promise<{ sessionsEnded: number } | null> {
  const updated = await tx
    .update(employees)
    .set({ active: false, deactivatedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(employees.id, employeeId), eq(employees.active, true)))
    .returning({ id: employees.id });
  if (updated.length === 0) return null;
  const ended = await tx
    .delete(sessions)
    .where(sql`${sessions.userId} in (select ${users.id} from ${users} where ${users.employeeId} = ${employeeId})`)
    .returning({ token: sessions.sessionToken });
  return { sessionsEnded: ended.length };
}

/**
 * Deactivates an employee and ends every session they have, in one
 * transaction: from the next request on they are signed out everywhere.
 */
export async function deactivateEmployee(actorEmployeeId: string | null, employeeId: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const done = await deactivateInTransaction(tx, employeeId);
    if (!done) return false;
    await recordAudit(tx, { actorEmployeeId, action: "employee.deactivate", targetType: "employee", targetId: employeeId, details: done });
    return true;
  });
}

export type Contact = { address: string | null; locale: "fr" | "de" | "en"; firstName: string };

/**
 * The contact address of the `employees` row aliased `alias`, in SQL: the one the person chose
 * or last signed in with (`contact_email`) while it is still one of the two addresses on file,
 * spelled as on file; otherwise (never signed in, or the roster import changed or removed it)
 * the work address, else the private one. getContact and the invitation waves both use it.
 */
export const contactAddressSql = (alias: "e") =>
  sql.raw(`case when lower(${alias}.contact_email) = lower(${alias}.work_email) then ${alias}.work_email
                when lower(${alias}.contact_email) = lower(${alias}.private_email) then ${alias}.private_email
                else coalesce(${alias}.work_email, ${alias}.private_email) end`);

/** Where and in which language to write to an employee: every mail to a person is addressed through this. */
export async function getContact(tx: DbOrTx, employeeId: string): Promise<Contact> {
  const [row] = (await tx.execute(sql`
    select ${contactAddressSql("e")} as address, coalesce(u.locale::text, e.language::text) as locale, e.first_name as "firstName"
      from employees e left join users u on u.employee_id = e.id
     where e.id = ${employeeId}`)) as unknown as Contact[];
  return row;
}

/**
 * The person's chosen contact address, which must be one of their own addresses on file (matched
 * without regard to case; the spelling on file is kept). Refused beside the field otherwise.
 */
export async function chooseContactAddress(tx: DbOrTx, employeeId: string, address: string): Promise<{ address: string; which: "work" | "private" }> {
  const [row] = (await tx.execute(sql`
    update employees e
       set contact_email = case when lower(e.work_email) = lower(${address}) then e.work_email else e.private_email end,
           contact_email_chosen_at = now()
     where e.id = ${employeeId} and e.active and lower(${address}) in (lower(e.work_email), lower(e.private_email))
     returning e.contact_email as address, case when e.contact_email = e.work_email then 'work' else 'private' end as which`)) as unknown as {
    address: string;
    which: "work" | "private";
  }[];
  if (!row) throw new ActionError("contactAddressNotOnFile", "address");
  return row;
}

export type RosterFacts = { jobFamily: string; contractType: string; siteCode: string | null; siteId: string | null; number: string; firstName: string; lastName: string; orgUnit: string | null; site: string | null };

/** Roster facts the journey rules and the IT snapshot need (never HR-only fields). */
export async function getRosterFacts(tx: DbOrTx, employeeId: string): Promise<RosterFacts> {
  const rows = (await tx.execute(sql`
    select e.job_family as "jobFamily", e.contract_type as "contractType", s.code as "siteCode", s.id as "siteId",
           e.number, e.first_name as "firstName", e.last_name as "lastName", o.name as "orgUnit", s.name as "site"
      from employees e left join sites s on s.id = e.site_id left join org_units o on o.id = e.org_unit_id
     where e.id = ${employeeId}`)) as unknown as RosterFacts[];
  return rows[0];
}

/** An active employee's id by employee number; refused as "no such employee" (field `number`) otherwise. */
export async function activeEmployeeIdByNumber(tx: DbOrTx, number: string): Promise<string> {
  const [row] = (await tx.execute(sql`select id from employees where number = ${number} and active`)) as unknown as { id: string }[];
  if (!row) throw new ActionError("employeeNotFound", "number");
  return row.id;
}
