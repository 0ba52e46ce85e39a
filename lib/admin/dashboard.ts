import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { funnelSteps, type FunnelCounts } from "./funnel";
import { funnelCounts, rolled } from "./rollups";

// The crisis dashboard's figures, read from the rollups (lib/admin/rollups.ts): each equals the
// recomputation from the rows that tests/integration/admin-rollups.test.ts keeps as its oracle,
// but reads a few hundred small rows instead of the whole history. Figures whose window moves
// with the clock (tickets' ages, the providers' last 7 days) take whole hours from the rollups
// and the hour the window's edge falls in from the rows themselves, through an index.

export type FunnelRow = { group: string; counts: FunnelCounts };

/** The funnel's query: each step counts the people at that level or beyond, per group and overall. */
export function funnelQuery(by: "site" | "unit"): SQL {
  const group = by === "site" ? sql`coalesce(s.name, '–')` : sql`coalesce(o.name, '–')`;
  const reached = (level: number) => sql`coalesce(sum(people) filter (where level >= ${level}), 0)::int`;
  return sql`
    with counts as (${funnelCounts}),
    levels as (
      select ${group} as grp, c.level, sum(c.people)::int as people
        from counts c
        left join sites s on s.id = c.site_id
        left join org_units o on o.id = c.org_unit_id
       group by 1, 2 having sum(c.people) > 0)
    select grp, coalesce(sum(people), 0)::int as roster, ${reached(1)} as invited, ${reached(2)} as signed_in, ${reached(3)} as eligible,
           ${reached(4)} as device, ${reached(5)} as token, ${reached(6)} as connectivity, ${reached(7)} as ready
      from levels group by rollup (grp) order by grp nulls first`;
}

/**
 * The roll-out funnel per site or org unit (and overall). Each step counts the people who
 * reached it and every step before it.
 */
export async function funnel(by: "site" | "unit", tx: DbOrTx = db()): Promise<{ overall: FunnelCounts; groups: FunnelRow[] }> {
  const rows = (await tx.execute(funnelQuery(by))) as unknown as ({ grp: string | null } & FunnelCounts)[];
  const pick = (r: FunnelCounts) => Object.fromEntries(funnelSteps.map((s) => [s, r[s]])) as FunnelCounts;
  const overall = rows.find((r) => r.grp === null);
  return {
    overall: overall ? pick(overall) : (Object.fromEntries(funnelSteps.map((s) => [s, 0])) as FunnelCounts),
    groups: rows.filter((r) => r.grp !== null).map((r) => ({ group: r.grp!, counts: pick(r) })),
  };
}

/**
 * The hour `interval` ago began at, computed once per statement (an init plan). Written inline,
 * date_trunc with a time zone ran once per rollup row in each filter that used it: most of the
 * dashboard's database time at crisis scale.
 */
function hourStarted(interval: "1 day" | "3 days" | "7 days"): SQL {
  return sql`(select date_trunc('hour', now() - ${sql.raw(`interval '${interval}'`)}, 'UTC'))`;
}

export type TicketAge = { category: string; under1: number; under3: number; older: number };

/** Open tickets' ages: whole hours from the rollup, the two edge hours from the tickets (an index range each). */
export function ticketsByAgeQuery(): SQL {
  const h1 = hourStarted("1 day");
  const h3 = hourStarted("3 days");
  const openIn = (hour: SQL) => sql`select category::text as category, created_at from tickets where status not in ('resolved', 'closed') and created_at >= ${hour} and created_at < ${hour} + interval '1 hour'`;
  return sql`
    with bulk as (
      select r.k1 as category,
             sum(r.n) filter (where r.at > ${h1}) as under1,
             sum(r.n) filter (where r.at > ${h3} and r.at < ${h1}) as under3,
             sum(r.n) filter (where r.at < ${h3}) as older
        from (${rolled(["tickets_open"])}) r group by 1),
    edges as (
      select category,
             count(*) filter (where created_at > now() - interval '1 day') as under1,
             count(*) filter (where created_at <= now() - interval '1 day' and created_at > now() - interval '3 days') as under3,
             count(*) filter (where created_at <= now() - interval '3 days') as older
        from (${openIn(h1)} union all ${openIn(h3)}) t group by 1)
    select category, coalesce(sum(under1), 0)::int as under1, coalesce(sum(under3), 0)::int as under3, coalesce(sum(older), 0)::int as older
      from (select * from bulk union all select * from edges) x
     group by category having coalesce(sum(under1), 0) + coalesce(sum(under3), 0) + coalesce(sum(older), 0) > 0
     order by coalesce(sum(under1), 0) + coalesce(sum(under3), 0) + coalesce(sum(older), 0) desc, category`;
}

/** Open tickets by category and age (under a day, one to three days, older). */
export async function ticketsByAge(tx: DbOrTx = db()): Promise<TicketAge[]> {
  return (await tx.execute(ticketsByAgeQuery())) as unknown as TicketAge[];
}

export type IspFailures = { isp: string; tests: number; failed: number; verdicts: Record<string, number> };

/** Tests of the last 7 days per provider and verdict: whole hours from the rollup, the edge's hour from the tests (an index range). */
export function topIspFailuresQuery(limit: number): SQL {
  const h7 = hourStarted("7 days");
  return sql`
    with pairs as (
      select r.k1 as isp, r.k2 as verdict, r.n from (${rolled(["isp_tests"], h7)}) r where r.at > ${h7}
      union all
      select isp, verdict::text, 1 from connectivity_tests
       where started_at >= ${h7} and started_at < ${h7} + interval '1 hour' and started_at > now() - interval '7 days'
         and status = 'completed' and verdict <> 'udp_untested'),
    counts as (select isp, verdict, sum(n)::int as n from pairs group by 1, 2 having sum(n) > 0)
    select coalesce(isp, '?') as isp, sum(n)::int as tests,
           coalesce(sum(n) filter (where verdict <> 'good'), 0)::int as failed,
           coalesce(jsonb_object_agg(verdict, n) filter (where verdict <> 'good'), '{}'::jsonb) as verdicts
      from counts
     group by counts.isp having sum(n) filter (where verdict <> 'good') > 0
     order by failed desc, isp limit ${limit}`;
}

/**
 * The internet providers with the most failed connection tests in the last 7 days.
 * A run whose browser could not test UDP says nothing about the provider: it counts
 * neither as blocked nor among the tests that went through.
 */
export async function topIspFailures(limit = 8, tx: DbOrTx = db()): Promise<IspFailures[]> {
  return (await tx.execute(topIspFailuresQuery(limit))) as unknown as IspFailures[];
}

export type Since = { signedIn: number; ticketsOpened: number; ticketsResolved: number; devicesReserved: number };

/** What happened in the last 24 hours (the daily summary's "since yesterday"; read once a day). */
export async function sinceYesterday(tx: DbOrTx = db()): Promise<Since> {
  const [row] = (await tx.execute(sql`
    select (select count(*) from users where created_at > now() - interval '1 day')::int as "signedIn",
           (select count(*) from tickets where created_at > now() - interval '1 day')::int as "ticketsOpened",
           (select count(*) from tickets where resolved_at > now() - interval '1 day')::int as "ticketsResolved",
           (select count(*) from allocations where kind in ('laptop', 'vdi_seat', 'router_4g') and reserved_at > now() - interval '1 day')::int as "devicesReserved"`)) as unknown as Since[];
  return row;
}

export type QueueDay = { day: string; laptop: number; vdi_seat: number; router_4g: number; activated: number };

/**
 * The burn-down from the allocations' day events (Zurich days): waiting at a day's end is
 * everyone who joined a queue that day or before, minus everyone who left it by then.
 */
export function queueHistoryQuery(days: number): SQL {
  const waiting = (kind: string) => sql`coalesce((select sum(w.waiting) from events w where w.kind = ${kind} and w.at <= days.day_start), 0)::int`;
  return sql`
    with days as (
      select d::date as day, (d::date::timestamp at time zone 'Europe/Zurich') as day_start
        from generate_series((now() at time zone 'Europe/Zurich')::date - ${days - 1}::int, (now() at time zone 'Europe/Zurich')::date, interval '1 day') d),
    events as (
      select r.k1 as kind, r.at,
             sum(case r.figure when 'queue_in' then r.n when 'queue_out' then -r.n else 0 end) as waiting,
             sum(r.n) filter (where r.figure = 'activated') as activated
        from (${rolled(["queue_in", "queue_out", "activated"])}) r group by 1, 2)
    select to_char(days.day, 'YYYY-MM-DD') as day, ${waiting("laptop")} as laptop, ${waiting("vdi_seat")} as vdi_seat, ${waiting("router_4g")} as router_4g,
           coalesce((select sum(w.activated) from events w where w.at = days.day_start), 0)::int as activated
      from days order by days.day`;
}

/**
 * The burn-down: for each of the last `days` days (Zurich), how many people were still
 * waiting at the end of the day per device kind, and how many devices were activated.
 */
export async function queueHistory(days = 14, tx: DbOrTx = db()): Promise<QueueDay[]> {
  return (await tx.execute(queueHistoryQuery(days))) as unknown as QueueDay[];
}
