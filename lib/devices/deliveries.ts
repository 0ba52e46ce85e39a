import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { formatDay } from "@/lib/i18n/format";
import { enqueueEmail } from "@/lib/mail/outbox";
import { noticeFor } from "@/lib/mail/notify";
import { changedMeanwhile } from "@/lib/settings/version";
import type { Delivery } from "./forecast";
import { stockArrival } from "./pool-admin";
import type { PoolKind } from "./pools";
import { datesOf, poolFacts, queuedPeople } from "./queue-dates";

// Deliveries IT waits for (issue 17 point 1): planned with a date and a quantity, moved or
// cancelled as plans change, and recorded as arrived (the pool's "N arrived"). Each change is
// followed, in the same transaction, by a mail to every queued person whose date it changed:
// dates before and after are computed from one read of the queue, so nobody is mailed twice
// for one change, and the mails are committed with it or not at all.

export type PlannedDelivery = { id: string; kind: PoolKind; expectedOn: string; quantity: number; reference: string | null; version: number };

export async function plannedDeliveries(tx: DbOrTx = db()): Promise<PlannedDelivery[]> {
  return (await tx.execute(sql`
    select d.id, p.kind::text as kind, d.expected_on::text as "expectedOn", d.quantity, d.reference, d.version
      from planned_deliveries d join resource_pools p on p.id = d.pool_id
     where d.status = 'planned' order by p.kind, d.expected_on, d.created_at`)) as unknown as PlannedDelivery[];
}

/** A pool's planned deliveries as they stand (read before a change, to know whose date it moves). */
export async function plannedOf(tx: DbOrTx, kind: PoolKind): Promise<Delivery[]> {
  return (await tx.execute(sql`
    select d.expected_on::text as date, d.quantity from planned_deliveries d join resource_pools p on p.id = d.pool_id
     where p.kind = ${kind}::pool_kind and d.status = 'planned'`)) as unknown as Delivery[];
}

/**
 * Mails each queued person of the pool whose date the change moved: the dates under `before`
 * (the planned deliveries read before the change) against those of now. A date where there was
 * none or another one: "expected on …"; none any more: "no date yet". Called under the pool's
 * delivery lock (an advisory lock, not the pools' row lock that device requests wait on), once
 * per change or per import, so nobody is mailed twice for one.
 */
export async function mailChangedDates(tx: DbOrTx, kind: PoolKind, before: Delivery[]): Promise<number> {
  const facts = await poolFacts(tx, kind);
  const people = await queuedPeople(tx, facts.poolId);
  if (people.length === 0) return 0;
  const was = datesOf(facts, { ...facts.input, deliveries: before }, people);
  const now = datesOf(facts, facts.input, people);
  let mailed = 0;
  for (const [i, person] of people.entries()) {
    if (was[i] === now[i]) continue;
    const date = now[i];
    const values: Record<string, string | number> = date ? { position: person.position, date: formatDay(person.contact.locale, date) } : { position: person.position };
    const message = noticeFor(person.contact, date ? "deviceDated" : "deviceUndated", values, person.kind === "router_4g" ? "/connectivity" : "/device");
    if (!message) continue;
    await enqueueEmail(tx, message);
    mailed += 1;
  }
  return mailed;
}

/** A delivery is expected today or later (Zurich's calendar): one in the past has arrived or is late, not planned. */
async function refusePast(tx: DbOrTx, expectedOn: string): Promise<void> {
  const [{ past }] = (await tx.execute(sql`select ${expectedOn}::date < (now() at time zone 'Europe/Zurich')::date as past`)) as unknown as { past: boolean }[];
  if (past) throw new ActionError("deliveryInPast", "expectedOn");
}

/** A new planned delivery of the pool (null: no such pool); the caller holds the pool's delivery lock. */
export async function insertDelivery(tx: DbOrTx, actorId: string | null, input: { kind: PoolKind; expectedOn: string; quantity: number; reference?: string | null }): Promise<string | null> {
  const [row] = (await tx.execute(sql`
    insert into planned_deliveries (pool_id, expected_on, quantity, reference, created_by)
    select id, ${input.expectedOn}::date, ${input.quantity}, ${input.reference ?? null}, ${actorId} from resource_pools where kind = ${input.kind}::pool_kind
    returning id`)) as unknown as { id: string }[];
  return row?.id ?? null;
}

/** A planned delivery's new day and units; its version moves on, so a form showing the old one is refused. */
export async function setDelivery(tx: DbOrTx, id: string, input: { expectedOn: string; quantity: number }): Promise<{ version: number }> {
  const [row] = (await tx.execute(
    sql`update planned_deliveries set expected_on = ${input.expectedOn}::date, quantity = ${input.quantity}, version = version + 1, updated_at = now() where id = ${id} returning version`,
  )) as unknown as { version: number }[];
  return row;
}

export const lockDeliveries = (tx: DbOrTx, kind: PoolKind) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`planned_deliveries:${kind}`}))`);

export async function planDelivery(tx: DbOrTx, actorId: string | null, input: { kind: PoolKind; expectedOn: string; quantity: number; reference?: string | null }): Promise<{ id: string; mailed: number }> {
  await refusePast(tx, input.expectedOn);
  await lockDeliveries(tx, input.kind);
  const before = await plannedOf(tx, input.kind);
  const id = await insertDelivery(tx, actorId, input);
  if (!id) throw new ActionError("poolNotFound");
  const mailed = await mailChangedDates(tx, input.kind, before);
  return { id, mailed };
}

type Held = { id: string; kind: PoolKind; expectedOn: string; quantity: number; version: number; status: string };

/** The delivery, locked, as the form saw it (`version`): else nothing changes and the admin is told. */
async function held(tx: DbOrTx, id: string, version: number): Promise<Held> {
  const [found] = (await tx.execute(sql`select p.kind::text as kind from planned_deliveries d join resource_pools p on p.id = d.pool_id where d.id = ${id}`)) as unknown as { kind: PoolKind }[];
  if (!found) throw new ActionError("deliveryNotFound");
  await lockDeliveries(tx, found.kind);
  const [row] = (await tx.execute(sql`
    select d.id, p.kind::text as kind, d.expected_on::text as "expectedOn", d.quantity, d.version, d.status::text as status
      from planned_deliveries d join resource_pools p on p.id = d.pool_id where d.id = ${id} for update of d`)) as unknown as Held[];
  if (row.status !== "planned") throw new ActionError("deliveryNotPlanned");
  if (row.version !== version) throw changedMeanwhile();
  return row;
}

/** `version`: the delivery's once moved, the one its row shows next (components/admin/versioned-form.tsx). */
export async function moveDelivery(tx: DbOrTx, input: { id: string; version: number; expectedOn: string; quantity: number }): Promise<{ mailed: number; before: Delivery; version: number }> {
  await refusePast(tx, input.expectedOn);
  const row = await held(tx, input.id, input.version);
  const planned = await plannedOf(tx, row.kind);
  const { version } = await setDelivery(tx, row.id, input);
  return { mailed: await mailChangedDates(tx, row.kind, planned), before: { date: row.expectedOn, quantity: row.quantity }, version };
}

export async function cancelDelivery(tx: DbOrTx, input: { id: string; version: number }): Promise<{ mailed: number; before: Delivery }> {
  const row = await held(tx, input.id, input.version);
  const planned = await plannedOf(tx, row.kind);
  await tx.execute(sql`update planned_deliveries set status = 'cancelled', version = version + 1, updated_at = now() where id = ${row.id}`);
  return { mailed: await mailChangedDates(tx, row.kind, planned), before: { date: row.expectedOn, quantity: row.quantity } };
}

/**
 * The delivery is here: the pool's stock grows by its quantity and the queue head is served
 * at once (stockArrival, within the waves); those still waiting keep dates from what is left.
 */
export async function deliveryArrived(tx: DbOrTx, input: { id: string; version: number }): Promise<{ promoted: number; capacity: number; quantity: number }> {
  const row = await held(tx, input.id, input.version);
  // Tokens arrive as a vendor's file of serials and seeds: they are added by the token import.
  if (row.kind === "hardware_token") throw new ActionError("deliveryTokensImported");
  await tx.execute(sql`update planned_deliveries set status = 'arrived', arrived_at = now(), version = version + 1, updated_at = now() where id = ${row.id}`);
  // Planned and checked when it was entered: not asked again as a tenfold change.
  const result = await stockArrival(tx, row.kind, row.quantity);
  return { ...result, quantity: row.quantity };
}
