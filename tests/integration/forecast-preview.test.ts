import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { previewDelivery, previewPool } from "@/lib/admin/forecast-preview";
import { rolloutForecast } from "@/lib/admin/rollout-forecast";
import { db } from "@/lib/db";
import { moveDelivery, planDelivery } from "@/lib/devices/deliveries";
import { updatePool } from "@/lib/devices/pool-admin";
import { createEligibleEmployees, seedJourney } from "../support/factories";

// Issue 17 point 3: the stock page shows a delivery's or a wave's effect on the forecast before it is saved.
// The preview writes nothing, and says exactly what the dashboard's forecast says once the same
// delivery is saved (planned, then moved).

const laptopForecast = async () => (await rolloutForecast()).pools.find((p) => p.kind === "laptop")!.equippedBy;
const changes = async () => ((await db().execute(sql`select (select count(*) from planned_deliveries)::int + (select count(*) from outbox)::int + (select count(*) from audit_log)::int as n`)) as unknown as { n: number }[])[0].n;

async function openDay(days: number): Promise<string> {
  const [row] = (await db().execute(sql`
    select d::date::text as day from generate_series((now() at time zone 'Europe/Zurich')::date + ${days}::int, (now() at time zone 'Europe/Zurich')::date + ${days}::int + 30, interval '1 day') d
     where extract(isodow from d) < 6 and not exists (select 1 from public_holidays h where h.day = d::date) order by d limit 1`)) as unknown as { day: string }[];
  return row.day;
}

beforeAll(async () => {
  await seedJourney();
  await db().execute(sql`update allocations set status = 'released', released_at = now() where kind = 'laptop' and status = 'waiting'`);
  await db().execute(sql`update planned_deliveries set status = 'cancelled' where status = 'planned'`);
  await db().execute(sql`update resource_pools set capacity = in_use, daily_activation_limit = 10 where kind = 'laptop'`);
  await db().execute(sql`update resource_pools set capacity = in_use + 1000 where kind = 'vpn_licence'`);
  const people = await createEligibleEmployees(35);
  for (const p of people) await db().execute(sql`insert into allocations (employee_id, pool_id, kind, status) select ${p.id}, id, 'laptop', 'waiting' from resource_pools where kind = 'laptop'`);
}, 60_000);

test("a new delivery, then a moved one: the preview equals the forecast once saved, and writes nothing", async () => {
  const day = await openDay(8);
  const before = await changes();
  const preview = await previewDelivery(db(), { kind: "laptop", expectedOn: day, quantity: 35 });
  expect(await changes()).toBe(before);
  expect(preview).toMatchObject({ waiting: 35, before: null });
  // 35 people at 10 a day from the delivery day: the fourth open day from it.
  expect(preview.after! > day).toBe(true);

  const planned = await db().transaction((tx) => planDelivery(tx, null, { kind: "laptop", expectedOn: day, quantity: 35 }));
  expect(await laptopForecast()).toBe(preview.after);

  // Too few units: the preview says no date for everyone yet.
  expect((await previewDelivery(db(), { kind: "laptop", expectedOn: day, quantity: 1 })).after).toBe(preview.after);
  expect((await previewDelivery(db(), { kind: "laptop", deliveryId: planned.id, expectedOn: day, quantity: 20 })).after).toBeNull();

  // Moving the saved delivery a week later: counted once, at its new day.
  const later = await openDay(15);
  const moved = await previewDelivery(db(), { kind: "laptop", deliveryId: planned.id, expectedOn: later, quantity: 35 });
  expect(moved.before).toBe(preview.after);
  await db().transaction((tx) => moveDelivery(tx, { id: planned.id, version: 1, expectedOn: later, quantity: 35 }));
  expect(await laptopForecast()).toBe(moved.after);
  expect(moved.after! > preview.after!).toBe(true);
});

test("a smaller daily wave, as typed on the pool form: the preview equals the forecast once saved, and writes nothing", async () => {
  const [{ inUse }] = (await db().execute(sql`select in_use::int as "inUse" from resource_pools where kind = 'laptop'`)) as unknown as { inUse: number }[];
  const now = await laptopForecast();
  const before = await changes();
  // No unit free (capacity = in use): only the wave changes, from 10 a day to 5.
  const preview = await previewPool(db(), { kind: "laptop", capacity: inUse, dailyLimit: 5 });
  expect(await changes()).toBe(before);
  expect(preview.before).toBe(now);
  expect(preview.after! > now!).toBe(true);
  expect((await previewPool(db(), { kind: "laptop", capacity: inUse, dailyLimit: 10 })).after).toBe(now);
  await db().transaction((tx) => updatePool(tx, "laptop", { capacity: inUse, dailyLimit: 5 }));
  expect(await laptopForecast()).toBe(preview.after);
});
