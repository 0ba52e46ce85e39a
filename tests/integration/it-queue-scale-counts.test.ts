import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { ActionError } from "@/lib/auth/action-error";
import { foldAdminRollups } from "@/lib/admin/rollups";
import { db } from "@/lib/db";
import { raiseTicket, type TicketCategory } from "@/lib/tickets/service";
import { pendingReviewCounts } from "@/lib/eligibility/review-decision";
import { foldTicketTallies } from "@/lib/triage/counts";
import { queueCounts } from "@/lib/triage/queries";
import { bulkUpdate, changeStatus, claimTicket } from "@/lib/triage/service";
import { createEmployee, grantRole, seedJourney } from "../support/factories";
import { inTransaction } from "../support/in-transaction";

// Issue 16: the queue's counts come from tallies the triggers on tickets append to (the late ones
// from counts by due hour, folded by the dashboard's worker), and each ticket carries a copy of its
// person's site and unit. Both must always equal a recount from the rows: after a random sequence
// of inserts, status and category changes, deletes, rolled-back transactions, roster moves and
// folds, one after another and many at once.

const categories: TicketCategory[] = ["eligibility_review", "token_problem", "no_connectivity", "vpn_blocked", "gateway_unreachable", "device_problem", "help_request"];
const statuses = ["new", "in_progress", "waiting_for_employee", "resolved", "closed"] as const;

/** A small seeded generator, so a failure replays. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)] };
}

/** What queueCounts gave before the tallies: counted from every ticket. */
async function recount() {
  const rows = (await db().execute(sql`
    select category::text, status::text, count(*)::int as n,
           count(*) filter (where status in ('new', 'in_progress') and sla_due_at < now())::int as overdue
      from tickets where status <> 'closed' group by category, status`)) as unknown as { category: string; status: string; n: number; overdue: number }[];
  const byCategory: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let overdue = 0;
  for (const r of rows) {
    if (r.status !== "resolved") byCategory[r.category] = (byCategory[r.category] ?? 0) + r.n;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    overdue += r.overdue;
  }
  return { byCategory, byStatus, overdue };
}

/** What HR's overview counted before the tallies: every open review, and those past due. */
async function reviewRecount() {
  const [row] = (await db().execute(sql`
    select count(*)::int as total, (count(*) filter (where sla_due_at < now()))::int as overdue
      from tickets where category = 'eligibility_review' and status not in ('resolved', 'closed')`)) as unknown as { total: number; overdue: number }[];
  return row;
}

async function expectCountsExact(when: string) {
  expect(await queueCounts(), when).toEqual(await recount());
  expect(await pendingReviewCounts(db()), `reviews ${when}`).toEqual(await reviewRecount());
}

async function expectPlacesCopied() {
  const [{ off }] = (await db().execute(sql`
    select count(*)::int as off from tickets t join employees e on e.id = t.employee_id
     where t.site_id is distinct from e.site_id or t.org_unit_id is distinct from e.org_unit_id`)) as unknown as { off: number }[];
  expect(off).toBe(0);
}

const people: string[] = [];
const agents: string[] = [];
let places: { sites: string[]; units: string[] };

beforeAll(async () => {
  await seedJourney();
  const [s] = (await db().execute(sql`
    with s as (insert into sites (code, name, city, canton) select 'TS' || g, 'Tally site ' || g, 'Bern', 'BE' from generate_series(1, 3) g returning id),
         u as (insert into org_units (code, name) select 'TU' || g, 'Tally unit ' || g from generate_series(1, 3) g returning id)
    select (select array_agg(id) from s) as sites, (select array_agg(id) from u) as units`)) as unknown as { sites: string[]; units: string[] }[];
  places = s;
  for (let i = 0; i < 40; i += 1) people.push((await createEmployee({ siteId: places.sites[i % 3], orgUnitId: i % 4 === 0 ? null : places.units[i % 3] })).id);
  for (let i = 0; i < 3; i += 1) {
    const agent = await createEmployee();
    await grantRole(agent.id, "it_agent");
    agents.push(agent.id);
  }
});

type Ticket = { id: string; number: number; status: string; version: number };
const anyTicket = async (where = sql`true`) =>
  ((await db().execute(sql`select id, number::int, status, version from tickets where ${where} order by random() limit 1`)) as unknown as Ticket[])[0];

/** One random change; errors the database raises (a second open ticket for a pair) roll it back, as in the app. */
async function randomChange(r: ReturnType<typeof random>) {
  const roll = r.next();
  // Due days away, or minutes around now (this hour and the ones beside it: the late ones are kept by due hour).
  const sla = r.next() < 0.5 ? sql`now() + make_interval(days => ${Math.floor(r.next() * 20) - 10})` : sql`now() + make_interval(mins => ${Math.floor(r.next() * 240) - 120})`;
  if (roll < 0.2) {
    await inTransaction((tx) => raiseTicket(tx, { employeeId: r.pick(people), category: r.pick(categories), priority: r.pick(["low", "normal", "high", "urgent"] as const), summary: "random" }));
  } else if (roll < 0.3) {
    // Several rows in one statement: the insert trigger's transition table.
    await db().execute(sql`
      insert into tickets (employee_id, category, status, summary, snapshot, sla_due_at)
      select ${r.pick(people)}, (enum_range(null::ticket_category))[1 + (g % 7)], ${r.pick(["resolved", "closed"])}::ticket_status, 'old', '{}'::jsonb, ${sla}
        from generate_series(1, ${1 + Math.floor(r.next() * 5)}) g`);
  } else if (roll < 0.45) {
    const t = await anyTicket();
    if (t) await db().execute(sql`update tickets set status = ${r.pick(statuses)}::ticket_status, sla_due_at = ${sla} where id = ${t.id}`).catch(() => {});
  } else if (roll < 0.55) {
    const t = await anyTicket();
    if (t) await db().execute(sql`update tickets set category = ${r.pick(categories)}::ticket_category where id = ${t.id}`).catch(() => {});
  } else if (roll < 0.6) {
    // Many rows, each with its own old and new pair.
    await db().execute(sql`update tickets set status = case status when 'resolved' then 'closed'::ticket_status else 'resolved'::ticket_status end
                            where status in ('resolved', 'closed') and number % 3 = ${Math.floor(r.next() * 3)}`);
  } else if (roll < 0.68) {
    const t = await anyTicket();
    if (t)
      await db().transaction(async (tx) => {
        await tx.execute(sql`delete from ticket_events where ticket_id = ${t.id}`);
        await tx.execute(sql`delete from tickets where id = ${t.id}`);
      });
  } else if (roll < 0.72) {
    await db().execute(sql`delete from tickets t where t.status = 'closed' and not exists (select 1 from ticket_events e where e.ticket_id = t.id) and t.number % 4 = 0`);
  } else if (roll < 0.78) {
    const t = await anyTicket(sql`status = 'new' and assignee_employee_id is null`);
    if (t) await inTransaction((tx) => claimTicket(tx, r.pick(agents), t.number));
  } else if (roll < 0.82) {
    const t = await anyTicket(sql`status in ('in_progress', 'waiting_for_employee')`);
    if (t) await inTransaction((tx) => changeStatus(tx, r.pick(agents), t.number, r.pick(["resolved", "closed", "waiting_for_employee"] as const), t.version)).catch(() => {});
  } else if (roll < 0.86) {
    const open = (await db().execute(sql`select number::int from tickets where status not in ('resolved', 'closed') order by random() limit 3`)) as unknown as { number: number }[];
    if (open.length) await inTransaction((tx) => bulkUpdate(tx, r.pick(agents), randomUUID(), open.map((o) => o.number), { kind: "resolve" }));
  } else if (roll < 0.9) {
    // Changed, then rolled back: nothing of it may stay in the tallies.
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`update tickets set status = 'closed' where status <> 'closed'`);
        await tx.execute(sql`insert into tickets (employee_id, category, status, summary, snapshot) values (${r.pick(people)}, 'help_request', 'resolved', 'gone', '{}')`);
        throw new Error("rolled back");
      })
      .catch(() => {});
  } else if (roll < 0.94) {
    // A reply or a priority change: no pair changes, the tallies stay as they are.
    const t = await anyTicket();
    if (t) await db().execute(sql`update tickets set version = version + 1, priority = ${r.pick(["low", "urgent"])}::ticket_priority where id = ${t.id}`);
  } else if (roll < 0.97) {
    // The roster moves a person: their tickets' copies follow.
    await db().execute(sql`update employees set site_id = ${r.pick(places.sites)}, org_unit_id = ${r.next() < 0.3 ? null : r.pick(places.units)} where id = ${r.pick(people)}`);
  } else if (roll < 0.985) {
    await foldTicketTallies();
  } else {
    await foldAdminRollups();
  }
}

/** Refusals that only concurrent random changes cause: foreign key, deadlock, lock not available. */
const raceCodes = ["23503", "40P01", "55P03"];
function databaseCode(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

describe("the queue's counts and the tickets' copies of site and unit", () => {
  test("equal a recount after every step of a random sequence of 400 changes", async () => {
    const r = random(16);
    for (let step = 1; step <= 400; step += 1) {
      await randomChange(r);
      if (step % 10 === 0) {
        await expectCountsExact(`after step ${step}`);
        await expectPlacesCopied();
      }
    }
    // The appended rows were folded by the reads along the way, and folding keeps the sums.
    const [{ rows }] = (await db().execute(sql`select count(*)::int as rows from ticket_tallies`)) as unknown as { rows: number }[];
    expect(rows).toBeLessThan(700);
    await foldTicketTallies();
    await expectCountsExact("after a last fold");
    const [{ folded }] = (await db().execute(sql`select count(*)::int as folded from ticket_tallies`)) as unknown as { folded: number }[];
    expect(folded).toBeLessThanOrEqual(categories.length * statuses.length);
  }, 300_000);

  test("equal a recount after many changes at once, folds among them", async () => {
    const work = Array.from({ length: 24 }, (_, i) => async () => {
      const r = random(1000 + i);
      for (let k = 0; k < 8; k += 1) {
        // A sequence may pick a ticket another one deletes or moves meanwhile: the service then
        // refuses (ticketNotFound, a stale version) as it would an agent, or the database rolls the
        // step back (an event added to a ticket being deleted; a deadlock between two random
        // deletes). Either way the step leaves nothing, and the tallies must still hold.
        await (i % 6 === 0 && k % 3 === 0 ? foldTicketTallies() : i % 6 === 3 && k % 3 === 0 ? foldAdminRollups() : randomChange(r)).catch((error: unknown) => {
          if (!(error instanceof ActionError) && !raceCodes.includes(databaseCode(error) ?? "")) throw error;
        });
      }
    });
    // Every sequence ends before the counts are compared (a failed one must not keep writing meanwhile).
    const outcomes = await Promise.allSettled(work.map((w) => w()));
    for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
    await expectCountsExact("after the concurrent changes");
    await expectPlacesCopied();
  }, 300_000);

  test("overdue stays exact whether most waiting tickets are late, on time, or about half", async () => {
    for (const lateShare of [0.9, 0.1, 0.5, 0, 1]) {
      await db().execute(sql`
        update tickets set sla_due_at = case when random() < ${lateShare} then now() - interval '2 days' else now() + interval '2 days' end
         where status not in ('resolved', 'closed')`);
      await expectCountsExact(`with ${lateShare * 100} % late`);
    }
  });
});
