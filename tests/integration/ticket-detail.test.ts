import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { getReach } from "@/lib/contact/queries";
import { requestDevice } from "@/lib/devices/service";
import { getTicketDetail, type TicketDetail } from "@/lib/triage/queries";
import { raiseTicket } from "@/lib/tickets/service";
import { createEligibleEmployees, createEmployee, seedJourney } from "../support/factories";
import { inTransaction } from "../support/in-transaction";
import { plansOf } from "./it-queue-scale-seed";

// A ticket's page reads the whole case (issue 16): each statement is a round trip, and on these
// machines the socket write alone cost about 0.09 ms of the app's CPU, so the case comes in one.
// The oracle is the case as it was read before, one query per part.

async function caseByParts(number: number): Promise<Omit<TicketDetail, "id" | "number" | "category" | "priority" | "status" | "summary" | "version" | "createdAt" | "slaDueAt" | "assigneeId" | "assignee" | "incident" | "employee" | "eligibility">> {
  const [{ id, employeeId }] = (await db().execute(sql`select id, employee_id as "employeeId" from tickets where number = ${number}`)) as unknown as { id: string; employeeId: string }[];
  const [latest] = (await db().execute(sql`
    select a.id, a.kind, a.status, a.requested_at as "requestedAt" from allocations a
     where a.employee_id = ${employeeId} and a.kind in ('laptop', 'vdi_seat') order by a.requested_at desc limit 1`)) as unknown as { id: string; kind: string; status: string; requestedAt: string }[];
  const [position] = latest
    ? ((await db().execute(sql`
        select count(*)::int + 1 as n from allocations w, allocations me
         where me.id = ${latest.id} and w.pool_id = me.pool_id and w.status = 'waiting'
           and (w.priority > me.priority or (w.priority = me.priority and w.queue_seq < me.queue_seq))`)) as unknown as { n: number }[])
    : [];
  const [token] = (await db().execute(sql`
    select type, status, case when locked_until > now() then locked_until end as "lockedUntil" from mfa_tokens where employee_id = ${employeeId} order by created_at desc limit 1`)) as unknown as { type: string; status: string; lockedUntil: string | null }[];
  const tests = (await db().execute(sql`
    select started_at as "startedAt", isp, verdict, latency_ms as "latencyMs", download_kbps as "downloadKbps", upload_kbps as "uploadKbps", udp_ok as "udpOk"
      from connectivity_tests where employee_id = ${employeeId} and status = 'completed' order by started_at desc limit 20`)) as unknown as (TicketDetail["tests"][number] & { startedAt: string })[];
  const earlier = (await db().execute(sql`
    select number::int, category, status, created_at as "createdAt" from tickets where employee_id = ${employeeId} and id <> ${id} order by created_at desc limit 20`)) as unknown as (TicketDetail["earlier"][number] & { createdAt: string })[];
  const events = (await db().execute(sql`
    select ev.id::float8 as id, ev.at, ev.kind, ev.public, ev.body, ev.details, x.first_name || ' ' || x.last_name as actor
      from ticket_events ev left join employees x on x.id = ev.actor_employee_id where ev.ticket_id = ${id} order by ev.at, ev.id`)) as unknown as (TicketDetail["events"][number] & { at: string })[];
  return {
    device: latest ? { kind: latest.kind, status: latest.status, requestedAt: new Date(latest.requestedAt), position: latest.status === "waiting" ? position.n : null } : null,
    token: token ? { ...token, lockedUntil: token.lockedUntil ? new Date(token.lockedUntil) : null } : null,
    tests: tests.map((x) => ({ ...x, startedAt: new Date(x.startedAt) })),
    earlier: earlier.map((x) => ({ ...x, createdAt: new Date(x.createdAt) })),
    events: events.map((x) => ({ ...x, at: new Date(x.at) })),
  };
}

let full: { number: number; employeeId: string };
let bare: { number: number };

beforeAll(async () => {
  await seedJourney();
  await db().execute(sql`update resource_pools set capacity = in_use, daily_activation_limit = null where kind = 'vdi_seat'`);
  const [ahead, person] = await createEligibleEmployees(2);
  for (const p of [ahead, person]) await inTransaction((t) => requestDevice(t, p.id, "vdi"));
  const agent = await createEmployee({ firstName: "Agnès", lastName: "Rüegg" });
  await db().execute(sql`
    insert into mfa_tokens (employee_id, type, status, failed_attempts, locked_until, created_at)
    values (${person.id}, 'totp', 'revoked', 0, null, now() - interval '2 days'),
           (${person.id}, 'totp', 'pending_verification', 5, now() + interval '10 minutes', now() - interval '1 hour')`);
  await db().execute(sql`
    insert into connectivity_tests (employee_id, status, isp, latency_ms, download_kbps, upload_kbps, udp_ok, verdict, started_at, completed_at)
    select ${person.id}, case when g % 7 = 0 then 'running' else 'completed' end::connectivity_test_status, 'Swisscom', 20 + g, 50000 - g, 10000 + g,
           g % 3 <> 0, (array['good', 'limited', 'udp_blocked', 'offline'])[1 + g % 4]::connectivity_verdict, now() - g * interval '1 hour', now() - g * interval '1 hour' + interval '1 minute'
      from generate_series(1, 30) g`);
  for (let i = 0; i < 22; i++) {
    // One open ticket per kind of problem: each earlier one is resolved before the next.
    const earlier = await inTransaction((t) => raiseTicket(t, { employeeId: person.id, category: i % 2 ? "token_problem" : "help_request", summary: `earlier ${i}` }));
    if (i < 20) await db().execute(sql`update tickets set status = 'resolved', resolved_at = now() where id = ${earlier.id}`);
  }
  await db().execute(sql`update tickets set created_at = now() - (number % 97) * interval '1 day' where employee_id = ${person.id}`);
  const ticket = await inTransaction((t) => raiseTicket(t, { employeeId: person.id, category: "device_problem", summary: "Écran noir « depuis hier »" }));
  await db().execute(sql`
    insert into ticket_events (ticket_id, at, actor_employee_id, kind, public, body, details)
    values (${ticket.id}, now(), ${agent.id}, 'note', false, 'Appelé, pas de réponse', '{"channel": "phone", "tries": 2}'),
           (${ticket.id}, now(), null, 'reply', true, 'Bonjour', null)`);
  full = { number: ticket.number, employeeId: person.id };
  const alone = await createEmployee();
  bare = await inTransaction((t) => raiseTicket(t, { employeeId: alone.id, category: "help_request", summary: "rien d'autre" }));
});

test("a ticket's case comes in one statement, the same as read part by part", async () => {
  const plans = await plansOf(() => getTicketDetail(full.number));
  expect(plans).toHaveLength(1);
  const detail = (await getTicketDetail(full.number))!;
  const parts = await caseByParts(full.number);
  expect(detail).toMatchObject(parts);
  // What the parts hold, so the comparison cannot pass on two empty cases.
  expect(detail.device).toMatchObject({ kind: "vdi_seat", status: "waiting", position: 2 });
  expect(detail.token).toMatchObject({ type: "totp", status: "pending_verification" });
  expect(detail.token!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  expect(detail.tests).toHaveLength(20);
  expect(detail.earlier).toHaveLength(20);
  expect(detail.events.map((e) => e.kind)).toEqual(["opened", "note", "reply"]);
  expect(detail.events[1]).toMatchObject({ actor: "Agnès Rüegg", public: false, details: { channel: "phone", tries: 2 } });
  expect(detail.events[2]).toMatchObject({ actor: null, public: true, body: "Bonjour", details: null });
});

test("how to reach the person comes in one statement too", async () => {
  const staff = { employeeId: (await createEmployee()).id, roles: ["employee", "it_agent"] as const };
  const plans = await plansOf(() => getReach(db(), staff, full.number));
  expect(plans).toHaveLength(1);
  const [person] = (await db().execute(sql`select work_email as address from employees where id = ${full.employeeId}`)) as unknown as { address: string }[];
  expect(await getReach(db(), staff, full.number)).toEqual({ address: person.address, phone: null, rosterPhone: null });
});

test("a person with nothing else has no device, no token, no tests and no earlier tickets", async () => {
  const detail = (await getTicketDetail(bare.number))!;
  expect(detail).toMatchObject(await caseByParts(bare.number));
  expect(detail).toMatchObject({ device: null, token: null, tests: [], earlier: [] });
  expect(detail.events.map((e) => e.kind)).toEqual(["opened"]);
  expect(await getTicketDetail(999_999_999)).toBeNull();
});
