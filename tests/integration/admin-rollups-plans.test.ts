import { sql, type SQL } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { funnel, funnelQuery, queueHistory, queueHistoryQuery, ticketsByAge, ticketsByAgeQuery, topIspFailures, topIspFailuresQuery } from "@/lib/admin/dashboard";
import { adminOverviewQuery, dashboardPoolsQuery, getAdminOverview } from "@/lib/admin/overview";
import { foldAdminRollups } from "@/lib/admin/rollups";
import { oracleFunnel, oracleOverview, oracleQueueHistory, oracleTicketsByAge, oracleTopIspFailures } from "./admin-rollups-oracle";
import { seedRollOut } from "./admin-rollups-seed";

// The dashboard's plans on a roll-out of 3,000 people (about 20,000 tickets, 6,000 connection
// tests, 12,000 mails): no query reads a big table from end to end. The rollups are read whole
// (a few hundred rows); the rows themselves only through an index, for an edge hour, a dead or
// pending mail, a waiting allocation, or a person marked since the last fold.

const big = ["employees", "users", "sessions", "invitations", "onboarding_cases", "allocations", "mfa_tokens", "tickets", "connectivity_tests", "outbox"];

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Index Cond"?: string; "Parent Relationship"?: string; Plans?: PlanNode[] };

/** The plan's nodes; `initPlans: false` leaves out what runs once per statement (init plans). */
async function plan(query: SQL, tx: DbOrTx = db(), { verbose = false, initPlans = true } = {}): Promise<PlanNode[]> {
  const [row] = (await tx.execute(sql`explain (format json${sql.raw(verbose ? ", verbose" : "")}) ${query}`)) as unknown as { "QUERY PLAN": { Plan: PlanNode }[] }[];
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    if (!initPlans && node["Parent Relationship"] === "InitPlan") return;
    nodes.push(node);
    node.Plans?.forEach(walk);
  };
  walk(row["QUERY PLAN"][0].Plan);
  return nodes;
}

const seqScans = (nodes: PlanNode[]) => nodes.filter((n) => n["Node Type"] === "Seq Scan" && big.includes(n["Relation Name"] ?? "")).map((n) => n["Relation Name"]);
/**
 * Reads of a table from end to end: a sequential scan, or an index read without a condition
 * (a partial index that matches the query's filter is walked whole: the planner picks either,
 * depending on its statistics).
 */
const wholeReads = (nodes: PlanNode[], table: string) =>
  nodes.filter((n) => (n["Node Type"] === "Seq Scan" && n["Relation Name"] === table) || (/Index/.test(n["Node Type"]) && !n["Index Cond"] && (n["Index Name"] ?? "").startsWith(`${table}_`)));

beforeAll(async () => {
  await seedRollOut(3000);
  await foldAdminRollups();
  // Some changes since the fold: the readers add them from the rows.
  await db().execute(sql`update onboarding_cases set connectivity = 'good' where employee_id in (select id from employees order by number limit 40)`);
  await db().execute(sql`update tickets set status = 'resolved' where number in (select number from tickets where status = 'new' order by number limit 30)`);
  await db().execute(sql`analyze`);
}, 120_000);

test.each([
  ["funnel by site", () => funnelQuery("site")],
  ["funnel by unit", () => funnelQuery("unit")],
  ["open tickets by age", () => ticketsByAgeQuery()],
  ["providers' failures", () => topIspFailuresQuery(8)],
  ["burn-down", () => queueHistoryQuery(14)],
  ["overview", () => adminOverviewQuery()],
  ["pools", () => dashboardPoolsQuery()],
])("%s: no sequential scan of a big table", async (_label, query) => {
  expect(seqScans(await plan(query()))).toEqual([]);
});

test("the windows' edges are computed once per statement, not once per rollup row", async () => {
  // date_trunc with a time zone costs about a microsecond: written in a per-row filter, it was
  // most of the dashboard's database time at crisis scale (thousands of hourly buckets).
  for (const query of [ticketsByAgeQuery(), topIspFailuresQuery(8), queueHistoryQuery(14)]) {
    const perRow = (await plan(query, db(), { verbose: true, initPlans: false })).filter((n) => JSON.stringify(n, (key, value) => (key === "Plans" ? undefined : value)).includes("date_trunc("));
    expect(perRow.map((n) => n["Node Type"])).toEqual([]);
  }
});

test("the edges come from indexes: tickets' edge hours, the tests' edge hour, the sessions ending this hour, dead and pending mail", async () => {
  const indexes = async (query: SQL) => (await plan(query)).map((n) => n["Index Name"]).filter(Boolean);
  // Both edge hours of open tickets from their own index, not a skip scan of the status index.
  expect((await indexes(ticketsByAgeQuery())).filter((name) => name!.startsWith("tickets_"))).toEqual(["tickets_open_created_idx", "tickets_open_created_idx"]);
  expect(await indexes(topIspFailuresQuery(8))).toContain("connectivity_tests_started_idx");
  const overview = await indexes(adminOverviewQuery());
  expect(overview).toContain("sessions_expires_idx");
  expect(overview).toContain("outbox_dead_idx");
  expect(overview).toContain("outbox_due_idx");
});

test("the old from-scratch queries scanned the history; the figures are still the same", async () => {
  // Before the rollups (the oracle): the whole roster, tickets and mail, on every view.
  const openTickets = sql`select count(*) from tickets where status not in ('resolved', 'closed')`;
  expect(wholeReads(await plan(openTickets), "tickets")).not.toHaveLength(0);
  // Whichever the planner picks: with sequential scans off, it walks an index whole instead.
  await db().transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const nodes = await plan(openTickets, tx);
    expect(nodes.some((n) => n["Node Type"] === "Seq Scan")).toBe(false);
    expect(wholeReads(nodes, "tickets")).not.toHaveLength(0);
  });
  await db().transaction(async (tx) => {
    expect(await funnel("site", tx)).toEqual(await oracleFunnel("site", tx));
    expect(await funnel("unit", tx)).toEqual(await oracleFunnel("unit", tx));
    expect(await ticketsByAge(tx)).toEqual(await oracleTicketsByAge(tx));
    expect(await topIspFailures(8, tx)).toEqual(await oracleTopIspFailures(8, tx));
    expect(await queueHistory(14, tx)).toEqual(await oracleQueueHistory(14, tx));
    expect(await getAdminOverview(tx)).toEqual(await oracleOverview(tx));
  });
  const [funnelNow] = [await funnel("site")];
  expect(funnelNow.overall.roster).toBeGreaterThan(2900);
  expect(funnelNow.overall.ready).toBeGreaterThan(0);
});
