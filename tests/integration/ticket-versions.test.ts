import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { adjacentTickets } from "@/lib/triage/queries";
import { queueFilterFromTicket, queueFilters } from "@/lib/triage/queue-link";
import { addNote, assignTicket, changeStatus, claimTicket, replyToTicket } from "@/lib/triage/service";
import { createEmployee, grantRole, seedJourney } from "../support/factories";
import { hostileStrings } from "../support/hostile";
import { inTransaction as tx } from "../support/in-transaction";
import { refusal } from "../support/refusal";

// Issue 15 point 1: an agent's own actions never make their next form stale; a colleague's do.

async function agent() {
  const person = await createEmployee();
  await grantRole(person.id, "it_agent");
  return person;
}

async function openTicket(overrides: { priority?: string; assignee?: string; slaHours?: number } = {}): Promise<number> {
  const person = await createEmployee();
  const [row] = (await db().execute(sql`
    insert into tickets (employee_id, category, summary, snapshot, priority, assignee_employee_id, status, sla_due_at)
    values (${person.id}, 'help_request', 'test', '{}'::jsonb, ${overrides.priority ?? "normal"}::ticket_priority, ${overrides.assignee ?? null},
            ${overrides.assignee ? "in_progress" : "new"}::ticket_status, now() + make_interval(hours => ${overrides.slaHours ?? 24}))
    returning number::int`)) as unknown as { number: number }[];
  return row.number;
}

const events = async (number: number) =>
  ((await db().execute(sql`select kind from ticket_events where ticket_id = (select id from tickets where number = ${number}) order by id`)) as unknown as { kind: string }[]).map((e) => e.kind);

beforeAll(seedJourney);

describe("ticket versions", () => {
  test("claim, reply, note, status and assign in a row: each action gives the version the next one uses", async () => {
    const me = await agent();
    const colleague = await agent();
    const number = await openTicket();
    const claimed = await tx((t) => claimTicket(t, me.id, number));
    const replied = await tx((t) => replyToTicket(t, me.id, number, "Please restart the VPN client.", claimed.version));
    expect(replied.version).toBeGreaterThan(claimed.version);
    const noted = await tx((t) => addNote(t, me.id, number, "Called, no answer."));
    expect(noted.version).toBeGreaterThan(replied.version);
    const status = await tx((t) => changeStatus(t, me.id, number, "in_progress", noted.version));
    expect(status.version).toBeGreaterThan(noted.version);
    const assigned = await tx((t) => assignTicket(t, me.id, number, colleague.id, status.version));
    expect(assigned.version).toBeGreaterThan(status.version);
    const resolved = await tx((t) => replyToTicket(t, me.id, number, "Solved on the phone.", assigned.version, true));
    const [row] = (await db().execute(sql`select status, version from tickets where number = ${number}`)) as unknown as { status: string; version: number }[];
    expect(row).toEqual({ status: "resolved", version: resolved.version });
    expect(await events(number)).toEqual(["claimed", "reply", "note", "status", "assigned", "reply", "status"]);
  });

  test("a colleague's change meanwhile refuses the older form, and nothing of it is written", async () => {
    const me = await agent();
    const colleague = await agent();
    const number = await openTicket({ assignee: me.id });
    const [{ version: seen }] = (await db().execute(sql`select version from tickets where number = ${number}`)) as unknown as { version: number }[];
    await tx((t) => changeStatus(t, colleague.id, number, "resolved", seen));
    expect(await refusal(tx((t) => replyToTicket(t, me.id, number, "Try again please.", seen)))).toBe("staleTicket");
    expect(await refusal(tx((t) => changeStatus(t, me.id, number, "waiting_for_employee", seen)))).toBe("staleTicket");
    expect(await refusal(tx((t) => assignTicket(t, me.id, number, me.id, seen)))).toBe("staleTicket");
    expect(await events(number)).toEqual(["status"]);
  });
});

describe("next and previous ticket of the queue's filter", () => {
  test("follows the queue's order (most urgent, then due time, then number), also from a ticket that left the filter", async () => {
    const me = await agent();
    const later = await openTicket({ assignee: me.id, slaHours: 30 });
    const urgent = await openTicket({ assignee: me.id, priority: "urgent", slaHours: 50 });
    const soon = await openTicket({ assignee: me.id, slaHours: 2 });
    const other = await openTicket({ slaHours: 1 });
    const mine = { status: "open" as const, assignee: "me" as const };
    expect(await adjacentTickets(urgent, mine, me.id)).toEqual({ previous: null, next: soon });
    expect(await adjacentTickets(soon, mine, me.id)).toEqual({ previous: urgent, next: later });
    expect(await adjacentTickets(later, mine, me.id)).toEqual({ previous: soon, next: null });
    // Resolved just now: it is out of the open queue, its neighbours stay where they were.
    await db().execute(sql`update tickets set status = 'resolved' where number = ${soon}`);
    expect(await adjacentTickets(soon, mine, me.id)).toEqual({ previous: urgent, next: later });
    expect(await adjacentTickets(urgent, mine, me.id)).toEqual({ previous: null, next: later });
    // Another filter, another neighbourhood: the unassigned ticket is not among mine.
    expect((await adjacentTickets(urgent, { status: "open", assignee: "unassigned" }, me.id)).next).not.toBe(later);
    expect(await adjacentTickets(other, mine, me.id)).toEqual({ previous: urgent, next: later });
    expect(await adjacentTickets(999_999_999, mine, me.id)).toEqual({ previous: null, next: null });
  });
});

describe("the ticket page's ?from= under hostile values", () => {
  test("every value ends as a valid queue filter, and the neighbours' query answers", async () => {
    const me = await agent();
    const number = await openTicket({ assignee: me.id });
    for (const value of hostileStrings) {
      for (const raw of [{ from: value }, { from: [value, "x"] }, { from: `status=new&q=${value}` }, { from: `site=${value}&assignee=me` }, { from: `after=${value}` }]) {
        const from = queueFilterFromTicket(raw);
        const filters = queueFilters(from);
        await expect(adjacentTickets(number, filters, me.id), JSON.stringify(raw)).resolves.toHaveProperty("next");
      }
    }
  });
});
