import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { listClosedTickets } from "@/lib/tickets/closed";
import { answerIncident, bulkUpdate, changeStatus, claimTicket, createIncident, replyToTicket } from "@/lib/triage/service";
import { createEmployee, grantRole, seedJourney } from "../support/factories";
import { inTransaction as tx } from "../support/in-transaction";

beforeAll(seedJourney);

/** `count` people with one open ticket each; each person's contact address is their private one. */
async function openTickets(count: number): Promise<{ number: number; to: string }[]> {
  const rows = (await db().execute(sql`
    with people as (
      insert into employees (number, first_name, last_name, work_email, private_email, contact_email, job_family)
      select 'R' || g.id, 'Res', 'Person', 'r' || g.id || '@work.test', 'r' || g.id || '@home.test', 'r' || g.id || '@home.test', 'finance'
        from (select gen_random_uuid() as id from generate_series(1, ${count})) g
      returning id, private_email)
    insert into tickets (employee_id, category, summary, snapshot)
    select id, 'vpn_blocked', 'test', jsonb_build_object('connectivity', jsonb_build_object('isp', 'salt')) from people
    returning number::int, (select private_email from people where people.id = tickets.employee_id) as "to"`)) as unknown as { number: number; to: string }[];
  return rows;
}

async function agent() {
  const a = await createEmployee();
  await grantRole(a.id, "it_agent");
  return a;
}

const lastMailId = async () => ((await db().execute(sql`select coalesce(max(id), 0)::int as id from outbox`)) as unknown as { id: number }[])[0].id;
const mailsSince = async (id: number) => (await db().execute(sql`select to_address as "to", subject, text_body as text from outbox where id > ${id} order by id`)) as unknown as { to: string; subject: string; text: string }[];

describe("the resolution mail", () => {
  test("a bulk resolve mails each person once, at their contact address, with IT's last answer; a retry mails nobody", async () => {
    const tickets = await openTickets(3);
    const it = await agent();
    const { version: v } = await tx((t) => claimTicket(t, it.id, tickets[0].number));
    await tx((t) => replyToTicket(t, it.id, tickets[0].number, "Switch to the SSL profile.", v));
    const before = await lastMailId();
    const operationId = randomUUID();
    const numbers = tickets.map((t) => t.number);
    const [first, again] = [await tx((t) => bulkUpdate(t, it.id, operationId, numbers, { kind: "resolve" })), await tx((t) => bulkUpdate(t, it.id, operationId, numbers, { kind: "resolve" }))];
    expect([first.repeated, again.repeated]).toEqual([false, true]);
    const mails = await mailsSince(before);
    expect(mails.map((m) => m.to).sort()).toEqual(tickets.map((t) => t.to).sort());
    expect(mails.every((m) => /résolue/.test(m.subject))).toBe(true); // the roster language (fr)
    expect(mails.find((m) => m.to === tickets[0].to)!.text).toContain("Switch to the SSL profile.");
    // A new bulk operation over tickets already resolved changes and mails nothing.
    const later = await lastMailId();
    await tx((t) => bulkUpdate(t, it.id, randomUUID(), numbers, { kind: "resolve" }));
    expect(await mailsSince(later)).toEqual([]);
  });

  test("an incident answered and resolved mails each person exactly once, retried or not", async () => {
    const tickets = await openTickets(4);
    const it = await agent();
    const incident = await tx((t) => createIncident(t, it.id, { title: "Salt", numbers: tickets.map((x) => x.number) }));
    const before = await lastMailId();
    const operationId = randomUUID();
    const results = await Promise.all([0, 1].map(() => tx((t) => answerIncident(t, it.id, operationId, incident.id, "Fixed by Salt.", true))));
    expect(results.map((r) => r.repeated).sort()).toEqual([false, true]);
    const mails = await mailsSince(before);
    expect(mails.map((m) => m.to).sort()).toEqual(tickets.map((t) => t.to).sort());
    expect(mails.every((m) => m.text.includes("Fixed by Salt."))).toBe(true);
  });

  test("resolving or closing one ticket through its status mails once; closing a resolved one does not mail again", async () => {
    const [one, two] = await openTickets(2);
    const it = await agent();
    const before = await lastMailId();
    await tx((t) => changeStatus(t, it.id, one.number, "resolved", 1));
    await tx((t) => changeStatus(t, it.id, one.number, "closed", 2));
    await tx((t) => changeStatus(t, it.id, two.number, "closed", 1));
    expect((await mailsSince(before)).map((m) => m.to)).toEqual([one.to, two.to]);
  });

  test("a reply that resolves sends one mail, not a reply and a resolution", async () => {
    const [one] = await openTickets(1);
    const it = await agent();
    const before = await lastMailId();
    await tx((t) => replyToTicket(t, it.id, one.number, "Done on our side.", 1, true));
    const mails = await mailsSince(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("Done on our side.");
  });
});

describe("closed tickets on the status page", () => {
  test("the person's own, newest first, with IT's last answer and the date, at most ten", async () => {
    const person = await createEmployee();
    const it = await agent();
    const categories = ["eligibility_review", "token_problem", "no_connectivity", "vpn_blocked", "gateway_unreachable", "device_problem", "help_request"] as const;
    const numbers: number[] = [];
    // One open ticket per category at a time: resolve each before opening the next, twice round.
    for (let round = 0; round < 2; round += 1) {
      for (const category of categories) {
        const [{ number }] = (await db().execute(sql`
          insert into tickets (employee_id, category, summary, snapshot) values (${person.id}, ${category}, 'x', '{}'::jsonb) returning number::int`)) as unknown as { number: number }[];
        numbers.push(number);
        await tx((t) => replyToTicket(t, it.id, number, `First answer ${number}`, 1));
        await tx((t) => replyToTicket(t, it.id, number, `Last answer ${number}`, 2, true));
        await db().execute(sql`insert into ticket_events (ticket_id, kind, public, body) select id, 'note', false, 'internal only' from tickets where number = ${number}`);
      }
    }
    await openTickets(1); // someone else's
    const closed = await listClosedTickets(db(), person.id);
    expect(closed.map((c) => c.number)).toEqual(numbers.slice(-10).reverse());
    expect(closed[0].lastAnswer?.body).toBe(`Last answer ${numbers.at(-1)}`);
    expect(closed[0].resolvedAt).toBeInstanceOf(Date);
    expect(closed.every((c) => c.status === "resolved")).toBe(true);
    expect(JSON.stringify(closed)).not.toContain("internal only");
  });
});
