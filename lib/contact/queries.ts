import "server-only";
import { cache } from "react";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { hasRole, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { contactAddressSql } from "@/lib/roster/queries";

// A person's phone is seen by the person and by IT staff only (issue 13 point 2): every read
// of it for a page goes through here, and the one that serves another person's ticket checks
// who asks.

/** Who may see how to reach the person behind a ticket besides the person: IT agents and admins. */
const reachRoles: readonly Role[] = ["it_agent", "admin"];

/** The phone on file of the employee `e` of the query it is part of (see phoneOnFile). */
const phoneOnFileSql = sql`coalesce(
  (select t.contact_phone from tickets t where t.employee_id = e.id and t.contact_phone is not null order by t.updated_at desc limit 1),
  e.phone)`;

/**
 * What the phone field is prefilled with, for the person themselves: the phone they last gave
 * on a ticket (they may have corrected the roster's), else the roster's.
 */
export async function phoneOnFile(tx: DbOrTx, employeeId: string): Promise<string | null> {
  const [row] = (await tx.execute(sql`select ${phoneOnFileSql} as phone from employees e where e.id = ${employeeId}`)) as unknown as { phone: string | null }[];
  return row?.phone ?? null;
}

export type ContactChoice = { address: string | null; chosen: boolean; work: string | null; private: string | null; phone: string | null };

/**
 * The person's own ways to be reached, for their pages: the contact address and the addresses on
 * file it may be changed to, and the phone on file (one statement: the status page names them in
 * several places, and its help form offers the phone).
 */
export async function getContactChoice(tx: DbOrTx, employeeId: string): Promise<ContactChoice> {
  const [row] = (await tx.execute(sql`
    select ${contactAddressSql("e")} as address, e.contact_email_chosen_at is not null as chosen, e.work_email as work, e.private_email as private,
           ${phoneOnFileSql} as phone
      from employees e where e.id = ${employeeId}`)) as unknown as ContactChoice[];
  return row;
}

/** The signed-in person's `getContactChoice`, read once per request. */
export const contactChoiceForPage = cache((employeeId: string) => getContactChoice(db(), employeeId));

/** The phone on the person's own open ticket of this category (what IT will call), for their pages. */
export async function ticketPhone(tx: DbOrTx, employeeId: string, category: string): Promise<string | null> {
  const [row] = (await tx.execute(sql`
    select contact_phone as phone from tickets
     where employee_id = ${employeeId} and category::text = ${category} and status not in ('resolved', 'closed')`)) as unknown as { phone: string | null }[];
  return row?.phone ?? null;
}

export type Reach = { address: string | null; phone: string | null; rosterPhone: string | null };

/**
 * How to reach the person behind ticket `number`: the address mail goes to, the phone they gave
 * on the ticket, and the roster's. Null for anyone but IT staff and the person themselves, so a
 * page that forgot its role check still shows no one else's number.
 */
export async function getReach(tx: DbOrTx, viewer: { employeeId: string; roles: readonly Role[] }, number: number): Promise<Reach | null> {
  // One statement (issue 16): the address is read with the phones and dropped with them when the viewer may not see them.
  const [row] = (await tx.execute(sql`
    select t.employee_id as "employeeId", ${contactAddressSql("e")} as address, t.contact_phone as phone, e.phone as "rosterPhone"
      from tickets t join employees e on e.id = t.employee_id where t.number = ${number}`)) as unknown as (Reach & { employeeId: string })[];
  if (!row || (row.employeeId !== viewer.employeeId && !hasRole(viewer.roles, reachRoles))) return null;
  return { address: row.address, phone: row.phone, rosterPhone: row.rosterPhone };
}
