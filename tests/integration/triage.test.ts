import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { answerIncident, changeStatus, claimTicket, createIncident, employeeAnswer, replyToTicket, suggestIncidents } from "@/lib/triage/service";
import { createEmployee, grantRole, seedJourney } from "../support/factories";
import { inTransaction } from "../support/in-transaction";
import { refusal } from "../support/refusal";

const tx = inTransaction;

/** `count` employees with one open ticket each, inserted directly (fast). */
async function openTickets(count: number, category = "help_request", isp: string | null = null): Promise<number[]> {
  const rows = (await db().execute(sql`
    with people as (
      insert into employees (number, first_name, last_name, work_email, job_family)
      select 'Q' || gen_random_uuid(), 'Queue', 'Person ' || g, 'q' || gen_random_uuid() || '@work.test', 'finance' from generate_series(1, ${count}) g
      returning id)
    insert into tickets (employee_id, category, summary, snapshot)
    select id, ${category}::ticket_category, 'test', jsonb_build_object('connectivity', jsonb_build_object('isp', ${isp}::text)) from people
    returning number::int`)) as unknown as { number: number }[];
  return rows.map((r) => r.number);
}

async function agents(count: number) {
  const list = [];
  for (let i = 0; i < count; i += 1) {
    const agent = await createEmployee();
    await grantRole(agent.id, "it_agent");
    list.push(agent);
  }
  return list;
}

beforeAll(seedJourney);

describe("the triage queue", () => {
  test("50 agents racing for 200 tickets claim each exactly once", async () => {
    const numbers = await openTickets(200);
    const team = await agents(50);
    const wins = new Map<number, string[]>();
    await Promise.all(
      team.map(async (agent, i) => {
        // Each agent walks the queue from a different place, claiming what it can.
        const order = [...numbers.slice((i * 4) % 200), ...numbers.slice(0, (i * 4) % 200)];
        for (const number of order) {
          const outcome = await refusal(tx((t) => claimTicket(t, agent.id, number)));
          if (outcome === "accepted") wins.set(number, [...(wins.get(number) ?? []), agent.id]);
          else expect(outcome).toBe("alreadyClaimed");
        }
      }),
    );
    expect(wins.size).toBe(200);
    expect([...wins.values()].every((w) => w.length === 1)).toBe(true);
    const [claims] = (await db().execute(sql`select count(*)::int as n from ticket_events where kind = 'claimed' and ticket_id in (select id from tickets where number in ${numbers})`)) as unknown as { n: number }[];
    expect(claims.n).toBe(200);
  }, 120_000);

  test("a reply to an incident of 300 tickets queues 300 e-mails, once, even when sent twice", async () => {
    const numbers = await openTickets(300, "vpn_blocked", "salt");
    const [agent] = await agents(1);
    expect((await suggestIncidents(db())).find((s) => s.isp === "salt" && s.category === "vpn_blocked")?.count).toBe(300);
    const incident = await tx((t) => createIncident(t, agent.id, { title: "Salt blocks UDP", numbers }));
    expect(incident.tickets).toBe(300);
    const before = (await db().execute(sql`select count(*)::int as n from outbox`)) as unknown as { n: number }[];
    const operationId = randomUUID();
    // A double click: the same operation twice at once.
    const results = await Promise.all([
      tx((t) => answerIncident(t, agent.id, operationId, incident.id, "Use the SSL profile, <b>port 443</b>.", true)),
      tx((t) => answerIncident(t, agent.id, operationId, incident.id, "Use the SSL profile, <b>port 443</b>.", true)),
    ]);
    expect(results.map((r) => r.repeated).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.repeated)!.tickets).toBe(300);
    const after = (await db().execute(sql`select count(*)::int as n from outbox`)) as unknown as { n: number }[];
    expect(after[0].n - before[0].n).toBe(300);
    const [state] = (await db().execute(sql`select count(*) filter (where status = 'resolved')::int as resolved from tickets where incident_id = ${incident.id}`)) as unknown as { resolved: number }[];
    expect(state.resolved).toBe(300);
    const [html] = (await db().execute(sql`select html_body from outbox order by id desc limit 1`)) as unknown as { html_body: string }[];
    expect(html.html_body).toContain("&lt;b&gt;port 443&lt;/b&gt;");
    expect(html.html_body).not.toContain("<b>port 443</b>");
  }, 120_000);

  test("a stale form is refused; status changes follow the life cycle", async () => {
    const [number] = await openTickets(1);
    const [agent] = await agents(1);
    const { version } = await tx((t) => claimTicket(t, agent.id, number));
    await tx((t) => replyToTicket(t, agent.id, number, "Please restart the router.", version));
    expect(await refusal(tx((t) => replyToTicket(t, agent.id, number, "Second answer from an old page", version)))).toBe("staleTicket");
    const [row] = (await db().execute(sql`select status, version from tickets where number = ${number}`)) as unknown as { status: string; version: number }[];
    expect(row.status).toBe("waiting_for_employee");
    expect(await refusal(tx((t) => changeStatus(t, agent.id, number, "new", row.version)))).toBe("transitionRefused");
    await tx((t) => changeStatus(t, agent.id, number, "closed", row.version));
    expect(await refusal(tx((t) => changeStatus(t, agent.id, number, "in_progress", row.version + 1)))).toBe("transitionRefused");
    expect(await refusal(tx((t) => claimTicket(t, agent.id, 999_999_999)))).toBe("ticketNotFound");
  });

  test("the employee's answer reopens the ticket; nobody can answer someone else's", async () => {
    const [number] = await openTickets(1);
    const [agent] = await agents(1);
    const { version } = await tx((t) => claimTicket(t, agent.id, number));
    await tx((t) => replyToTicket(t, agent.id, number, "Does it work now?", version));
    const [owner] = (await db().execute(sql`select employee_id from tickets where number = ${number}`)) as unknown as { employee_id: string }[];
    const stranger = await createEmployee();
    expect(await refusal(tx((t) => employeeAnswer(t, stranger.id, number, "I am not the owner")))).toBe("ticketNotFound");
    await tx((t) => employeeAnswer(t, owner.employee_id, number, "No, still nothing."));
    const events = (await db().execute(sql`select kind from ticket_events e join tickets t on t.id = e.ticket_id where t.number = ${number} order by e.id`)) as unknown as { kind: string }[];
    expect(events.map((e) => e.kind)).toEqual(["claimed", "reply", "employee_message", "reopened"]);
    const [row] = (await db().execute(sql`select status from tickets where number = ${number}`)) as unknown as { status: string }[];
    expect(row.status).toBe("in_progress");
  });
});
