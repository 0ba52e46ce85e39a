import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db } from "@/db/client";
import { db } from "@/lib/db";
import { promoteQueue, requestDevice, requestRouter } from "@/lib/devices/service";
import { createEligibleEmployees, seedJourney } from "../support/factories";

// A daily activation wave is a limit like stock: never exceeded, however many
// requests arrive at once and however many instances serve them. Two pools from
// createDb are two instances on one database; each runs many transactions at once.

const instances: ReturnType<typeof createDb>[] = [];
const instance = (i: number): Db => instances[i % instances.length].db;

beforeAll(async () => {
  await seedJourney();
  for (let i = 0; i < 2; i += 1) instances.push(createDb(process.env.DATABASE_URL!, { max: 10 }));
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.sql.end({ timeout: 5 })));
});

const wave = 20;
const crowd = 80;
const home = { street: "Rue du Lac 1", postcode: "1000", city: "Lausanne" };

/** Activations a day allows (none at weekends), so the test holds whatever day it runs. */
async function allowedToday(limit: number): Promise<number> {
  const [{ working }] = (await db().execute(sql`select extract(isodow from (now() at time zone 'Europe/Zurich')::date) < 6 as working`)) as unknown as { working: boolean }[];
  return working ? limit : 0;
}

/** Plenty of stock, a wave of `limit` (or none), nobody waiting and nothing activated today yet. */
async function openPool(kind: string, limit: number | null) {
  await db().execute(sql`update allocations set status = 'released', released_at = now() where kind = ${kind} and status = 'waiting'`);
  await db().execute(sql`update resource_pools set capacity = in_use + 1000, daily_activation_limit = ${limit} where kind = ${kind}`);
  await db().execute(sql`delete from activation_days where pool_id = (select id from resource_pools where kind = ${kind})`);
}

/** What the day's counter says, what was really reserved today, and the stock. */
async function today(kind: string, people: { id: string }[]) {
  const ids = sql.join(people.map((p) => sql`${p.id}`), sql`, `);
  const [row] = (await db().execute(sql`
    select coalesce((select used from activation_days d where d.pool_id = p.id and d.day = (now() at time zone 'Europe/Zurich')::date), 0)::int as counted,
           (select count(*)::int from allocations a where a.pool_id = p.id and a.employee_id in (${ids}) and a.status in ('reserved', 'issued')) as activated,
           (select count(*)::int from allocations a where a.pool_id = p.id and a.status in ('reserved', 'issued')) as held,
           p.in_use, p.capacity
      from resource_pools p where p.kind = ${kind}`)) as unknown as { counted: number; activated: number; held: number; in_use: number; capacity: number }[];
  return row;
}

function expectWaveHeld(state: Awaited<ReturnType<typeof today>>, allowed: number) {
  expect(state.activated).toBe(allowed);
  expect(state.counted).toBe(allowed);
  // No overbooking: the stock counter matches the reservations and stays within capacity.
  expect(state.in_use).toBe(state.held);
  expect(state.in_use).toBeLessThanOrEqual(state.capacity);
}

describe("the daily activation wave is never exceeded under concurrent requests", () => {
  test.each([
    ["laptops", "laptop", "laptop"],
    ["VDI seats", "vdi_seat", "vdi"],
  ] as const)("%s: 80 people at once across two instances, a wave of 20", async (_name, kind, path) => {
    await openPool(kind, wave);
    if (kind === "laptop") await openPool("vpn_licence", null);
    const people = await createEligibleEmployees(crowd, { jobFamily: path === "vdi" ? "call_centre_agent" : "engineer" });
    const results = await Promise.all(people.map((p, i) => instance(i).transaction((tx) => requestDevice(tx, p.id, path))));
    const allowed = await allowedToday(wave);
    expect(results.filter((r) => r.status !== "waiting")).toHaveLength(allowed);
    expectWaveHeld(await today(kind, people), allowed);
  }, 120_000);

  test("4G routers: 80 people at once across two instances, a wave of 20", async () => {
    await openPool("router_4g", wave);
    const people = await createEligibleEmployees(crowd);
    const results = await Promise.all(people.map((p, i) => instance(i).transaction((tx) => requestRouter(tx, p.id, home))));
    const allowed = await allowedToday(wave);
    expect(results.filter((r) => r.status !== "waiting")).toHaveLength(allowed);
    expectWaveHeld(await today("router_4g", people), allowed);
  }, 120_000);

  test("VPN licences: their own wave holds back laptops (each laptop takes a licence)", async () => {
    await openPool("laptop", null);
    await openPool("vpn_licence", wave);
    const people = await createEligibleEmployees(crowd, { jobFamily: "engineer" });
    await Promise.all(people.map((p, i) => instance(i).transaction((tx) => requestDevice(tx, p.id, "laptop"))));
    const allowed = await allowedToday(wave);
    expectWaveHeld(await today("vpn_licence", people), allowed);
    expect((await today("laptop", people)).activated).toBe(allowed);
  }, 120_000);

  test("queue promotions run at once (workers, cancellations, arrivals on every instance) stay within the wave", async () => {
    // Everyone waits for stock; then stock arrives and ten promotions of this pool run at the same moment.
    await openPool("vdi_seat", wave);
    await db().execute(sql`update resource_pools set capacity = in_use where kind = 'vdi_seat'`);
    const people = await createEligibleEmployees(crowd, { jobFamily: "call_centre_agent" });
    for (const [i, p] of people.entries()) await instance(i).transaction((tx) => requestDevice(tx, p.id, "vdi"));
    await db().execute(sql`update resource_pools set capacity = in_use + 1000 where kind = 'vdi_seat'`);
    const promoted = await Promise.all(Array.from({ length: 10 }, (_, i) => instance(i).transaction((tx) => promoteQueue(tx, "vdi_seat"))));
    const allowed = await allowedToday(wave);
    expect(promoted.reduce((a, b) => a + b, 0)).toBe(allowed);
    expectWaveHeld(await today("vdi_seat", people), allowed);
  }, 120_000);
});
