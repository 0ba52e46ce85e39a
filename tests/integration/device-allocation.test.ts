import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { refusal } from "../support/refusal";
import { cancelDevice, chooseHandover, promoteAllQueues, queuePosition, requestDevice } from "@/lib/devices/service";
import { createEligibleEmployees, createEmployee, seedJourney, setPool } from "../support/factories";

const request = (employeeId: string, path: "laptop" | "vdi") => db().transaction((tx) => requestDevice(tx, employeeId, path));
const cancel = (employeeId: string) => db().transaction((tx) => cancelDevice(tx, employeeId));

async function poolState(kind: string) {
  const [row] = (await db().execute(sql`
    select p.capacity, p.in_use,
           (select count(*)::int from allocations a where a.pool_id = p.id and a.status in ('reserved', 'issued')) as counted,
           (select count(*)::int from allocations a where a.pool_id = p.id and a.status = 'waiting') as waiting
      from resource_pools p where p.kind = ${kind}`)) as unknown as { capacity: number; in_use: number; counted: number; waiting: number }[];
  return row;
}


beforeAll(seedJourney);

/** Empties a pool's queue so a test starts from a known state. */
async function clearQueue(kind: string) {
  await db().execute(sql`update allocations set status = 'released', released_at = now() where kind = ${kind} and status = 'waiting'`);
}

describe("device allocation never overbooks", () => {
  test("500 people ask at once for 300 VDI seats: 300 get one, 200 wait with distinct positions", async () => {
    await setPool("vdi_seat", 300, null);
    const people = await createEligibleEmployees(500, { jobFamily: "call_centre_agent" });
    const results = await Promise.all(people.map((p) => request(p.id, "vdi")));
    expect(results.filter((r) => r.status === "issued")).toHaveLength(300);
    const waiting = results.filter((r) => r.status === "waiting");
    expect(waiting).toHaveLength(200);
    const positions = await Promise.all(waiting.map((r) => queuePosition(db(), r.allocationId)));
    expect(new Set(positions).size).toBe(200);
    expect(Math.min(...positions)).toBe(1);
    expect(Math.max(...positions)).toBe(200);
    expect(await poolState("vdi_seat")).toMatchObject({ capacity: 300, in_use: 300, counted: 300, waiting: 200 });
  }, 120_000);

  test("20 parallel double-submits by one person make one request", async () => {
    await setPool("laptop", 400, null);
    const [person] = await createEligibleEmployees(1);
    const results = await Promise.all(Array.from({ length: 20 }, () => request(person.id, "laptop")));
    expect(new Set(results.map((r) => r.allocationId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [rows] = (await db().execute(sql`select count(*)::int as n from allocations where employee_id = ${person.id} and kind = 'laptop'`)) as unknown as { n: number }[];
    expect(rows.n).toBe(1);
    // The laptop took its VPN licence with it.
    const [vpn] = (await db().execute(sql`select count(*)::int as n from allocations where employee_id = ${person.id} and kind = 'vpn_licence' and status = 'reserved'`)) as unknown as { n: number }[];
    expect(vpn.n).toBe(1);
  });

  test("reserve/cancel storms keep stock consistent and the queue moving", async () => {
    await setPool("laptop", 40, null);
    await db().execute(sql`update resource_pools set capacity = in_use + 45 where kind = 'vpn_licence'`);
    const before = await poolState("laptop");
    await db().execute(sql`update resource_pools set capacity = ${before.in_use + 40} where kind = 'laptop'`);
    const people = await createEligibleEmployees(90);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    await Promise.all(
      people.map(async (person) => {
        for (let round = 0; round < 4; round += 1) {
          await request(person.id, "laptop");
          if (random() < 0.6) await cancel(person.id);
        }
      }),
    );
    const laptop = await poolState("laptop");
    expect(laptop.in_use).toBe(laptop.counted);
    expect(laptop.in_use).toBeLessThanOrEqual(laptop.capacity);
    // Nobody waits while a unit is free.
    expect(laptop.waiting === 0 || laptop.in_use === laptop.capacity).toBe(true);
    const vpn = await poolState("vpn_licence");
    expect(vpn.in_use).toBe(vpn.counted);
    const [orphans] = (await db().execute(sql`
      select count(*)::int as n from allocations v join allocations l on l.id = v.parent_id
       where v.kind = 'vpn_licence' and (v.status = 'released') <> (l.status = 'released')`)) as unknown as { n: number }[];
    expect(orphans.n).toBe(0);
  }, 120_000);

  test("a daily wave limits activations; the rest waits for the next working day", async () => {
    await db().execute(sql`update resource_pools set capacity = in_use + 100, daily_activation_limit = 3 where kind = 'vdi_seat'`);
    await db().execute(sql`delete from activation_days where pool_id = (select id from resource_pools where kind = 'vdi_seat')`);
    await db().execute(sql`update allocations set status = 'released', released_at = now() where kind = 'vdi_seat' and status = 'waiting'`);
    const people = await createEligibleEmployees(5, { jobFamily: "call_centre_agent" });
    const results = [];
    for (const person of people) results.push(await request(person.id, "vdi"));
    const [{ working }] = (await db().execute(sql`select extract(isodow from (now() at time zone 'Europe/Zurich')::date) < 6 as working`)) as unknown as { working: boolean }[];
    expect(results.map((r) => r.status)).toEqual(working ? ["issued", "issued", "issued", "waiting", "waiting"] : ["waiting", "waiting", "waiting", "waiting", "waiting"]);
    // Nothing changes until the wave has room again.
    expect(await db().transaction((tx) => promoteAllQueues(tx))).toBe(0);
  });

  test("cancelling gives the unit to the first person waiting, who is told by e-mail", async () => {
    await clearQueue("laptop");
    await db().execute(sql`update resource_pools set capacity = in_use, daily_activation_limit = null where kind = 'laptop'`);
    const [holder, first, second] = await createEligibleEmployees(3);
    await db().execute(sql`update resource_pools set capacity = in_use + 1 where kind = 'laptop'`);
    expect((await request(holder.id, "laptop")).status).toBe("reserved");
    expect((await request(first.id, "laptop")).status).toBe("waiting");
    expect((await request(second.id, "laptop")).status).toBe("waiting");
    expect(await cancel(holder.id)).toEqual({ promoted: 1 });
    const statuses = (await db().execute(sql`
      select employee_id, status from allocations where employee_id in (${first.id}, ${second.id}) and kind = 'laptop'`)) as unknown as { employee_id: string; status: string }[];
    expect(Object.fromEntries(statuses.map((s) => [s.employee_id, s.status]))).toEqual({ [first.id]: "reserved", [second.id]: "waiting" });
    const mails = (await db().execute(sql`select subject, links from outbox where to_address = ${first.workEmail} order by id`)) as unknown as { subject: string; links: string[] }[];
    expect(mails).toHaveLength(2); // "you are waiting", then "it is your turn"
    expect(mails[1].subject).not.toBe(mails[0].subject);
    expect(mails[1].links).toEqual(["http://127.0.0.1:3999/device"]);
  });
});

describe("bad requests change nothing", () => {
  test("someone not (yet) eligible cannot ask for a device", async () => {
    const person = await createEmployee();
    expect(await refusal(request(person.id, "laptop"))).toBe("notEligible");
    const [rows] = (await db().execute(sql`select count(*)::int as n from allocations where employee_id = ${person.id}`)) as unknown as { n: number }[];
    expect(rows.n).toBe(0);
  });

  test("a second device of the other kind is refused, and cancelling nothing says so", async () => {
    await clearQueue("laptop");
    await db().execute(sql`update resource_pools set capacity = in_use + 10 where kind in ('laptop', 'vpn_licence', 'vdi_seat')`);
    const [person] = await createEligibleEmployees(1);
    await request(person.id, "laptop");
    expect(await refusal(request(person.id, "vdi"))).toBe("otherDeviceActive");
    await cancel(person.id);
    expect(await refusal(cancel(person.id))).toBe("noDeviceRequest");
  });

  test("a full collection slot is refused, a free one is booked once", async () => {
    await clearQueue("laptop");
    await db().execute(sql`update resource_pools set capacity = in_use + 10, daily_activation_limit = null where kind in ('laptop', 'vpn_licence')`);
    const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('TST', 'Test site', 'Bern', 'BE') returning id`)) as unknown as { id: string }[];
    const [slot] = (await db().execute(sql`
      insert into collection_slots (site_id, starts_at, ends_at, capacity) values (${site.id}, now() + interval '2 days', now() + interval '2 days 1 hour', 1) returning id`)) as unknown as { id: string }[];
    const [a, b] = await createEligibleEmployees(2);
    await request(a.id, "laptop");
    await request(b.id, "laptop");
    const results = await Promise.all([a, b].map((p) => refusal(db().transaction((tx) => chooseHandover(tx, p.id, { method: "collect", slotId: slot.id })))));
    expect(results.sort()).toEqual(["accepted", "slotUnavailable"]);
    const [state] = (await db().execute(sql`select booked from collection_slots where id = ${slot.id}`)) as unknown as { booked: number }[];
    expect(state.booked).toBe(1);
    // Someone without a reserved laptop cannot book; an unknown slot is refused.
    const [c] = await createEligibleEmployees(1);
    expect(await refusal(db().transaction((tx) => chooseHandover(tx, c.id, { method: "collect", slotId: slot.id })))).toBe("noReservedLaptop");
    const loser = results[0] === "accepted" ? b : a;
    expect(await refusal(db().transaction((tx) => chooseHandover(tx, loser.id, { method: "collect", slotId: "00000000-0000-4000-8000-000000000000" })))).toBe("slotUnavailable");
  });
});
