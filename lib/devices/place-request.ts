import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ShippingAddress } from "@/db/schema";
import type { EmailMessage } from "@/lib/mail/message";
import { outboxInsert } from "@/lib/mail/notify";
import { getContact } from "@/lib/roster/queries";
import { lockPools, poolsFor, readPools, takesAtOnce, today, type DeviceKind, type PoolKind, type PoolRow } from "./pools";
import { draftNotice, withPosition, type NoticeDraft } from "./request-notice";

// A request's critical section (issue 16 point 3). Everyone asking for the same kind of device
// queues on the pool rows' lock, so whatever runs while it is held runs one request at a time.
//
// One transaction, the lock last. The request, its units, the wave's count and the mail commit
// together or not at all: a crash anywhere before the commit leaves nothing (no unit taken for a
// request never written, no mail for a unit never taken), and after it everything. A retry finds
// the first request (the person's case lock, the one-active-request index, the action's receipt):
// nothing twice. The decision reads the pools after locking them, in a new statement that sees
// every earlier decision; the stock's check constraint is the net: never overbooked. A separate
// short transaction for the pool would need a compensating path for a crash between the two.
// A locked row stays locked until the commit, so the lock is taken as late as possible:
//   before it (this person's work, in parallel with everyone else's): case lock, eligibility and
//     existing request (the callers), the contact, a lock-free guess of the outcome, and the
//     mail for that guess, rendered;
//   under it: the fresh read of the pools (stock, wave, queue length), then one statement
//     writing the request, its units, the wave's count and the mail (with its position);
//   then only the action's receipt and audit rows (lib/auth/action.ts) and the commit.
// A wrong guess (the last free unit went meanwhile) renders the other mail under the lock: rare.

export type DeviceRequestResult = { allocationId: string; status: "waiting" | "reserved" | "issued"; created: boolean };

export type RequestNotice = { reserved: "vdiReady" | "deviceReserved" | "routerReserved"; path: string };

/**
 * Inserts the request and reserves a unit at once when stock, today's wave and the queue allow
 * it; otherwise it waits, told its place. Nobody may jump the queue: a free unit goes to a
 * newcomer only when no one waits. The caller holds the person's case lock.
 */
export async function placeRequest(tx: DbOrTx, employeeId: string, kind: DeviceKind, shippingAddress: ShippingAddress | null, notice: RequestNotice): Promise<DeviceRequestResult> {
  const kinds = poolsFor[kind];
  const contact = await getContact(tx, employeeId);
  const drafts = new Map<boolean, NoticeDraft | null>();
  const draft = (take: boolean) => {
    if (!drafts.has(take)) drafts.set(take, take ? draftNotice(contact, notice.reserved, notice.path, false) : draftNotice(contact, "deviceWaiting", notice.path, true));
    return drafts.get(take)!;
  };
  draft(takesAtOnce(await readPools(tx, kinds, "any"), kind));

  const pools = await lockPools(tx, kinds);
  const take = takesAtOnce(pools, kind);
  // Every request waiting is ahead of a newcomer (a granted priority too).
  const position = take ? null : pools.get(kind)!.waiting + 1;
  const status = !take ? "waiting" : kind === "vdi_seat" ? "issued" : "reserved";
  const allocationId = await writeRequest(tx, { employeeId, kind, pools, status, shippingAddress, mail: withPosition(draft(take), position) });
  return { allocationId, status, created: true };
}

type Decided = {
  employeeId: string;
  kind: DeviceKind;
  pools: Map<PoolKind, PoolRow>;
  status: DeviceRequestResult["status"];
  shippingAddress: ShippingAddress | null;
  mail: EmailMessage | null;
};

/**
 * Everything the decision leads to, in one statement (one round trip under the lock): the
 * request (its queue_seq drawn now, under the lock, so the queue's order is the order of the
 * decisions and positions are distinct), and when it takes a unit: each pool's unit and wave
 * count, and a laptop's VPN licence. The mail goes to the outbox as enqueueEmail writes it (outboxInsert).
 */
async function writeRequest(tx: DbOrTx, d: Decided): Promise<string> {
  const take = d.status !== "waiting";
  const main = d.pools.get(d.kind)!;
  const steps: SQL[] = [];
  if (take) {
    const taken = poolsFor[d.kind].map((k) => d.pools.get(k)!.id);
    steps.push(sql`units as (update resource_pools set in_use = in_use + 1, updated_at = now() where id in ${taken} returning id)`);
    steps.push(sql`wave as (
      insert into activation_days (pool_id, day, used) select id, ${today}, 1 from units
      on conflict (pool_id, day) do update set used = activation_days.used + 1)`);
  }
  if (take && d.kind === "laptop") {
    steps.push(sql`licence as (
      insert into allocations (employee_id, pool_id, kind, status, parent_id, reserved_at, wave_day)
      select employee_id, ${d.pools.get("vpn_licence")!.id}, 'vpn_licence', 'reserved', id, now(), ${today} from request)`);
  }
  if (d.mail) {
    steps.push(sql`mail as (${outboxInsert(d.mail)})`);
  }
  const address = d.shippingAddress;
  const [row] = (await tx.execute(sql`
    with request as (
      insert into allocations (employee_id, pool_id, kind, status, handover_method, shipping_address, reserved_at, issued_at, wave_day)
      values (${d.employeeId}, ${main.id}, ${d.kind}, ${d.status}::allocation_status, ${address ? "ship" : null}, ${address ? JSON.stringify(address) : null}::jsonb,
              ${take ? sql`now()` : null}, ${d.status === "issued" ? sql`now()` : null}, ${take ? today : null})
      returning id, employee_id)
    ${steps.length > 0 ? sql`, ${sql.join(steps, sql`, `)}` : sql``}
    select id from request`)) as unknown as { id: string }[];
  return row.id;
}
