import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb } from "@/db/client";
import { db } from "@/lib/db";
import { stockArrival, updatePool } from "@/lib/devices/pool-admin";
import { chooseHandover, markHandedOver, requestDevice } from "@/lib/devices/service";
import { poolStatuses } from "@/lib/devices/stock-queries";
import { createEligibleEmployees, seedJourney, setPool } from "../support/factories";
import { refusal } from "../support/refusal";

// Two pools on one database: two instances, as in production.
const instances: ReturnType<typeof createDb>[] = [];
beforeAll(async () => {
  await seedJourney();
  for (let i = 0; i < 2; i += 1) instances.push(createDb(process.env.DATABASE_URL!, { max: 5 }));
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.sql.end({ timeout: 5 })));
});

const laptops = async () => (await poolStatuses()).find((p) => p.kind === "laptop")!;

describe("stock", () => {
  test("a stock arrival promotes exactly that many queued requests, in queue order", async () => {
    await setPool("laptop", 2, null);
    await setPool("vpn_licence", 1000, null);
    const people = await createEligibleEmployees(5);
    for (const p of people) await db().transaction((tx) => requestDevice(tx, p.id, "laptop"));
    expect(await laptops()).toMatchObject({ capacity: 2, inUse: 2, waiting: 3, outlook: { days: null, shortfall: 3 } });

    expect(await db().transaction((tx) => stockArrival(tx, "laptop", 2))).toMatchObject({ promoted: 2, capacity: 4 });
    expect(await laptops()).toMatchObject({ capacity: 4, inUse: 4, waiting: 1 });
    const statuses = (await db().execute(sql`
      select a.status::text from allocations a join employees e on e.id = a.employee_id
       where a.kind = 'laptop' and a.status <> 'released' and e.id in (${sql.join(people.map((p) => sql`${p.id}`), sql`, `)}) order by a.queue_seq`)) as unknown as { status: string }[];
    expect(statuses.map((s) => s.status)).toEqual(["reserved", "reserved", "reserved", "reserved", "waiting"]);
    // The promoted were told twice (waiting, then their turn); the one still waiting once.
    const mails = async (p: { workEmail: string | null }) => ((await db().execute(sql`select count(*)::int as n from outbox where to_address = ${p.workEmail}`))[0] as { n: number }).n;
    expect([await mails(people[2]), await mails(people[3]), await mails(people[4])]).toEqual([2, 2, 1]);
  });

  test("capacity below what is reserved is refused and changes nothing; raising it promotes", async () => {
    const before = await laptops();
    expect(await refusal(db().transaction((tx) => updatePool(tx, "laptop", { capacity: before.inUse - 1, dailyLimit: null })))).toBe("capacityBelowInUse");
    expect(await laptops()).toMatchObject({ capacity: before.capacity, inUse: before.inUse });
    expect(await db().transaction((tx) => updatePool(tx, "laptop", { capacity: before.capacity + 10, dailyLimit: null }))).toMatchObject({ promoted: before.waiting, capacity: before.capacity + 10 });
    expect(await laptops()).toMatchObject({ waiting: 0, outlook: { days: 0, shortfall: 0 } });
  });

  test("a laptop handed over counts as issued, once, and the person is told", async () => {
    const [person] = await createEligibleEmployees(1);
    const { allocationId } = await db().transaction((tx) => requestDevice(tx, person.id, "laptop"));
    expect(await refusal(db().transaction((tx) => markHandedOver(tx, allocationId)))).toBe("notHandedOver"); // no hand-over chosen yet
    await db().transaction((tx) => chooseHandover(tx, person.id, { method: "ship", street: "Rue du Lac 1", postcode: "1000", city: "Lausanne" } as never));
    await db().transaction((tx) => markHandedOver(tx, allocationId));
    expect(await refusal(db().transaction((tx) => markHandedOver(tx, allocationId)))).toBe("notHandedOver");
    const [row] = (await db().execute(sql`select status::text, issued_at is not null as issued from allocations where id = ${allocationId}`)) as unknown as { status: string; issued: boolean }[];
    expect(row).toEqual({ status: "issued", issued: true });
    const [mail] = (await db().execute(sql`select subject from outbox where to_address = ${person.workEmail} order by id desc limit 1`)) as unknown as { subject: string }[];
    expect(mail.subject).toMatch(/on its way|en route|unterwegs/i);
  });
});

describe("concurrent admins never lose each other's changes", () => {
  test("arrivals recorded at the same moment on two instances all count, and each is told a capacity that existed", async () => {
    await setPool("laptop", (await laptops()).inUse + 10, null);
    const before = (await laptops()).capacity;
    const counts = [50, 30, 7, 3, 12, 1, 9, 20];
    const results = await Promise.all(counts.map((count, i) => instances[i % 2].db.transaction((tx) => stockArrival(tx, "laptop", count))));
    const total = counts.reduce((a, b) => a + b, 0);
    expect((await laptops()).capacity).toBe(before + total);
    // One after the other: each answer is the capacity right after that arrival.
    const told = results.map((r) => r.capacity).sort((a, b) => a - b);
    expect(new Set(told).size).toBe(counts.length);
    expect(told.at(-1)).toBe(before + total);
    const steps = told.map((c, i) => c - (i === 0 ? before : told[i - 1]));
    expect(steps.sort((a, b) => a - b)).toEqual([...counts].sort((a, b) => a - b));
  });

  test("a pool form saved from a page older than an arrival is refused and undoes nothing; the fresh one saves", async () => {
    await setPool("laptop", (await laptops()).inUse + 10, 150);
    const seen = await laptops();
    await db().transaction((tx) => stockArrival(tx, "laptop", 5));
    // The daily-limit form still carries the capacity shown before the arrival.
    const stale = db().transaction((tx) => updatePool(tx, "laptop", { capacity: seen.capacity, dailyLimit: 40, version: seen.version }));
    expect(await refusal(stale)).toBe("changedMeanwhile");
    expect(await laptops()).toMatchObject({ capacity: seen.capacity + 5, dailyLimit: 150 });
    const fresh = await laptops();
    expect(fresh.version).not.toBe(seen.version);
    await db().transaction((tx) => updatePool(tx, "laptop", { capacity: fresh.capacity, dailyLimit: 40, version: fresh.version }));
    expect(await laptops()).toMatchObject({ capacity: seen.capacity + 5, dailyLimit: 40 });
  });

  test("two admins saving the same pool form at once: one is saved, the other is told, whatever the instance", async () => {
    const seen = await laptops();
    const results = await Promise.all(
      [60, 70].map((limit, i) => refusal(instances[i].db.transaction((tx) => updatePool(tx, "laptop", { capacity: seen.capacity + limit, dailyLimit: limit, version: seen.version })))),
    );
    expect(results.sort()).toEqual(["accepted", "changedMeanwhile"]);
    const after = await laptops();
    // Whole submissions, never a mix of the two.
    expect(after.capacity - seen.capacity).toBe(after.dailyLimit);
  });

  test("people reserving devices do not make an admin's pool form stale", async () => {
    await setPool("vpn_licence", 100_000, null);
    await setPool("laptop", (await laptops()).inUse + 10, null); // no wave: reserved at once, any day
    const seen = await laptops();
    const [person] = await createEligibleEmployees(1);
    await db().transaction((tx) => requestDevice(tx, person.id, "laptop"));
    expect((await laptops()).inUse).toBe(seen.inUse + 1);
    await db().transaction((tx) => updatePool(tx, "laptop", { capacity: seen.capacity + 1, dailyLimit: seen.dailyLimit, version: seen.version }));
    expect((await laptops()).capacity).toBe(seen.capacity + 1);
  });

  test("a slot's capacity saved from an old page is refused; bookings do not make it stale", async () => {
    const { addSlot, setSlotCapacity, upcomingSlots } = await import("@/lib/devices/slots");
    const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('VSL', 'Versioned slots', 'Bern', 'BE') returning id`)) as unknown as { id: string }[];
    const [{ day }] = (await db().execute(sql`select ((now() at time zone 'Europe/Zurich')::date + 3)::text as day`)) as unknown as { day: string }[];
    const { id } = await db().transaction((tx) => addSlot(tx, { siteId: site.id, day, start: "10:00", end: "10:30", capacity: 4 }));
    const slot = async () => (await upcomingSlots()).find((s) => s.id === id)!;
    const seen = await slot();
    await db().execute(sql`update collection_slots set booked = booked + 1 where id = ${id}`);
    await db().transaction((tx) => setSlotCapacity(tx, id, 6, seen.version));
    expect(await refusal(db().transaction((tx) => setSlotCapacity(tx, id, 2, seen.version)))).toBe("changedMeanwhile");
    expect(await slot()).toMatchObject({ capacity: 6, booked: 1 });
  });
});

describe("collection slots", () => {
  test("added once per site and time, capacity never below what is booked", async () => {
    const { addSlot, setSlotCapacity } = await import("@/lib/devices/slots");
    const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('SLT', 'Slot site', 'Bern', 'BE') returning id`)) as unknown as { id: string }[];
    const input = { siteId: site.id, day: "2030-01-07", start: "08:00", end: "08:30", capacity: 2 };
    const { id } = await db().transaction((tx) => addSlot(tx, input));
    expect(await refusal(db().transaction((tx) => addSlot(tx, input)))).toBe("slotExists");
    expect(await refusal(db().transaction((tx) => addSlot(tx, { ...input, start: "09:00", end: "08:00" })))).toBe("slotEndBeforeStart");
    const [slot] = (await db().execute(sql`select to_char(starts_at at time zone 'Europe/Zurich', 'HH24:MI') as local from collection_slots where id = ${id}`)) as unknown as { local: string }[];
    expect(slot.local).toBe("08:00");
    await db().execute(sql`update collection_slots set booked = 2 where id = ${id}`);
    expect(await refusal(db().transaction((tx) => setSlotCapacity(tx, id, 1)))).toBe("capacityBelowInUse");
    await db().transaction((tx) => setSlotCapacity(tx, id, 5));
    expect(((await db().execute(sql`select capacity from collection_slots where id = ${id}`))[0] as { capacity: number }).capacity).toBe(5);
  });
});

describe("hardware tokens delivered", () => {
  test("a vendor file is added whole, with encrypted seeds; bad or known serials refuse the whole file", async () => {
    const { importHardwareTokens } = await import("@/lib/tokens/hardware-import");
    const run = (text: string) => db().transaction((tx) => importHardwareTokens(tx, new TextEncoder().encode(text)));
    const stamp = Date.now().toString(36).toUpperCase();
    const before = (await poolStatuses()).find((p) => p.kind === "hardware_token")!.capacity;
    const bad = await run(`serial;secret\nHW-${stamp}-1;JBSWY3DPEHPK3PXP\nHW-${stamp}-1;JBSWY3DPEHPK3PXP\nno spaces allowed;JBSWY3DPEHPK3PXP\nHW-${stamp}-3;not-base32!`);
    expect(bad.issues.map((i) => [i.line, i.column, i.key])).toEqual([
      [3, "serial", "rosterDuplicateNumber"],
      [4, "serial", "tokenSerialInvalid"],
      [5, "secret", "tokenSecretInvalid"],
    ]);
    expect((await poolStatuses()).find((p) => p.kind === "hardware_token")!.capacity).toBe(before);
    expect(await run(`serial,secret\nHW-${stamp}-1,JBSW Y3DP EHPK 3PXP\nHW-${stamp}-2,jbswy3dpehpk3pxq`)).toMatchObject({ applied: true, added: 2 });
    expect((await poolStatuses()).find((p) => p.kind === "hardware_token")!.capacity).toBe(before + 2);
    const [stored] = (await db().execute(sql`select secret_enc from hardware_tokens where serial = ${`HW-${stamp}-1`}`)) as unknown as { secret_enc: string }[];
    expect(stored.secret_enc).not.toContain("JBSWY3DP");
    expect((await run(`serial;secret\nHW-${stamp}-2;JBSWY3DPEHPK3PXP`)).issues.map((i) => i.key)).toEqual(["tokenSerialKnown"]);
  });
});
