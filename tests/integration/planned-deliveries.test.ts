import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { rolloutForecast } from "@/lib/admin/rollout-forecast";
import { db } from "@/lib/db";
import { cancelDelivery, deliveryArrived, moveDelivery, planDelivery } from "@/lib/devices/deliveries";
import { getRouterRequest } from "@/lib/connectivity/service";
import { getDeviceRequest } from "@/lib/devices/queries";
import { createEligibleEmployees, seedJourney } from "../support/factories";

// Issue 17 points 1 and 2, through the domain on real PostgreSQL: a delivery planned for 300
// laptops gives a date to the first 300 people beyond stock and mails each of them once; moving
// it moves their dates and mails them once more; cancelling it takes the dates away (one mail
// each); recording one as arrived serves exactly the queue head, within today's wave.

const waiting = 350;
const wave = 100;
let people: { id: string; workEmail: string | null }[] = [];

/** The first working day at least `days` ahead with no holiday anywhere (so every canton takes it). */
async function quietDay(days: number): Promise<string> {
  const [row] = (await db().execute(sql`
    select d::date::text as day from generate_series((now() at time zone 'Europe/Zurich')::date + ${days}::int, (now() at time zone 'Europe/Zurich')::date + ${days}::int + 30, interval '1 day') d
     where extract(isodow from d) < 6 and not exists (select 1 from public_holidays h where h.day = d::date) order by d limit 1`)) as unknown as { day: string }[];
  return row.day;
}

/** Mails to the queued people with this subject start, per address. */
async function mails(subject: string): Promise<Map<string, number>> {
  const rows = (await db().execute(sql`
    select to_address, count(*)::int as n from outbox where subject like ${`${subject}%`} and to_address in ${people.map((p) => p.workEmail!)} group by to_address`)) as unknown as { to_address: string; n: number }[];
  return new Map(rows.map((r) => [r.to_address, r.n]));
}

const dateOf = async (i: number) => (await getDeviceRequest(people[i].id))?.expectedDate?.toISOString().slice(0, 10) ?? null;

beforeAll(async () => {
  await seedJourney();
  await db().execute(sql`update allocations set status = 'released', released_at = now() where kind = 'laptop' and status = 'waiting'`);
  await db().execute(sql`update planned_deliveries set status = 'cancelled' where status = 'planned'`);
  // No laptop free, plenty of VPN licences, a wave of 100 a day.
  await db().execute(sql`update resource_pools set capacity = in_use, daily_activation_limit = ${wave} where kind = 'laptop'`);
  await db().execute(sql`update resource_pools set capacity = in_use + 10000 where kind = 'vpn_licence'`);
  await db().execute(sql`delete from activation_days where pool_id = (select id from resource_pools where kind = 'laptop')`);
  people = await createEligibleEmployees(waiting, { language: "en" });
  await db().execute(sql`update employees set language = 'de' where id = ${people[0].id}`);
  for (const p of people)
    await db().execute(sql`insert into allocations (employee_id, pool_id, kind, status) select ${p.id}, id, 'laptop', 'waiting' from resource_pools where kind = 'laptop'`);
}, 120_000);

describe("a planned delivery gives dates and mails exactly those it changes", () => {
  test("planned, moved, cancelled: dates follow, each change mails each affected person once", async () => {
    expect(await dateOf(0)).toBeNull();
    const day = await quietDay(10);
    const planned = await db().transaction((tx) => planDelivery(tx, null, { kind: "laptop", expectedOn: day, quantity: 300 }));
    expect(planned.mailed).toBe(300);
    // The first 300 get dates from the delivery day on, 100 a day; the others have none.
    const first = await dateOf(0);
    expect(first).toBe(day);
    expect(await dateOf(99)).toBe(day);
    expect((await dateOf(100))! > day).toBe(true);
    expect(await dateOf(299)).not.toBeNull();
    expect(await dateOf(300)).toBeNull();
    let dated = await mails("Your device is expected on");
    const german = await mails("Ihr Gerät wird am");
    expect(dated.size + german.size).toBe(300);
    expect([...dated.values(), ...german.values()].every((n) => n === 1)).toBe(true);
    expect(german.get(people[0].workEmail!)).toBe(1);
    expect(dated.has(people[300].workEmail!)).toBe(false);
    // The crisis cell's forecast says the same: 50 beyond every delivery, and what 50 more would change.
    const laptops = (await rolloutForecast()).pools.find((p) => p.kind === "laptop")!;
    expect(laptops).toMatchObject({ waiting, equippedBy: null, beyond: 50, ifDelivered: { quantity: 50 } });
    expect(laptops.ifDelivered!.equippedBy! >= (await dateOf(299))!).toBe(true);

    // Moved a week later: the same 300 get later dates and one more mail each.
    const later = await quietDay(17);
    const [row] = (await db().execute(sql`select id, version from planned_deliveries where status = 'planned' and expected_on = ${day}::date`)) as unknown as { id: string; version: number }[];
    const moved = await db().transaction((tx) => moveDelivery(tx, { id: row.id, version: row.version, expectedOn: later, quantity: 300 }));
    expect(moved.mailed).toBe(300);
    expect(await dateOf(0)).toBe(later);
    dated = await mails("Your device is expected on");
    expect([...dated.values()].every((n) => n === 2)).toBe(true);
    expect(dated.size).toBe(299);

    // The same form sent again (a double click): refused as stale, nobody mailed.
    await expect(db().transaction((tx) => moveDelivery(tx, { id: row.id, version: row.version, expectedOn: later, quantity: 300 }))).rejects.toMatchObject({ key: "changedMeanwhile" });

    // Cancelled: no date any more, one "no date yet" each.
    const cancelled = await db().transaction((tx) => cancelDelivery(tx, { id: row.id, version: row.version + 1 }));
    expect(cancelled.mailed).toBe(300);
    expect(await dateOf(0)).toBeNull();
    const undated = await mails("No date yet for your device");
    expect(undated.size).toBe(299);
    expect([...undated.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  test("recorded as arrived: the stock grows by its quantity and exactly the queue head is served, within today's wave", async () => {
    const day = await quietDay(3);
    const { id } = await db().transaction((tx) => planDelivery(tx, null, { kind: "laptop", expectedOn: day, quantity: 150 }));
    const [{ capacity: before }] = (await db().execute(sql`select capacity from resource_pools where kind = 'laptop'`)) as unknown as { capacity: number }[];
    const arrived = await db().transaction((tx) => deliveryArrived(tx, { id, version: 1 }));
    const [{ working }] = (await db().execute(sql`select extract(isodow from (now() at time zone 'Europe/Zurich')::date) < 6 as working`)) as unknown as { working: boolean }[];
    const served = working ? wave : 0;
    expect(arrived).toMatchObject({ capacity: before + 150, promoted: served, quantity: 150 });
    const reserved = (await db().execute(sql`
      select employee_id from allocations where kind = 'laptop' and status = 'reserved' and employee_id in ${people.map((p) => p.id)}`)) as unknown as { employee_id: string }[];
    expect(new Set(reserved.map((r) => r.employee_id))).toEqual(new Set(people.slice(0, served).map((p) => p.id)));
    // It is no longer planned: arriving twice is refused.
    await expect(db().transaction((tx) => deliveryArrived(tx, { id, version: 2 }))).rejects.toMatchObject({ key: "deliveryNotPlanned" });
    // The rest of the stock that came goes to the next ones on the next days: they have dates again.
    expect(await dateOf(served)).not.toBeNull();
    expect(await dateOf(149)).not.toBeNull();
    expect(await dateOf(150)).toBeNull();
  }, 120_000);

  test("someone waiting for a 4G router gets their place and, once a delivery covers it, a date and one mail", async () => {
    await db().execute(sql`update allocations set status = 'released', released_at = now() where kind = 'router_4g' and status = 'waiting'`);
    await db().execute(sql`update resource_pools set capacity = in_use, daily_activation_limit = null where kind = 'router_4g'`);
    const [first, second] = await createEligibleEmployees(2, { language: "en" });
    for (const p of [first, second])
      await db().execute(sql`insert into allocations (employee_id, pool_id, kind, status) select ${p.id}, id, 'router_4g', 'waiting' from resource_pools where kind = 'router_4g'`);
    expect(await getRouterRequest(second.id)).toMatchObject({ status: "waiting", position: 2, expectedDate: null });
    const day = await quietDay(5);
    const { mailed } = await db().transaction((tx) => planDelivery(tx, null, { kind: "router_4g", expectedOn: day, quantity: 1 }));
    expect(mailed).toBe(1);
    expect((await getRouterRequest(first.id))?.expectedDate?.toISOString().slice(0, 10)).toBe(day);
    expect(await getRouterRequest(second.id)).toMatchObject({ position: 2, expectedDate: null });
  }, 60_000);

  test("a supplier's plan: checked first, all or nothing, a revised plan moves its lines by reference, and each person is mailed once per import", async () => {
    const { importDeliveryPlan } = await import("@/lib/devices/delivery-import");
    await db().execute(sql`update planned_deliveries set status = 'cancelled' where status = 'planned'`);
    const first = await quietDay(20);
    const later = await quietDay(27);
    const csv = (text: string) => new TextEncoder().encode(text);
    const plan = (rows: string) => db().transaction((tx) => importDeliveryPlan(tx, null, csv(`pool,date,quantity,reference\n${rows}`), true));
    // A bad line refuses the whole file, named by line and column.
    const bad = await db().transaction((tx) => importDeliveryPlan(tx, null, csv(`pool,date,quantity,reference\nlaptop,${first},40,PO-1\ntablet,${first},0,PO-2\nlaptop,2020-01-01,5,PO-1\n`), true));
    expect(bad.applied).toBe(false);
    expect(bad.issues.map((i) => `${i.line}:${i.column}:${i.key}`)).toEqual(["3:pool:deliveryPoolUnknown", "3:quantity:numberInvalid", "4:date:deliveryInPast", "4:reference:importDuplicate"]);
    expect(await db().execute(sql`select 1 from planned_deliveries where status = 'planned'`)).toHaveLength(0);
    // Checked: what it would do, nothing written.
    const check = await db().transaction((tx) => importDeliveryPlan(tx, null, csv(`pool,date,quantity,reference\nlaptop,${first},40,PO-1\nlaptop,${first},10,PO-2\n`), false));
    expect(check).toMatchObject({ applied: false, planned: 2, moved: 0, mailed: 0 });
    expect(await db().execute(sql`select 1 from planned_deliveries where status = 'planned'`)).toHaveLength(0);
    // Applied: two lines, one mail to each of the 50 people they cover (not one per line).
    const before = await mails("Your device is expected on");
    expect(await plan(`laptop,${first},40,PO-1\nlaptop,${first},10,PO-2\n`)).toMatchObject({ applied: true, planned: 2, moved: 0, mailed: 50 });
    const after = await mails("Your device is expected on");
    const more = [...after].map(([address, n]) => n - (before.get(address) ?? 0)).filter((d) => d !== 0);
    expect(more).toEqual(Array(50).fill(1));
    const waitingNow = ((await db().execute(sql`select count(*)::int as n from allocations where kind = 'laptop' and status = 'waiting'`)) as unknown as { n: number }[])[0].n;
    expect(waitingNow).toBeGreaterThanOrEqual(50);
    // The revised plan moves PO-1 a week later: planned again it would be twice; it is moved instead.
    const revised = await plan(`laptop,${later},40,PO-1\n`);
    expect(revised).toMatchObject({ applied: true, planned: 0, moved: 1 });
    expect(revised.mailed).toBeGreaterThan(0);
    const rows = (await db().execute(sql`select reference, expected_on::text as day, quantity from planned_deliveries where status = 'planned' order by reference`)) as unknown as { reference: string; day: string; quantity: number }[];
    expect(rows).toEqual([
      { reference: "PO-1", day: later, quantity: 40 },
      { reference: "PO-2", day: first, quantity: 10 },
    ]);
  }, 120_000);
});
