import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { recommendPath, type RecommendationRules } from "../../lib/devices/rules";
import { addDays, isWorkingDay, weighted, workingDayAfter, zurichAt, zurichDay, type Clock } from "./rollout-clock";
import type { Story } from "./rollout-people";

// Device requests replayed through the rules of lib/devices: the FIFO queue per pool, the
// stock, and each pool's activations per working day (a laptop also takes a VPN licence; the
// worker promotes the queue at the start of each working day). Written set-based; the pools'
// counters, the activations per day and the slots' bookings grow by what the rows take.

/** Laptops the imaging bench prepares a day during the roll-out: fewer than people ask for. */
export const rolloutLaptopsPerDay = 25;

type Kind = "laptop" | "vdi_seat";
type Pool = { id: string; kind: string; capacity: number; in_use: number; daily_activation_limit: number | null };
type Slot = { id: string; site_id: string; starts_at: Date; capacity: number; booked: number };

export type Allocation = {
  id: string;
  employeeId: string;
  kind: Kind;
  requestedAt: Date;
  status: "waiting" | "reserved" | "issued";
  reservedAt?: Date;
  issuedAt?: Date;
  waveDay?: string;
  handover?: { method: "collect"; slot: Slot } | { method: "ship"; address: { street: string; postcode: string; city: string } };
};

const shipTo: Record<string, { street: string; postcode: string; city: string }[]> = {
  LSN: [{ street: "Avenue de Morges 12", postcode: "1004", city: "Lausanne" }, { street: "Chemin du Levant 4", postcode: "1110", city: "Morges" }],
  ZRH: [{ street: "Badenerstrasse 310", postcode: "8004", city: "Zürich" }, { street: "Dorfstrasse 7", postcode: "8902", city: "Urdorf" }],
  FRI: [{ street: "Route du Jura 21", postcode: "1700", city: "Fribourg" }, { street: "Impasse des Lilas 3", postcode: "1762", city: "Givisiez" }],
};

const poolsFor: Record<Kind, string[]> = { laptop: ["laptop", "vpn_licence"], vdi_seat: ["vdi_seat"] };

/** Requests, the queue day by day, and the handover of reserved laptops. */
export async function seedDevices(tx: Tx, clock: Clock, stories: Story[]): Promise<Map<string, Allocation>> {
  await tx.execute(sql`update resource_pools set daily_activation_limit = ${rolloutLaptopsPerDay}, updated_at = now() where kind = 'laptop'`);
  // The roll-out's own collection slots, from day 1 to two working days ahead (topUpCollectionSlots
  // adds the later ones): someone whose laptop was reserved this afternoon picks a slot tomorrow,
  // so at any hour of day 3 some people are waiting to collect theirs.
  await tx.execute(sql`
    insert into collection_slots (site_id, starts_at, ends_at, capacity)
    select s.id, (d::date + t)::timestamp at time zone 'Europe/Zurich', (d::date + t + interval '1 hour')::timestamp at time zone 'Europe/Zurich', 12
      from sites s cross join generate_series(${clock.d1}::date, ${workingDayAfter(workingDayAfter(clock.today))}::date, interval '1 day') d
     cross join (values (time '09:00'), (time '11:00'), (time '14:00'), (time '16:00')) as slot(t)
     where extract(isodow from d) < 6
    on conflict (site_id, starts_at) do nothing`);
  const pools = new Map(((await tx.execute(sql`select id, kind::text, capacity, in_use, daily_activation_limit from resource_pools`)) as unknown as Pool[]).map((p) => [p.kind, p]));
  const slots = ((await tx.execute(sql`
    select id, site_id, starts_at, capacity, booked from collection_slots where starts_at >= ${zurichAt(clock.d1, 0).toISOString()}::timestamptz order by starts_at, site_id`)) as unknown as (Slot & { starts_at: string })[]).map((s) => ({ ...s, starts_at: new Date(s.starts_at) }));
  const [setting] = (await tx.execute(sql`select value from settings where key = 'device_recommendations'`)) as unknown as { value: RecommendationRules }[];

  const allocations = new Map<string, Allocation>();
  for (const story of stories) {
    if (story.decision?.outcome !== "eligible" || story.draw() >= 0.9) continue;
    const recommended = recommendPath(setting.value, story.jobFamily);
    const path = story.draw() < 0.85 ? recommended : recommended === "vdi" ? "laptop" : "vdi";
    const requestedAt = clock.toward(story.last, 0.01 + 0.15 * story.draw());
    story.last = requestedAt;
    story.device = { kind: path === "vdi" ? "vdi_seat" : "laptop", requestedAt };
    allocations.set(story.id, { id: randomUUID(), employeeId: story.id, kind: story.device.kind, requestedAt, status: "waiting" });
  }

  // The queue, replayed: at the start of each working day the worker promotes whoever waits,
  // then each request is served at once only when nobody waits and stock and wave allow it.
  const requests = [...allocations.values()].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  // Activations already taken (an .data/ used before this seed): the waves count them too.
  const used = new Map(
    ((await tx.execute(sql`select p.kind::text as kind, d.day::text as day, d.used from activation_days d join resource_pools p on p.id = d.pool_id`)) as unknown as { kind: string; day: string; used: number }[]).map((r) => [`${r.kind}:${r.day}`, r.used]),
  );
  const canReserve = (kind: Kind, day: string) =>
    isWorkingDay(day) && poolsFor[kind].every((k) => {
      const pool = pools.get(k)!;
      return pool.in_use < pool.capacity && (pool.daily_activation_limit === null || (used.get(`${k}:${day}`) ?? 0) < pool.daily_activation_limit);
    });
  const reserve = (a: Allocation, day: string, at: Date) => {
    for (const k of poolsFor[a.kind]) {
      pools.get(k)!.in_use += 1;
      used.set(`${k}:${day}`, (used.get(`${k}:${day}`) ?? 0) + 1);
    }
    Object.assign(a, { status: a.kind === "vdi_seat" ? "issued" : "reserved", reservedAt: at, waveDay: day, issuedAt: a.kind === "vdi_seat" ? at : undefined });
  };
  const waiting: Record<Kind, Allocation[]> = { laptop: [], vdi_seat: [] };
  let next = 0;
  for (let day = requests.length ? zurichDay(requests[0].requestedAt) : clock.today; day <= clock.today; day = addDays(day, 1)) {
    // (Started in the first minute of a day, the worker has not run yet: it will promote them itself.)
    const promoteAt = zurichAt(day, 0).getTime() + 30_000;
    for (const kind of ["laptop", "vdi_seat"] as const) {
      let promoted = 0;
      while (promoteAt < clock.now.getTime() - 60_000 && waiting[kind].length && canReserve(kind, day)) reserve(waiting[kind].shift()!, day, new Date(promoteAt + 100 * promoted++));
    }
    for (; next < requests.length && zurichDay(requests[next].requestedAt) === day; next += 1) {
      const a = requests[next];
      if (waiting[a.kind].length === 0 && canReserve(a.kind, day)) reserve(a, day, a.requestedAt);
      else waiting[a.kind].push(a);
    }
  }

  for (const story of stories) {
    const a = allocations.get(story.id);
    if (!a || a.status !== "reserved") continue;
    story.last = new Date(Math.max(story.last.getTime(), a.reservedAt!.getTime()));
    const choice = weighted(story.draw(), [["none", 30], ["collect", 45], ["ship", 25]] as const);
    if (choice === "none") continue;
    const chosenAt = clock.toward(story.last, 0.01 + 0.1 * story.draw());
    story.last = chosenAt;
    if (choice === "collect") {
      // People pick one of their site's next eight free slots (two days of them), not all the
      // first one: some collect later today or tomorrow, so the demo has people waiting to
      // collect at any hour of day 3.
      const open = slots.filter((s) => s.site_id === story.siteId && s.booked < s.capacity && s.starts_at.getTime() > chosenAt.getTime() + 2 * 3_600_000).slice(0, 8);
      if (open.length === 0) continue;
      const slot = open[Math.floor(story.draw() * open.length)];
      slot.booked += 1;
      a.handover = { method: "collect", slot };
      const collected = new Date(slot.starts_at.getTime() + (5 + Math.floor(story.draw() * 40)) * 60_000);
      if (collected.getTime() < clock.now.getTime() - 10 * 60_000) Object.assign(a, { status: "issued", issuedAt: collected });
    } else {
      const list = shipTo[story.siteCode] ?? shipTo.LSN;
      a.handover = { method: "ship", address: list[Math.floor(story.draw() * list.length)] };
      const shipped = new Date(chosenAt.getTime() + 18 * 3_600_000);
      if (shipped.getTime() < clock.now.getTime() - 10 * 60_000) Object.assign(a, { status: "issued", issuedAt: shipped });
    }
    if (a.issuedAt) story.last = a.issuedAt;
  }

  const rows = requests.map((a, n) => ({
    n,
    id: a.id,
    employee_id: a.employeeId,
    pool_id: pools.get(a.kind)!.id,
    kind: a.kind,
    status: a.status,
    wave_day: a.waveDay ?? null,
    handover_method: a.handover?.method ?? null,
    collection_slot_id: a.handover?.method === "collect" ? a.handover.slot.id : null,
    shipping_address: a.handover?.method === "ship" ? a.handover.address : null,
    requested_at: a.requestedAt,
    reserved_at: a.reservedAt ?? null,
    issued_at: a.issuedAt ?? null,
  }));
  // In request order, so queue_seq (bigserial) follows it as it does when people ask one by one.
  await tx.execute(sql`
    insert into allocations (id, employee_id, pool_id, kind, status, wave_day, handover_method, collection_slot_id, shipping_address, requested_at, reserved_at, issued_at)
    select x.id, x.employee_id, x.pool_id, x.kind::pool_kind, x.status::allocation_status, x.wave_day, x.handover_method::handover_method, x.collection_slot_id,
           x.shipping_address, x.requested_at, x.reserved_at, x.issued_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, employee_id uuid, pool_id uuid, kind text, status text, wave_day date,
           handover_method text, collection_slot_id uuid, shipping_address jsonb, requested_at timestamptz, reserved_at timestamptz, issued_at timestamptz, n bigint)
     order by x.n`);
  const ids = JSON.stringify(rows.map((r) => r.id));
  // A laptop's VPN licence follows it: reserved with it, and it stays "reserved" (lib/devices/service.ts).
  await tx.execute(sql`
    insert into allocations (employee_id, pool_id, kind, status, parent_id, requested_at, reserved_at, wave_day)
    select a.employee_id, p.id, 'vpn_licence', 'reserved', a.id, a.reserved_at, a.reserved_at, a.wave_day
      from allocations a join resource_pools p on p.kind = 'vpn_licence'
     where a.kind = 'laptop' and a.status in ('reserved', 'issued') and a.id in (select (jsonb_array_elements_text(${ids}::jsonb))::uuid)
     order by a.reserved_at`);
  await addCounts(tx, sql`select id from allocations where id in (select (jsonb_array_elements_text(${ids}::jsonb))::uuid) or parent_id in (select (jsonb_array_elements_text(${ids}::jsonb))::uuid)`);
  return allocations;
}

/**
 * What takeUnits and chooseHandover count as each of these allocations is made: the pools'
 * units in use, each pool's activations on its wave day, and the collection slots' bookings.
 */
export async function addCounts(tx: Tx, allocationIds: SQL): Promise<void> {
  await tx.execute(sql`
    create temporary table seeded_allocations as
    select a.* from allocations a where a.id in (${allocationIds})`);
  await tx.execute(sql`
    update resource_pools p set in_use = p.in_use + c.n, updated_at = now()
      from (select pool_id, count(*)::int as n from seeded_allocations where status in ('reserved', 'issued') group by pool_id) c
     where c.pool_id = p.id`);
  await tx.execute(sql`
    insert into activation_days (pool_id, day, used)
    select pool_id, wave_day, count(*)::int from seeded_allocations where wave_day is not null and status in ('reserved', 'issued') group by pool_id, wave_day
    on conflict (pool_id, day) do update set used = activation_days.used + excluded.used`);
  await tx.execute(sql`
    update collection_slots s set booked = s.booked + c.n
      from (select collection_slot_id, count(*)::int as n from seeded_allocations where collection_slot_id is not null and status in ('reserved', 'issued') group by collection_slot_id) c
     where c.collection_slot_id = s.id`);
  await tx.execute(sql`drop table seeded_allocations`);
}
