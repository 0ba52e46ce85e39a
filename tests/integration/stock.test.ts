import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { chooseHandover, markHandedOver, requestDevice, stockArrival, updatePool } from "@/lib/devices/service";
import { poolStatuses } from "@/lib/devices/stock-queries";
import { createEligibleEmployees, seedJourney, setPool } from "../support/factories";
import { refusal } from "../support/refusal";

beforeAll(seedJourney);

const laptops = async () => (await poolStatuses()).find((p) => p.kind === "laptop")!;

describe("stock", () => {
  test("a stock arrival promotes exactly that many queued requests, in queue order", async () => {
    await setPool("laptop", 2, null);
    await setPool("vpn_licence", 1000, null);
    const people = await createEligibleEmployees(5);
    for (const p of people) await db().transaction((tx) => requestDevice(tx, p.id, "laptop"));
    expect(await laptops()).toMatchObject({ capacity: 2, inUse: 2, waiting: 3, outlook: { days: null, shortfall: 3 } });

    expect(await db().transaction((tx) => stockArrival(tx, "laptop", 2))).toEqual({ promoted: 2, capacity: 4 });
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
    expect(await db().transaction((tx) => updatePool(tx, "laptop", { capacity: before.capacity + 10, dailyLimit: null }))).toEqual({ promoted: before.waiting, capacity: before.capacity + 10 });
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
