import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import type { PoolKind } from "@/lib/devices/pools";
import { queueOutlook } from "@/lib/devices/rules";
import { funnelCounts, rolled } from "./rollups";

export type AdminOverview = {
  activeEmployees: number;
  signedUp: number;
  activeSessions: number;
  mailPending: number;
  mailDead: number;
};

/**
 * The overview's query. The roster and sign-ups come from the rollups (lib/admin/rollups.ts);
 * active sessions too, by the hour their end falls in: the hours after this one from the rollups,
 * the sessions ending within this hour from their index (migration 0031); pending and dead mail
 * from their partial indexes (only those rows are read, never the sent history).
 */
export function adminOverviewQuery(): SQL {
  // Computed once per statement (an init plan), as the dashboard's other windows.
  const nextHour = sql`(select date_trunc('hour', now(), 'UTC') + interval '1 hour')`;
  return sql`
    select
      (select coalesce(sum(people), 0) from (${funnelCounts}) f)::int as "activeEmployees",
      (select coalesce(sum(n), 0) from (${rolled(["users"])}) u)::int as "signedUp",
      ((select coalesce(sum(n), 0) from (${rolled(["sessions"], nextHour)}) s) +
       (select count(*) from sessions where expires > now() and expires < ${nextHour}))::int as "activeSessions",
      (select count(*) from outbox where status = 'pending')::int as "mailPending",
      (select count(*) from outbox where status = 'dead')::int as "mailDead"`;
}

/** First figures of the crisis dashboard: roster size, sign-ups, and whether mail is flowing. */
export async function getAdminOverview(tx: DbOrTx = db()): Promise<AdminOverview> {
  const [row] = (await tx.execute(adminOverviewQuery())) as unknown as AdminOverview[];
  return row;
}

export type DashboardPool = { kind: PoolKind; capacity: number; inUse: number; waiting: number; outlook: { days: number | null; shortfall: number } };

/** The pools' query: stock and use as the pools keep them, the queue counted on its partial index. */
export function dashboardPoolsQuery(): SQL {
  return sql`
    select p.kind, p.capacity, p.in_use, p.daily_activation_limit,
           (select count(*) from allocations a where a.pool_id = p.id and a.status = 'waiting')::int as waiting
      from resource_pools p order by p.kind`;
}

/**
 * Each pool's stock, use and queue for the dashboard's gauges, as `poolStatuses` gives them
 * (lib/devices/stock-queries.ts) without counting every reserved and issued allocation:
 * `in_use` is kept by the pool itself. Hardware tokens are counted from the tokens.
 */
export async function dashboardPools(tx: DbOrTx = db()): Promise<DashboardPool[]> {
  const rows = (await tx.execute(dashboardPoolsQuery())) as unknown as { kind: PoolKind; capacity: number; in_use: number; daily_activation_limit: number | null; waiting: number }[];
  if (rows.some((r) => r.kind === "hardware_token")) {
    const [tokens] = (await tx.execute(sql`
      select count(*)::int as total, count(*) filter (where assigned_employee_id is not null)::int as assigned from hardware_tokens`)) as unknown as { total: number; assigned: number }[];
    for (const r of rows.filter((p) => p.kind === "hardware_token")) {
      r.capacity = tokens.total;
      r.in_use = tokens.assigned;
    }
  }
  return rows.map((r) => ({
    kind: r.kind,
    capacity: r.capacity,
    inUse: r.in_use,
    waiting: r.waiting,
    outlook: queueOutlook({ waiting: r.waiting, free: r.capacity - r.in_use, dailyLimit: r.daily_activation_limit }),
  }));
}
