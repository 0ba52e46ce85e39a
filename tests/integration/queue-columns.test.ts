import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { listQueue } from "@/lib/triage/queries";
import { claimTicket, employeeAnswer, replyToTicket } from "@/lib/triage/service";
import { createEmployee, grantRole, seedJourney } from "../support/factories";
import { inTransaction as tx } from "../support/in-transaction";

// Issue 15 points 2 and 5: a queue row carries what an agent decides on (the person's first
// words, the provider and the test's verdict, whether the person answered since IT's last
// reply), an answer that reopens a ticket restarts its SLA, and "#20" finds ticket 20.

beforeAll(seedJourney);

type Options = { category?: string; priority?: string; connectivity?: Record<string, unknown> | null; words?: string | null; lastName?: string };

/** One person with one open ticket, their words as the first message (as "I need help" stores them). */
async function ticket(options: Options = {}) {
  const person = await createEmployee({ lastName: options.lastName ?? "Queue" });
  const [row] = (await db().execute(sql`
    insert into tickets (employee_id, category, priority, summary, snapshot, created_at, sla_due_at)
    values (${person.id}, ${options.category ?? "help_request"}::ticket_category, ${options.priority ?? "normal"}::ticket_priority, 'Self-test',
            jsonb_build_object('connectivity', ${options.connectivity ? JSON.stringify(options.connectivity) : null}::jsonb), now() - interval '30 hours', now() - interval '6 hours')
    returning id, number::int`)) as unknown as { id: string; number: number }[];
  if (options.words !== null)
    await db().execute(sql`
      insert into ticket_events (ticket_id, actor_employee_id, kind, public, body, at)
      values (${row.id}, ${person.id}, 'employee_message', true, ${options.words ?? "The VPN drops every minute."}, now() - interval '30 hours')`);
  return { ...row, person };
}

async function agent() {
  const person = await createEmployee();
  await grantRole(person.id, "it_agent");
  return person;
}

const rowOf = async (number: number, agentId: string) => (await listQueue({ q: `#${number}`, status: undefined }, agentId)).rows.find((r) => r.number === number);

describe("what a queue row shows", () => {
  test("the first line of the person's first message, trimmed and cut near 100 characters", async () => {
    const me = await agent();
    const long = `${"Nothing works since the update this morning and ".repeat(4)}more`;
    const a = await ticket({ words: "\n   My screen   stays black after login.\nSecond line with details." });
    const b = await ticket({ words: long });
    const c = await ticket({ words: null });
    expect((await rowOf(a.number, me.id))?.firstWords).toBe("My screen stays black after login.");
    const cut = (await rowOf(b.number, me.id))?.firstWords;
    expect(cut?.endsWith("…")).toBe(true);
    expect(cut!.length).toBeLessThanOrEqual(101);
    expect(cut!.length).toBeGreaterThan(80);
    expect((await rowOf(c.number, me.id))?.firstWords).toBeNull();
  });

  test("the provider as people read it and the verdict of the ticket's test, none without a test", async () => {
    const me = await agent();
    const salt = await ticket({ category: "vpn_blocked", connectivity: { isp: "salt", verdict: "udp_blocked" } });
    const other = await ticket({ category: "no_connectivity", connectivity: { isp: "other:AccNet-301713", verdict: "offline" } });
    const none = await ticket();
    expect(await rowOf(salt.number, me.id)).toMatchObject({ provider: "Salt", verdict: "udp_blocked" });
    expect(await rowOf(other.number, me.id)).toMatchObject({ provider: "AccNet-301713", verdict: "offline" });
    expect(await rowOf(none.number, me.id)).toMatchObject({ provider: null, verdict: null });
  });

  test("'new reply' once the person answers after IT's reply, gone when IT replies again", async () => {
    const me = await agent();
    const t = await ticket();
    expect((await rowOf(t.number, me.id))?.newReply).toBe(false);
    const { version } = await tx((x) => claimTicket(x, me.id, t.number));
    await tx((x) => replyToTicket(x, me.id, t.number, "Please restart the laptop.", version));
    expect((await rowOf(t.number, me.id))?.newReply).toBe(false);
    await tx((x) => employeeAnswer(x, t.person.id, t.number, "Restarted, still black."));
    expect(await rowOf(t.number, me.id)).toMatchObject({ newReply: true, status: "in_progress" });
    // An internal note is no answer to the person: the marker stays.
    await db().execute(sql`insert into ticket_events (ticket_id, actor_employee_id, kind, public, body) values (${t.id}, ${me.id}, 'note', false, 'checking')`);
    expect((await rowOf(t.number, me.id))?.newReply).toBe(true);
    const [{ v }] = (await db().execute(sql`select version as v from tickets where id = ${t.id}`)) as unknown as { v: number }[];
    await tx((x) => replyToTicket(x, me.id, t.number, "Then we call you.", v));
    expect((await rowOf(t.number, me.id))?.newReply).toBe(false);
  });

  test("an answer that reopens a ticket restarts its SLA from the answer, by its priority", async () => {
    const me = await agent();
    const t = await ticket({ priority: "high" });
    const { version } = await tx((x) => claimTicket(x, me.id, t.number));
    await tx((x) => replyToTicket(x, me.id, t.number, "Does it work now?", version));
    const before = Date.now();
    await tx((x) => employeeAnswer(x, t.person.id, t.number, "No."));
    const row = await rowOf(t.number, me.id);
    // The demo SLA: 4 hours for high priority, counted from the reopening.
    expect(row!.slaDueAt.getTime()).toBeGreaterThanOrEqual(before + 4 * 3600_000 - 5_000);
    expect(row!.slaDueAt.getTime()).toBeLessThanOrEqual(Date.now() + 4 * 3600_000 + 5_000);
  });

  test("an answer on a ticket still in progress does not move its SLA", async () => {
    const t = await ticket();
    const [{ due }] = (await db().execute(sql`select sla_due_at as due from tickets where id = ${t.id}`)) as unknown as { due: string }[];
    await tx((x) => employeeAnswer(x, t.person.id, t.number, "One more detail."));
    const [{ after }] = (await db().execute(sql`select sla_due_at as after from tickets where id = ${t.id}`)) as unknown as { after: string }[];
    expect(new Date(after).getTime()).toBe(new Date(due).getTime());
  });
});

describe("searching the queue", () => {
  test("'#20', '# 20' and '20' find ticket 20, as the queue writes it; names still work", async () => {
    const me = await agent();
    const name = `Zuberbühler${Date.now()}`;
    const t = await ticket({ lastName: name });
    for (const q of [`#${t.number}`, `# ${t.number}`, ` ${t.number} `, String(t.number)]) {
      expect((await listQueue({ q }, me.id)).rows.map((r) => r.number), q).toContain(t.number);
    }
    expect((await listQueue({ q: name.toLowerCase() }, me.id)).rows.map((r) => r.number)).toEqual([t.number]);
    expect((await listQueue({ q: "#" }, me.id)).rows).toEqual([]);
    expect((await listQueue({ q: "#99999999999999999999" }, me.id)).rows).toEqual([]);
  });
});
