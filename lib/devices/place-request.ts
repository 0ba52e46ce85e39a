import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { rawClient, type DbOrTx } from "@/db/client";
import type { ShippingAddress } from "@/db/schema";
import { maskAvsDeep } from "@/lib/log/avs";
import { outboxInsert } from "@/lib/mail/notify";
import { contactAddressSql, type Contact } from "@/lib/roster/queries";
import { poolsFor, today, type DeviceKind } from "./pools";
import { draftNotice, type NoticeDraft } from "./request-notice";

// A request's critical section (issue 16 point 3). Everyone asking for the same kind of device
// queues on the pool rows' lock, so whatever runs while it is held runs one request at a time,
// and in one Node process each statement's answer also waits for the event loop.
//
// One transaction, the lock last. The request, its units, the wave's count, the mail, the
// action's receipt and audit row commit together or not at all: a crash anywhere before the
// commit leaves nothing (no unit taken for a request never written, no mail for a unit never
// taken), and after it everything. A retry finds the first request (the person's case lock, the
// one-active-request index, the action's receipt): nothing twice. The decision is taken in a
// statement that starts once the pools are locked, so its snapshot sees every earlier decision;
// the stock's check constraint is the net: never overbooked. (A separate short transaction for
// the pool would need a compensating path for a crash between the two.) A locked row stays
// locked until the commit, so the lock comes last:
//   before it, this person's work, in parallel with everyone else's: the action's receipt
//     claimed, the case lock, one read of eligibility, existing request and contact
//     (requestFacts), both possible mails ready (./request-notice: rendered once per language);
//   under it, one round trip: the lock, and, sent with it (pipelined, so it runs as soon as the
//     lock is granted, without waiting for this process), one statement that decides and writes
//     the request, its units, the wave's count, a laptop's VPN licence, the mail with the queue
//     position counted under the lock, and the action's receipt answer and audit row;
//   then the commit: nothing else (./request-action).
// Before (issue 16's measurement): lock, read, queue check, insert, 2–4 pool and wave updates,
// update, VPN insert, contact read, the mail rendered (about 3 ms of CPU), queue count, outbox
// insert, receipt, audit row: some 30 round trips (drizzle's parameterised statements take two).

export type DeviceRequestResult = { allocationId: string; status: "waiting" | "reserved" | "issued"; created: boolean };

export type RequestNotice = { reserved: "vdiReady" | "deviceReserved" | "routerReserved"; path: string };

/**
 * What the server action records of a new request, written by the deciding statement itself
 * (./request-action): its receipt's answer, and its audit row (the decided status added).
 */
export type RequestRecord = {
  receipt: { actor: string; action: string; hash: string };
  audit: { actorEmployeeId: string; action: string; details: Record<string, unknown> };
};

/**
 * Inserts the request and reserves a unit at once when stock, today's wave and the queue allow
 * it; otherwise it waits, told its place. Nobody may jump the queue: a free unit goes to a
 * newcomer only when no one waits. The caller holds the person's case lock and has read the
 * person (requestFacts).
 */
export async function placeRequest(
  tx: DbOrTx,
  employeeId: string,
  contact: Contact,
  kind: DeviceKind,
  shippingAddress: ShippingAddress | null,
  notice: RequestNotice,
  record?: RequestRecord,
): Promise<DeviceRequestResult> {
  const mails = { taken: draftNotice(contact, notice.reserved, notice.path, false), waiting: draftNotice(contact, "deviceWaiting", notice.path, true) };
  const client = rawClient(tx);
  const write = dialect.sqlToQuery(decideAndWrite(employeeId, kind, shippingAddress, mails, record));
  const [, [row]] = await Promise.all([client.unsafe(lockStatement(kind)), prepared(client, write)]);
  return { allocationId: row.id as string, status: row.status as DeviceRequestResult["status"], created: true };
}

export type RequestFacts = {
  eligibility: string;
  /** The person's active request among the kinds asked about. */
  existing: { id: string; kind: DeviceKind; status: DeviceRequestResult["status"] } | null;
  contact: Contact;
};

/**
 * What a request decides on about the person, in one statement once their case is locked:
 * eligibility, an active request among `kinds`, and where and how to write to them (the
 * contact address as getContact chooses it).
 */
export async function requestFacts(tx: DbOrTx, employeeId: string, kinds: DeviceKind[]): Promise<RequestFacts> {
  const [row] = await prepared(
    rawClient(tx),
    dialect.sqlToQuery(sql`
      select c.eligibility::text as eligibility, a.id, a.kind::text as kind, a.status::text as status,
             ${contactAddressSql("e")} as address, coalesce(u.locale::text, e.language::text) as locale, e.first_name as "firstName"
        from onboarding_cases c
        join employees e on e.id = c.employee_id
        left join users u on u.employee_id = e.id
        left join allocations a on a.employee_id = c.employee_id and a.kind::text in (${sql.raw(kinds.map((k) => `'${k}'`).join(", "))})
                               and a.status in ('waiting', 'reserved', 'issued')
       where c.employee_id = ${employeeId}::uuid`),
  );
  return {
    eligibility: row.eligibility as string,
    existing: row.id ? { id: row.id as string, kind: row.kind as DeviceKind, status: row.status as DeviceRequestResult["status"] } : null,
    contact: { address: row.address as string | null, locale: row.locale as Contact["locale"], firstName: row.firstName as string },
  };
}

// Straight to postgres.js, prepared: drizzle sends a statement with parameters unprepared, which
// costs a second round trip (Parse/Describe, then Bind/Execute) and stops any pipeline behind it.
// Prepared (per connection, after its first use), the decision goes out with the lock.
const prepared = (client: ReturnType<typeof rawClient>, query: { sql: string; params: unknown[] }) => client.unsafe(query.sql, query.params as never[], { prepare: true });

const dialect = new PgDialect();
const inlineKinds = (kind: DeviceKind) => poolsFor[kind].map((k) => `'${k}'`).join(", ");

/** The pools' rows locked in kind order, like lockPools (the kinds are constants, written inline: nothing to prepare). */
function lockStatement(kind: DeviceKind): string {
  return `select id from resource_pools where kind::text in (${inlineKinds(kind)}) order by kind for update`;
}

/**
 * Decides and writes, in one statement. `pools` and `decision` read the stock, today's wave and
 * the queue (this statement's snapshot is taken once the lock is held); the request draws its
 * queue_seq now, so the queue's order is the order of the decisions and positions are distinct.
 * Taking a unit: each pool's unit and wave count, a laptop's VPN licence. Then the one mail
 * that applies. Data-modifying CTEs all run, whatever the final select reads.
 */
function decideAndWrite(employeeId: string, kind: DeviceKind, address: ShippingAddress | null, mails: { taken: NoticeDraft | null; waiting: NoticeDraft | null }, record?: RequestRecord): SQL {
  const kinds = sql.raw(inlineKinds(kind));
  const taken = kind === "vdi_seat" ? "issued" : "reserved";
  const steps: SQL[] = [];
  if (kind === "laptop") {
    steps.push(sql`licence as (
      insert into allocations (employee_id, pool_id, kind, status, parent_id, reserved_at, wave_day)
      select r.employee_id, (select id from pools where kind = 'vpn_licence'), 'vpn_licence', 'reserved', r.id, now(), ${today}
        from request r where r.status <> 'waiting')`);
  }
  if (mails.taken) steps.push(sql`taken_mail as (${outboxInsert(mails.taken.message, { when: sql`(select take from decision)` })})`);
  if (mails.waiting) {
    const fill = { placeholder: mails.waiting.placeholder!, value: sql`(select position from decision)::text` };
    steps.push(sql`waiting_mail as (${outboxInsert(mails.waiting.message, { when: sql`not (select take from decision)`, fill })})`);
  }
  if (record) {
    // As storeReceipt and recordAudit write them (details masked like every audit row's).
    const { receipt, audit } = record;
    steps.push(sql`answer as (
      update action_receipts set result = jsonb_build_object('allocationId', r.id, 'status', r.status, 'created', true)
        from request r where actor = ${receipt.actor} and action = ${receipt.action} and input_hash = ${receipt.hash})`);
    steps.push(sql`audit as (
      insert into audit_log (actor_employee_id, action, target_type, target_id, details)
      select ${audit.actorEmployeeId}::uuid, ${audit.action}, 'allocation', r.id::text, ${JSON.stringify(maskAvsDeep(audit.details))}::jsonb || jsonb_build_object('status', r.status)
        from request r)`);
  }
  return sql`
    with pools as (
      select p.id, p.kind::text as kind,
             p.in_use < p.capacity
             and (p.daily_activation_limit is null or (extract(isodow from ${today}) < 6 and coalesce(d.used, 0) < p.daily_activation_limit)) as room
        from resource_pools p left join activation_days d on d.pool_id = p.id and d.day = ${today}
       where p.kind::text in (${kinds})),
    queue as (
      select count(*)::int as ahead from allocations a
       where a.pool_id = (select id from pools where kind = ${kind}) and a.status = 'waiting'),
    decision as (
      select q.ahead = 0 and (select bool_and(room) from pools) as take, q.ahead + 1 as position from queue q),
    request as (
      insert into allocations (employee_id, pool_id, kind, status, handover_method, shipping_address, reserved_at, issued_at, wave_day)
      select ${employeeId}::uuid, (select id from pools where kind = ${kind}), ${kind}::pool_kind,
             (case when d.take then ${taken} else 'waiting' end)::allocation_status,
             ${address ? "ship" : null}::handover_method, ${address ? JSON.stringify(address) : null}::jsonb,
             case when d.take then now() end, case when d.take and ${taken} = 'issued' then now() end, case when d.take then ${today} end
        from decision d
      returning id, employee_id, status::text),
    units as (
      update resource_pools set in_use = in_use + 1, updated_at = now()
       where id in (select id from pools) and (select take from decision)
      returning id),
    wave as (
      insert into activation_days (pool_id, day, used) select id, ${today}, 1 from units
      on conflict (pool_id, day) do update set used = activation_days.used + 1)
    ${steps.length > 0 ? sql`, ${sql.join(steps, sql`, `)}` : sql``}
    select r.id, r.status from request r`;
}
