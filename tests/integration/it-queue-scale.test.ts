import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { pendingReviewCounts } from "@/lib/eligibility/review-decision";
import { adjacentTickets, getTicketDetail, listQueue, queueCounts, type QueueFilters } from "@/lib/triage/queries";
import { indexesOf, plansOf, scansOf, seedCrowdedQueue, seqScansOf, unlimitedTicketSorts, type PlanNode, type ScaleSeed } from "./it-queue-scale-seed";

// Issue 16: the IT queue at crisis scale. Each view's page is read from an index in the queue's
// order and stops at its LIMIT (no sort of every open ticket, no sequential scan of tickets);
// the search goes through the trigram index; the counts read no ticket row but this hour's
// overdue ones, through their index. And the pages, neighbours and search still give what the old
// queries gave.

let seed: ScaleSeed;
beforeAll(async () => {
  seed = await seedCrowdedQueue();
}, 300_000);

/** The plan of the query that reads the queue's page (the one that selects from tickets). */
async function pagePlan(filters: QueueFilters, cursor?: string): Promise<PlanNode> {
  const plans = await plansOf(() => listQueue(filters, seed.agentId, cursor));
  expect(plans).toHaveLength(1);
  return plans[0].plan;
}

function expectIndexOrder(plan: PlanNode, index: RegExp) {
  expect(seqScansOf(plan, "tickets")).toEqual([]);
  expect(unlimitedTicketSorts(plan)).toEqual([]);
  expect(indexesOf(plan).some((name) => index.test(name))).toBe(true);
}

describe("the queue at tens of thousands of tickets", () => {
  test("the default view reads its page from tickets_queue_open_idx in order, and would sort every open ticket without it", async () => {
    const plan = await pagePlan({ status: "open" });
    expectIndexOrder(plan, /^tickets_queue_open_idx$/);
    // The control: the same query without the index sorts the open tickets (this scale is big enough to tell).
    const [{ query }] = await plansOf(() => listQueue({ status: "open" }, seed.agentId));
    const without = await db()
      .transaction(async (tx) => {
        await tx.execute(sql`drop index tickets_queue_open_idx`);
        const [row] = (await tx.execute(sql`explain (format json) ${query}`)) as unknown as { "QUERY PLAN": { Plan: PlanNode }[] }[];
        throw Object.assign(new Error("rollback"), { plan: row["QUERY PLAN"][0].Plan });
      })
      .catch((error: { plan?: PlanNode }) => error.plan);
    expect(without && unlimitedTicketSorts(without).length).toBeGreaterThan(0);
  });

  test("the next pages start at the cursor inside the same index", async () => {
    const first = await listQueue({ status: "open" }, seed.agentId);
    expect(first.next).not.toBeNull();
    const plan = await pagePlan({ status: "open" }, first.next!);
    expectIndexOrder(plan, /^tickets_queue_open_idx$/);
    const scan = scansOf(plan, "tickets").find((n) => n["Index Name"] === "tickets_queue_open_idx");
    expect(String(scan?.["Index Cond"])).toContain("queue_rank, sla_due_at, number");
  });

  test.each<[string, QueueFilters | (() => QueueFilters), RegExp]>([
    ["one status", { status: "new" }, /^tickets_queue_status_idx$/],
    ["resolved tickets", { status: "resolved" }, /^tickets_queue_status_idx$/],
    ["a category", { status: "open", category: "vpn_blocked" }, /^tickets_queue_category_idx$/],
    ["mine", { status: "open", assignee: "me" }, /^tickets_queue_assignee_idx$/],
    ["unassigned", { status: "open", assignee: "unassigned" }, /^tickets_queue_(assignee|open)_idx$/],
    ["a site", () => ({ status: "open", site: seed.siteId }), /^tickets_queue_site_idx$/],
    ["a unit", () => ({ status: "open", orgUnit: seed.orgUnitId }), /^tickets_queue_org_unit_idx$/],
    ["a priority", { status: "open", priority: "urgent" }, /^tickets_queue_open_idx$/],
  ])("filtered by %s: read in index order", async (_name, filters, index) => {
    expectIndexOrder(await pagePlan(typeof filters === "function" ? filters() : filters), index);
  });

  test("a name search goes through the trigram index, never a scan of tickets or people", async () => {
    const plan = await pagePlan({ status: "open", q: "Müller" });
    expect(indexesOf(plan)).toContain("employees_name_trgm_idx");
    for (const relation of ["tickets", "employees"]) expect(seqScansOf(plan, relation)).toEqual([]);
    // An address or a number: its own unique index.
    expect(indexesOf(await pagePlan({ q: "queue.7@work.test" }))).toContain("employees_work_email_lower_idx");
    const numbered = await pagePlan({ q: "#20" });
    expect(indexesOf(numbered)).toContain("tickets_number_unique");
    expect(seqScansOf(numbered, "tickets")).toEqual([]);
    // Digits: the ticket by number as well as the people, still no scan of tickets.
    const digits = await pagePlan({ q: "123" });
    expect(indexesOf(digits)).toEqual(expect.arrayContaining(["tickets_number_unique", "employees_name_trgm_idx"]));
    expect(seqScansOf(digits, "tickets")).toEqual([]);
  });

  test("the counts read tallies, the late ones kept by due hour and this hour's through the overdue index, no ticket row", async () => {
    const plans = await plansOf(() => queueCounts());
    expect(plans).toHaveLength(1);
    const { plan } = plans[0];
    expect(seqScansOf(plan, "tickets")).toEqual([]);
    expect(scansOf(plan, "tickets").length).toBeGreaterThan(0);
    expect(new Set(indexesOf(plan))).toEqual(new Set(["tickets_overdue_idx"]));
  });

  test("HR's review counts read tallies, the late ones kept by due hour and this hour's through the reviews' due index, no ticket row", async () => {
    const plans = await plansOf(() => pendingReviewCounts(db()));
    expect(plans).toHaveLength(1);
    const { plan } = plans[0];
    expect(seqScansOf(plan, "tickets")).toEqual([]);
    expect(scansOf(plan, "tickets").length).toBeGreaterThan(0);
    expect(new Set(indexesOf(plan))).toEqual(new Set(["tickets_review_due_idx"]));
  });

  test("the overdue counts read only the tickets due within this hour, not the thousands on either side of now()", async () => {
    // The seed's open tickets are due from 42 hours ago to 42 hours ahead: thousands late, thousands
    // on time, about a hundred due within any one hour. Counting either side read thousands of index
    // entries and their rows (pages written lately are not all-visible) on every view of the queue
    // and of HR's overview; the hours before this one come from the kept counts (admin_rollups).
    const [sides] = (await db().execute(sql`
      select count(*) filter (where sla_due_at < now())::int as late, count(*) filter (where sla_due_at >= now())::int as "onTime"
        from tickets where status in ('new', 'in_progress')`)) as unknown as { late: number; onTime: number }[];
    expect(Math.min(sides.late, sides.onTime)).toBeGreaterThan(2_000);
    for (const run of [() => queueCounts(), () => pendingReviewCounts(db())]) {
      const [{ query }] = await plansOf(run);
      const [row] = (await db().execute(sql`explain (analyze, format json) ${query}`)) as unknown as { "QUERY PLAN": { Plan: PlanNode }[] }[];
      const read = scansOf(row["QUERY PLAN"][0].Plan, "tickets").reduce((n, s) => n + Number(s["Actual Rows"] ?? 0) * Number(s["Actual Loops"] ?? 1), 0);
      expect(read).toBeLessThan(400);
    }
  });

  test("the ticket page: its neighbours through the queue's indexes, its details by key", async () => {
    const [{ number }] = (await db().execute(sql`select number::int from tickets where status = 'new' and category = 'vpn_blocked' limit 1`)) as unknown as { number: number }[];
    for (const filters of [{ status: "open" }, { status: "open", category: "vpn_blocked" }] as QueueFilters[]) {
      const [{ plan }] = await plansOf(() => adjacentTickets(number, filters, seed.agentId));
      expectIndexOrder(plan, /^tickets_queue_(open|category)_idx$/);
    }
    for (const { plan } of await plansOf(() => getTicketDetail(number))) {
      for (const relation of ["tickets", "ticket_events"]) expect(seqScansOf(plan, relation)).toEqual([]);
    }
  });
});

describe("the same answers as before, at this scale", () => {
  /** The queue's order as the old query wrote it, recomputed from every row. */
  async function expected(where: string, params: unknown[] = []): Promise<number[]> {
    const rows = (await db().$client.unsafe(
      `select t.number::int as n from tickets t join employees e on e.id = t.employee_id where ${where} order by t.priority desc, t.sla_due_at, t.number`,
      params as never[],
    )) as unknown as { n: number }[];
    return rows.map((r) => r.n);
  }

  async function allPages(filters: QueueFilters): Promise<number[]> {
    const numbers: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listQueue(filters, seed.agentId, cursor, 1000);
      numbers.push(...page.rows.map((r) => r.number));
      if (!page.next) return numbers;
      cursor = page.next;
    }
  }

  test("every page of the open queue, a category and a site, in the old order", async () => {
    expect(await allPages({ status: "open" })).toEqual(await expected(`t.status not in ('resolved', 'closed')`));
    expect(await allPages({ status: "open", category: "no_connectivity" })).toEqual(await expected(`t.status not in ('resolved', 'closed') and t.category = 'no_connectivity'`));
    expect(await allPages({ status: "closed", site: seed.siteId })).toEqual(await expected(`t.status = 'closed' and e.site_id = $1`, [seed.siteId]));
  }, 120_000);

  test("the search finds what ILIKE over both name orders, the addresses and the number found", async () => {
    const before = `(e.number = $1 or lower(e.work_email) = lower($1) or lower(e.private_email) = lower($1)
      or (e.first_name || ' ' || e.last_name) ilike $2 or (e.last_name || ' ' || e.first_name) ilike $2 or t.number = $3)`;
    // "na Müller An" is inside the index's "Anna Müller Anna" but in neither order: found by neither.
    for (const q of ["Müller", "ller Lea", "Sara Mey", "na Müller An", "20", "Q000042", "queue.7@work.test"]) {
      const params = [q, `%${q}%`, /^\d+$/.test(q) ? Number(q) : -1];
      expect(await allPages({ status: "open", q })).toEqual(await expected(`t.status not in ('resolved', 'closed') and ${before}`, params));
      expect(await allPages({ status: "closed", q })).toEqual(await expected(`t.status = 'closed' and ${before}`, params));
    }
  }, 120_000);

  test("a ticket's neighbours are the tickets beside it in the whole ordered list", async () => {
    const order = await expected(`t.status not in ('resolved', 'closed') and t.category = 'device_problem'`);
    for (const i of [0, 1, Math.floor(order.length / 2), order.length - 1]) {
      const around = await adjacentTickets(order[i], { status: "open", category: "device_problem" }, seed.agentId);
      expect(around).toEqual({ previous: order[i - 1] ?? null, next: order[i + 1] ?? null });
    }
  });
  // Last: it rewrites every seeded person's row.
  test("after every person's row is written again, a part of a name still goes through the trigram index, with nothing pending", async () => {
    // As a crisis morning does (contacts, consents, a roster import): new row versions, new index entries.
    await db().execute(sql`update employees set phone = phone where number like 'Q%'`);
    await db().execute(sql`create extension if not exists pgstattuple`);
    const [gin] = (await db().execute(sql`select pending_pages::int, pending_tuples::int from pgstatginindex('employees_name_trgm_idx')`)) as unknown as { pending_pages: number; pending_tuples: number }[];
    // A GIN pending list is read in full by every search; with it PostgreSQL preferred reading every employee.
    expect(gin).toEqual({ pending_pages: 0, pending_tuples: 0 });
    for (const q of ["Müller", "Mülle", "eyer", "Sara Mey"]) {
      const plan = await pagePlan({ status: "open", q });
      expect(indexesOf(plan)).toContain("employees_name_trgm_idx");
      for (const relation of ["tickets", "employees"]) expect(seqScansOf(plan, relation)).toEqual([]);
    }
  });
});
