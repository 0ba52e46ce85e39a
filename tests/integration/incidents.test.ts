import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { getIncident, incidentSuggestions, incidentTickets } from "@/lib/triage/incidents";
import { listIncidents } from "@/lib/triage/queries";
import { answerIncident, createIncident } from "@/lib/triage/service";
import { createEmployee, grantRole, seedJourney } from "../support/factories";
import { inTransaction as tx } from "../support/in-transaction";
import { refusal } from "../support/refusal";

/** `count` people with one open ticket each, their own words as the first message, created `hoursAgo` apart. */
async function openTickets(count: number, category: string, isp: string | null, words = (i: number) => `Person ${i}: the VPN drops every minute since this morning, then reconnects slowly.`) {
  const numbers: number[] = [];
  for (let i = 1; i <= count; i += 1) {
    const [row] = (await db().execute(sql`
      with person as (
        insert into employees (number, first_name, last_name, work_email, job_family)
        values ('I' || gen_random_uuid(), 'Ida', ${`Incident ${i}`}, 'i' || gen_random_uuid() || '@work.test', 'finance') returning id),
      ticket as (
        insert into tickets (employee_id, category, summary, snapshot, created_at)
        select id, ${category}::ticket_category, 'Self-test: VPN blocked', jsonb_build_object('connectivity', jsonb_build_object('isp', ${isp}::text)), now() - make_interval(hours => ${i})
          from person returning id, employee_id, number::int)
      insert into ticket_events (ticket_id, actor_employee_id, kind, public, body)
      select id, employee_id, 'employee_message', true, ${words(i)} from ticket
      returning (select number from ticket)`)) as unknown as { number: number }[];
    numbers.push(row.number);
  }
  return numbers;
}

async function agent() {
  const person = await createEmployee();
  await grantRole(person.id, "it_agent");
  return person;
}

beforeAll(seedJourney);

describe("incident suggestions", () => {
  test("name the provider as a person reads it and list the tickets they would group, ten at most", async () => {
    const isp = `other:AccNet-${Math.floor(Math.random() * 1e6)}`;
    const numbers = await openTickets(12, "vpn_blocked", isp);
    await openTickets(3, "gateway_unreachable", "swisscom");
    const suggestions = await incidentSuggestions(db());
    const accnet = suggestions.find((s) => s.isp === isp)!;
    expect(accnet.provider).toBe(isp.slice("other:".length));
    expect(accnet.count).toBe(12);
    expect(accnet.numbers).toEqual(numbers);
    // Ten shown, oldest first (the longest waiting), the rest counted.
    expect(accnet.tickets).toHaveLength(10);
    expect(accnet.tickets.map((t) => t.number)).toEqual([...numbers].reverse().slice(0, 10));
    const oldest = accnet.tickets[0];
    expect(oldest.name).toBe("Ida Incident 12");
    // The first words, cut at a word (the whole text is on the ticket).
    expect(oldest.words).toBe("Person 12: the VPN drops every minute since this morning, then reconnects…");
    expect(Date.now() - oldest.createdAt.getTime()).toBeGreaterThan(11.9 * 3600_000);
    expect(suggestions.find((s) => s.isp === "swisscom" && s.category === "gateway_unreachable")?.provider).toBe("Swisscom");
  });

  test("a double click groups the tickets once", async () => {
    const numbers = await openTickets(3, "vpn_blocked", `other:Twice-${randomUUID()}`);
    const it = await agent();
    const first = await tx((t) => createIncident(t, it.id, { title: "Twice", numbers }));
    expect(await refusal(tx((t) => createIncident(t, it.id, { title: "Twice", numbers })))).toBe("incidentTicketsChanged");
    const rows = (await db().execute(sql`select distinct incident_id from tickets where number in ${numbers}`)) as unknown as { incident_id: string }[];
    expect(rows).toEqual([{ incident_id: first.id }]);
  });
});

describe("an incident's tickets", () => {
  test("are listed with every status, also once the incident is resolved", async () => {
    const numbers = await openTickets(3, "vpn_blocked", `other:Resolved-${randomUUID()}`);
    const it = await agent();
    const incident = await tx((t) => createIncident(t, it.id, { title: "VPN", numbers }));
    expect((await incidentTickets(db(), incident.id)).map((t) => t.number)).toEqual(numbers);

    const answered = await tx((t) => answerIncident(t, it.id, randomUUID(), incident.id, "Fixed upstream.", true));
    expect(answered).toMatchObject({ tickets: 3, resolved: 3, repeated: false });

    const tickets = await incidentTickets(db(), incident.id);
    expect(tickets.map((t) => [t.number, t.status])).toEqual(numbers.map((n) => [n, "resolved"]));
    expect(tickets[0]).toMatchObject({ name: "Ida Incident 1", words: expect.stringContaining("Person 1:") });
    expect(await getIncident(db(), incident.id)).toMatchObject({ id: incident.id, status: "resolved", open: 0, total: 3 });
    expect((await listIncidents()).find((i) => i.id === incident.id)).toMatchObject({ status: "resolved", open: 0, total: 3 });
    expect(await getIncident(db(), randomUUID())).toBeNull();
    // The page's address carries the id: junk is "no such incident", never a database error.
    for (const junk of ["1", "x' or 1=1 --", `${incident.id}x`, ""]) {
      expect(await getIncident(db(), junk)).toBeNull();
      expect(await incidentTickets(db(), junk)).toEqual([]);
    }
  });

  test("a reply without resolving leaves the tickets and the incident open", async () => {
    const numbers = await openTickets(3, "vpn_blocked", `other:Reply-${randomUUID()}`);
    const it = await agent();
    const incident = await tx((t) => createIncident(t, it.id, { title: "VPN", numbers }));
    expect(await tx((t) => answerIncident(t, it.id, randomUUID(), incident.id, "We are on it.", false))).toMatchObject({ tickets: 3, resolved: 0 });
    expect(await getIncident(db(), incident.id)).toMatchObject({ status: "open", open: 3, total: 3 });
    expect((await incidentTickets(db(), incident.id)).every((t) => t.status === "waiting_for_employee")).toBe(true);
  });
});
