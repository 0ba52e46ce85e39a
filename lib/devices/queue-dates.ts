import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Contact } from "@/lib/roster/queries";
import { contactAddressSql } from "@/lib/roster/queries";
import { personDate, queueDates, type Delivery, type PoolForecastInput } from "./forecast";
import type { PoolKind } from "./pools";
import { queuePosition } from "./service";

// Every queued person's date, from the stock, today's wave, the planned deliveries and the
// holidays (lib/devices/forecast.ts does the arithmetic). The status page, /device and the mails
// sent when a delivery is planned, moved or cancelled all read it here, so they agree.

/** A pool's facts for the forecast, as of now; `deliveries`: the planned ones. */
export type PoolFacts = {
  poolId: string;
  input: PoolForecastInput;
  /** What `input` was derived from, for a forecast with other stock or another wave (lib/admin/forecast-preview.ts). */
  stock: { inUse: number; vpnFree: number | null; usedToday: number };
  holidays: Map<string, Set<string>>;
  closed: Map<string, Set<string>>;
};

type PoolRow = {
  id: string;
  kind: PoolKind;
  today: string;
  capacity: number;
  inUse: number;
  vpnFree: number | null;
  dailyLimit: number | null;
  usedToday: number;
  waiting?: number;
  deliveries: Delivery[];
  holidays: { canton: string; day: string }[];
};

/**
 * The pools' facts as of now: free units (a laptop also needs a VPN licence), today's wave,
 * planned deliveries and the holidays ahead, of every canton or the national ones only (a
 * pool's own days are national; a person's date adds their canton's). `waiting`: also count
 * each pool's queue. Holidays are read for the next 400 days: beyond that, a date is a guess anyway.
 */
function poolRows(where: SQL, options: { cantons: "all" | "national"; waiting?: boolean }): SQL {
  const zurichToday = sql`(now() at time zone 'Europe/Zurich')::date`;
  return sql`
    select p.id, p.kind::text as kind, ${zurichToday}::text as today, p.capacity::int as capacity, p.in_use::int as "inUse",
           (select capacity - in_use from resource_pools where kind = 'vpn_licence' and p.kind = 'laptop')::int as "vpnFree",
           p.daily_activation_limit as "dailyLimit",
           coalesce((select used from activation_days d where d.pool_id = p.id and d.day = ${zurichToday}), 0)::int as "usedToday",
           ${options.waiting ? sql`(select count(*) from allocations a where a.pool_id = p.id and a.status = 'waiting')::int` : sql`null::int`} as waiting,
           coalesce((select json_agg(json_build_object('date', d.expected_on::text, 'quantity', d.quantity) order by d.expected_on)
                       from planned_deliveries d where d.pool_id = p.id and d.status = 'planned'), '[]') as deliveries,
           coalesce((select json_agg(json_build_object('canton', h.canton, 'day', h.day::text))
                       from public_holidays h where h.day >= ${zurichToday} and h.day < ${zurichToday} + 400
                        ${options.cantons === "national" ? sql`and h.canton = 'CH'` : sql``}), '[]') as holidays
      from resource_pools p where ${where} order by p.kind`;
}

function factsOf(pool: PoolRow): PoolFacts {
  const holidays = new Map<string, Set<string>>();
  for (const h of pool.holidays) {
    if (!holidays.has(h.canton)) holidays.set(h.canton, new Set());
    holidays.get(h.canton)!.add(h.day);
  }
  const national = holidays.get("CH") ?? new Set<string>();
  const input: PoolForecastInput = {
    today: pool.today,
    freeUnits: freeUnits(pool.capacity, pool.inUse, pool.vpnFree),
    dailyLimit: pool.dailyLimit,
    remainingToday: pool.dailyLimit === null ? null : pool.dailyLimit - pool.usedToday,
    deliveries: pool.deliveries,
    closedDays: national,
  };
  return { poolId: pool.id, input, stock: { inUse: pool.inUse, vpnFree: pool.vpnFree, usedToday: pool.usedToday }, holidays, closed: new Map() };
}

/** The pool's facts, with every canton's holidays (a queued person's date is in their canton's calendar). */
export async function poolFacts(tx: DbOrTx, kind: PoolKind): Promise<PoolFacts> {
  const [pool] = (await tx.execute(poolRows(sql`p.kind = ${kind}::pool_kind`, { cantons: "all" }))) as unknown as PoolRow[];
  return factsOf(pool);
}

/**
 * Several pools' forecast inputs and queues in one statement, with the national holidays only:
 * the pools' own days (the dashboard's forecast), never a person's date.
 */
export async function poolForecastInputs<K extends PoolKind>(tx: DbOrTx, kinds: readonly K[]): Promise<{ kind: K; input: PoolForecastInput; waiting: number }[]> {
  const rows = (await tx.execute(poolRows(sql`p.kind::text in ${[...kinds]}`, { cantons: "national", waiting: true }))) as unknown as PoolRow[];
  return rows.map((row) => ({ kind: row.kind as K, input: factsOf(row).input, waiting: row.waiting ?? 0 }));
}

/** Units free for the queue: the pool's, and for a laptop also a free VPN licence (`vpnFree`; null: none needed). */
export function freeUnits(capacity: number, inUse: number, vpnFree: number | null): number {
  return Math.max(0, Math.min(capacity - inUse, vpnFree ?? Number.POSITIVE_INFINITY));
}

/** The days a person of `canton` cannot receive a unit: national holidays and their canton's. */
export function closedFor(facts: PoolFacts, canton: string | null): Set<string> {
  const key = canton ?? "CH";
  let closed = facts.closed.get(key);
  if (!closed) {
    const national = facts.holidays.get("CH") ?? new Set<string>();
    const own = canton ? facts.holidays.get(canton) : undefined;
    facts.closed.set(key, (closed = own ? new Set([...national, ...own]) : national));
  }
  return closed;
}

/** One queued person's date (null: beyond every known delivery). */
export function dateAt(facts: PoolFacts, position: number, canton: string | null): string | null {
  if (position < 1) return null;
  return personDate(queueDates(facts.input, position)[position - 1], closedFor(facts, canton));
}

/**
 * A waiting request's place in its pool's queue and the date it is expected on (null: beyond
 * every known delivery), in the calendar of its person's canton: what /device, the status page
 * and /connectivity show.
 */
export async function queuePlace(tx: DbOrTx, allocation: { id: string; kind: PoolKind }): Promise<{ position: number; expectedDate: Date | null }> {
  // Three reads that do not depend on each other: one round trip's wait, not three (the status
  // page and /device of everyone waiting read this on every view).
  const [position, cantons, facts] = await Promise.all([
    queuePosition(tx, allocation.id),
    tx.execute(sql`
      select s.canton from allocations a join employees e on e.id = a.employee_id left join sites s on s.id = e.site_id where a.id = ${allocation.id}`),
    poolFacts(tx, allocation.kind),
  ]);
  const [{ canton }] = cantons as unknown as { canton: string | null }[];
  const day = dateAt(facts, position, canton);
  return { position, expectedDate: day ? new Date(`${day}T00:00:00Z`) : null };
}

export type QueuedPerson = { allocationId: string; employeeId: string; kind: PoolKind; position: number; canton: string | null; contact: Contact };

/** The pool's queue in order, with what a mail to each person needs. */
export async function queuedPeople(tx: DbOrTx, poolId: string): Promise<QueuedPerson[]> {
  const rows = (await tx.execute(sql`
    select a.id as "allocationId", a.employee_id as "employeeId", a.kind::text as kind, s.canton,
           ${contactAddressSql("e")} as address, coalesce(u.locale::text, e.language::text) as locale, e.first_name as "firstName"
      from allocations a join employees e on e.id = a.employee_id
      left join sites s on s.id = e.site_id
      left join users u on u.employee_id = e.id
     where a.pool_id = ${poolId} and a.status = 'waiting'
     order by a.priority desc, a.queue_seq`)) as unknown as { allocationId: string; employeeId: string; kind: PoolKind; canton: string | null; address: string | null; locale: Contact["locale"]; firstName: string }[];
  return rows.map((r, i) => ({ allocationId: r.allocationId, employeeId: r.employeeId, kind: r.kind, position: i + 1, canton: r.canton, contact: { address: r.address, locale: r.locale, firstName: r.firstName } }));
}

/** Each queued person's date under `input` (in queue order). */
export function datesOf(facts: PoolFacts, input: PoolForecastInput, people: QueuedPerson[]): (string | null)[] {
  const pool = queueDates(input, people.length);
  return people.map((p, i) => personDate(pool[i], closedFor(facts, p.canton)));
}
