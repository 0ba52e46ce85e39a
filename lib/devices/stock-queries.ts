import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { poolVersion, type PoolKind } from "./pools";
import { queueOutlook } from "./rules";

export type PoolStatus = {
  kind: PoolKind;
  capacity: number;
  inUse: number;
  reserved: number;
  issued: number;
  waiting: number;
  dailyLimit: number | null;
  usedToday: number;
  outlook: { days: number | null; shortfall: number };
  /** What the pool form sends back, so a save from an older page is refused. */
  version: string;
};

/** Each pool: stock, what is reserved, issued and waiting, today's wave and how long the queue takes. */
export async function poolStatuses(tx: DbOrTx = db()): Promise<PoolStatus[]> {
  const rows = (await tx.execute(sql`
    select p.kind, p.capacity, p.in_use, p.daily_activation_limit, ${poolVersion} as version,
           coalesce((select used from activation_days d where d.pool_id = p.id and d.day = (now() at time zone 'Europe/Zurich')::date), 0) as used_today,
           count(a.id) filter (where a.status = 'reserved')::int as reserved,
           count(a.id) filter (where a.status = 'issued')::int as issued,
           count(a.id) filter (where a.status = 'waiting')::int as waiting
      from resource_pools p left join allocations a on a.pool_id = p.id and a.status in ('reserved', 'issued', 'waiting')
     group by p.id order by p.kind`)) as unknown as { kind: PoolKind; capacity: number; in_use: number; daily_activation_limit: number | null; used_today: number; reserved: number; issued: number; waiting: number; version: string }[];
  // Hardware tokens are counted from the tokens themselves: delivered serials and assigned ones.
  const [tokens] = (await tx.execute(sql`
    select count(*)::int as total, count(*) filter (where assigned_employee_id is not null)::int as assigned from hardware_tokens`)) as unknown as { total: number; assigned: number }[];
  for (const r of rows.filter((p) => p.kind === "hardware_token")) {
    r.capacity = tokens.total;
    r.in_use = tokens.assigned;
    r.issued = tokens.assigned;
  }
  return rows.map((r) => ({
    kind: r.kind,
    capacity: r.capacity,
    inUse: r.in_use,
    reserved: r.reserved,
    issued: r.issued,
    waiting: r.waiting,
    dailyLimit: r.daily_activation_limit,
    usedToday: r.used_today,
    outlook: queueOutlook({ waiting: r.waiting, free: r.capacity - r.in_use, dailyLimit: r.daily_activation_limit }),
    version: r.version,
  }));
}

export type PendingHandover = { allocationId: string; number: string; name: string; kind: "laptop" | "router_4g"; method: "collect" | "ship" | null; site: string | null; slotStart: Date | null; city: string | null; reservedAt: Date };

/** Reserved laptops and routers not yet handed over, soonest collection first. */
export async function pendingHandovers(limit = 100, tx: DbOrTx = db()): Promise<PendingHandover[]> {
  return (await tx.execute(sql`
    select a.id as "allocationId", e.number, e.last_name || ' ' || e.first_name as name, a.kind::text as kind, a.handover_method::text as method,
           s.name as site, c.starts_at as "slotStart", a.shipping_address->>'city' as city, a.reserved_at as "reservedAt"
      from allocations a join employees e on e.id = a.employee_id
      left join collection_slots c on c.id = a.collection_slot_id left join sites s on s.id = c.site_id
     where a.status = 'reserved' and a.kind in ('laptop', 'router_4g')
     order by (a.handover_method is null and a.kind = 'laptop'), c.starts_at nulls last, a.reserved_at
     limit ${limit}`)) as unknown as PendingHandover[];
}
