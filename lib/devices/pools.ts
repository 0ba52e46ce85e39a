import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { versionOf } from "@/lib/settings/version";

// The pools' stock and daily waves, in SQL so that neither is ever exceeded:
//  - `resource_pools.in_use <= capacity` is a check constraint;
//  - every change to a pool's stock, wave or queue first locks the pool rows
//    (FOR UPDATE, in kind order), so they run one at a time whatever the number
//    of instances, and only then reads what it decides on (see lockPools).

export type PoolKind = "laptop" | "vdi_seat" | "vpn_licence" | "hardware_token" | "router_4g";
export type DeviceKind = "laptop" | "vdi_seat" | "router_4g";

/** A laptop also takes a VPN licence; a VDI seat is reached through the web, without one. */
export const poolsFor: Record<DeviceKind, PoolKind[]> = { laptop: ["laptop", "vpn_licence"], vdi_seat: ["vdi_seat"], router_4g: ["router_4g"] };

export type PoolRow = {
  id: string;
  kind: PoolKind;
  capacity: number;
  in_use: number;
  daily_activation_limit: number | null;
  used_today: number;
  working_day: boolean;
  /** What an admin's pool form was based on (capacity and wave only: reservations do not make it stale). */
  version: string;
};

export const today = sql`(now() at time zone 'Europe/Zurich')::date`;

/** The version of a pool's admin-set fields, as the stock page shows it and updatePool checks it. */
export const poolVersion = versionOf(sql`p.capacity`, sql`p.daily_activation_limit`);

/**
 * Locks the pools, then reads them. Two statements on purpose: under READ COMMITTED a
 * statement's snapshot is taken before it waits for a lock, so a count read beside the
 * lock (today's activations, in another table) would be the one from before the previous
 * holder committed, and a wave of 20 would let 22 through. A new statement sees it all.
 */
export async function lockPools(tx: DbOrTx, kinds: PoolKind[]): Promise<Map<PoolKind, PoolRow>> {
  await tx.execute(sql`select id from resource_pools where kind::text in ${kinds} order by kind for update`);
  const rows = (await tx.execute(sql`
    select p.id, p.kind, p.capacity, p.in_use, p.daily_activation_limit, ${poolVersion} as version,
           coalesce((select used from activation_days d where d.pool_id = p.id and d.day = ${today}), 0) as used_today,
           extract(isodow from ${today}) < 6 as working_day
      from resource_pools p
     where p.kind::text in ${kinds}
     order by p.kind`)) as unknown as PoolRow[];
  if (rows.length !== kinds.length) throw new Error(`Missing resource pool among ${kinds.join(", ")}`);
  return new Map(rows.map((r) => [r.kind, r]));
}

/** Activations still possible today for a pool (null: the platform has no daily limit). */
export function remainingToday(pool: PoolRow): number | null {
  if (pool.daily_activation_limit === null) return null;
  return pool.working_day ? Math.max(0, pool.daily_activation_limit - pool.used_today) : 0;
}

/** A unit of every pool the device takes is free, and each of those pools' wave has room today. */
export function canReserve(pools: Map<PoolKind, PoolRow>, kind: DeviceKind): boolean {
  return poolsFor[kind].every((k) => {
    const pool = pools.get(k)!;
    const wave = remainingToday(pool);
    return pool.in_use < pool.capacity && (wave === null || wave > 0);
  });
}

/** Takes one unit of each pool the device needs, and one activation of each of their waves today. */
export async function takeUnits(tx: DbOrTx, pools: Map<PoolKind, PoolRow>, kind: DeviceKind): Promise<void> {
  for (const k of poolsFor[kind]) {
    const pool = pools.get(k)!;
    await tx.execute(sql`update resource_pools set in_use = in_use + 1, updated_at = now() where id = ${pool.id}`);
    await tx.execute(sql`
      insert into activation_days (pool_id, day, used) values (${pool.id}, ${today}, 1)
      on conflict (pool_id, day) do update set used = activation_days.used + 1`);
    pool.in_use += 1;
    pool.used_today += 1;
  }
}
