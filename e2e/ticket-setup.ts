import type { Browser, Page } from "@playwright/test";
import type postgres from "postgres";
import { officeWorkers, signIn } from "./fixtures";

// What the ticket-page specs (issue 15 points 1, 3, 4, 6, 7) prepare: agents and tickets from
// their own slice of the roster, offsets 44–59, so they run beside every other spec:
//   44–53 the ten people of the timed run, 54 its agent,
//   55 and 56 the two agents of the conflict spec, 57 and 58 its people,
//   59 the agent of the layout, codes and canned-language spec (also admin there), whose
//   tickets belong to people 57 and 58 too, in other categories.

export const roster = { pace: 44, paceAgent: 54, agentA: 55, agentB: 56, personA: 57, personB: 58, reader: 59 } as const;

export async function person(sql: postgres.Sql, offset: number): Promise<{ id: string; email: string; name: string; firstName: string }> {
  const [email] = await officeWorkers(sql, 1, offset);
  const [row] = await sql`select id, first_name || ' ' || last_name as name, first_name as "firstName" from employees where work_email = ${email}`;
  return { id: row.id as string, email, name: row.name as string, firstName: row.firstName as string };
}

/** A roster person who works tickets from now on (and `admin` too when asked). */
export async function agent(sql: postgres.Sql, offset: number, admin = false): Promise<{ id: string; email: string; name: string }> {
  const who = await person(sql, offset);
  await sql`insert into employee_roles (employee_id, role) values (${who.id}, 'it_agent') on conflict do nothing`;
  if (admin) await sql`insert into employee_roles (employee_id, role) values (${who.id}, 'admin') on conflict do nothing`;
  return who;
}

/**
 * An open ticket as the portal raises one, with the person's words as their first message.
 * `assignee`: already taken by that agent (in progress). `slaHours` orders a list of them.
 */
export async function ticket(
  sql: postgres.Sql,
  employeeId: string,
  words: string,
  options: { category?: string; assignee?: string; slaHours?: number; priority?: string } = {},
): Promise<number> {
  const [row] = await sql`
    insert into tickets (employee_id, category, priority, summary, snapshot, assignee_employee_id, status, sla_due_at)
    values (${employeeId}, ${options.category ?? "help_request"}::ticket_category, ${options.priority ?? "normal"}::ticket_priority, '"I need help" from the status page', '{}'::jsonb,
            ${options.assignee ?? null}, ${options.assignee ? "in_progress" : "new"}::ticket_status, now() + make_interval(hours => ${options.slaHours ?? 24}))
    returning id, number::int`;
  await sql`insert into ticket_events (ticket_id, actor_employee_id, kind, public, body, at) values
            (${row.id}, ${employeeId}, 'opened', false, '"I need help" from the status page', now() - interval '2 minutes'),
            (${row.id}, ${employeeId}, 'employee_message', true, ${words}, now() - interval '2 minutes')`;
  return row.number as number;
}

/** A signed-in agent in their own browser context (two of them work side by side). */
export async function agentPage(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-GB", ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The stale-form refusal, in any of its wordings: it must never show after the agent's own actions. */
export const staleRefusal = /changed this ticket meanwhile|ce ticket entre-temps|Ticket inzwischen geändert/;
