import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { isBigJump } from "@/lib/admin/big-change";
import { ActionError } from "@/lib/auth/action-error";
import { changedMeanwhile } from "@/lib/settings/version";
import { lockPools, poolsFor, poolVersion, type DeviceKind, type PoolKind, type PoolRow } from "./pools";
import { promoteQueue } from "./service";

/** Every queue a change of `kind` can unblock, so their pools are locked in one go, in kind order. */
const unblocks: Record<PoolKind, DeviceKind[]> = { laptop: ["laptop"], vpn_licence: ["laptop"], vdi_seat: ["vdi_seat"], router_4g: ["router_4g"], hardware_token: [] };

type PoolChange = { capacity: number; dailyLimit: number | null };
/** `version`: the pool's version once changed, the one its page shows next (components/admin/versioned-form.tsx). */
type Changed = { promoted: number; capacity: number; version: string };

/**
 * `confirmed`: whether the admin confirmed a change of more than ten times. The forms always
 * say (false unless ticked), so such a change is refused unconfirmed, next to the field that
 * moved (`field`); scripts and tests that do not say are not asked.
 */
type Confirmation = { confirmed?: boolean; field?: { capacity: string; dailyLimit: string } };

function refuseUnconfirmed(pool: PoolRow, change: PoolChange, confirmation: Confirmation) {
  if (confirmation.confirmed !== false) return;
  const fields = confirmation.field ?? { capacity: "capacity", dailyLimit: "dailyLimit" };
  if (isBigJump(pool.capacity, change.capacity)) throw new ActionError("bigChangeUnconfirmed", fields.capacity);
  if (isBigJump(pool.daily_activation_limit, change.dailyLimit)) throw new ActionError("bigChangeUnconfirmed", fields.dailyLimit);
}

/**
 * Changes a pool under its lock: `decide` sees the pool as it is once locked, never a
 * value read before (two arrivals at the same moment both count). Capacity never goes
 * below what is reserved or issued; more room promotes the queue at once, within the waves.
 */
async function changePool(tx: DbOrTx, kind: PoolKind, decide: (pool: PoolRow) => PoolChange, confirmation: Confirmation = {}): Promise<Changed> {
  const locked = [...new Set([kind, ...unblocks[kind].flatMap((d) => poolsFor[d])])].sort() as PoolKind[];
  const existing = (await tx.execute(sql`select kind::text from resource_pools where kind::text in ${locked}`)) as unknown as { kind: string }[];
  if (existing.length !== locked.length) throw new ActionError("poolNotFound");
  const pool = (await lockPools(tx, locked)).get(kind)!;
  const change = decide(pool);
  // Judged against the pool as it is once locked, like everything else here.
  refuseUnconfirmed(pool, change, confirmation);
  if (change.capacity < pool.in_use) throw new ActionError("capacityBelowInUse", "capacity", { inUse: pool.in_use });
  const [{ version }] = (await tx.execute(
    sql`update resource_pools p set capacity = ${change.capacity}, daily_activation_limit = ${change.dailyLimit}, updated_at = now() where p.id = ${pool.id} returning ${poolVersion} as version`,
  )) as unknown as { version: string }[];
  let promoted = 0;
  for (const device of unblocks[kind]) promoted += await promoteQueue(tx, device);
  return { promoted, capacity: change.capacity, version };
}

/**
 * An admin sets a pool's capacity and daily activation wave. The form carries the version
 * it showed: if the capacity or wave changed since (an arrival, another admin), nothing is
 * written and the admin is told. Without a version (scripts, tests) the values are set as given.
 */
export async function updatePool(tx: DbOrTx, kind: PoolKind, change: PoolChange & { version?: string; confirmed?: boolean }): Promise<Changed> {
  return changePool(
    tx,
    kind,
    (pool) => {
      if (change.version !== undefined && change.version !== pool.version) throw changedMeanwhile();
      return { capacity: change.capacity, dailyLimit: change.dailyLimit };
    },
    { confirmed: change.confirmed },
  );
}

/**
 * "200 laptops arrived": capacity grows by that many, and the queue moves at once. Stock that
 * would grow more than tenfold (4,000 typed for 400) must be `confirmed` when that is given.
 */
export async function stockArrival(tx: DbOrTx, kind: PoolKind, count: number, confirmed?: boolean): Promise<Changed> {
  return changePool(tx, kind, (pool) => ({ capacity: pool.capacity + count, dailyLimit: pool.daily_activation_limit }), { confirmed, field: { capacity: "count", dailyLimit: "count" } });
}
