import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { CurrentPerson } from "@/lib/roster/queries";
import { db } from "@/lib/db";
import { formatNumber } from "@/lib/i18n/format";
import { createEmployee, seedJourney, setPool } from "../support/factories";

// The admin's forms at crisis pace (issue 15 points 10, 11), through the real actions: only
// the session is replaced; role check, zod, domain, audit and database run for real. A count
// moved more than tenfold is refused unless the request says it was confirmed — so a crafted
// request cannot skip the form's confirmation — and a refused setting names its place.
const current: { person: CurrentPerson | null } = { person: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentPerson: async () => current.person }));

const { updatePoolAction, stockArrivalAction, setSlotCapacityAction, planDeliveryAction, moveDeliveryAction } = await import("@/lib/devices/stock-actions");
const { plannedDeliveries } = await import("@/lib/devices/deliveries");
const { createWaveAction } = await import("@/lib/roster/wave-actions");
const { saveSettingAction, publishEligibilityRulesAction } = await import("@/lib/settings/actions");
const { poolStatuses } = await import("@/lib/devices/stock-queries");
const { addSlot, upcomingSlots } = await import("@/lib/devices/slots");
const { activeEligibilityRules, editableValues } = await import("@/lib/settings/service");

async function asAdmin(locale: "fr" | "de" | "en" = "en") {
  const e = await createEmployee();
  current.person = { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail!, locale, language: locale, roles: ["employee", "admin"] };
}
const laptops = async () => (await poolStatuses()).find((p) => p.kind === "laptop")!;
const unconfirmed = (field: string) => ({ ok: false, formError: "invalidInput", fieldErrors: { [field]: ["bigChangeUnconfirmed"] } });
/** The day `days` after today in Zurich, as the forms send it. */
async function zurichDay(days: number): Promise<string> {
  const [{ day }] = (await db().execute(sql`select ((now() at time zone 'Europe/Zurich')::date + ${days}::int)::text as day`)) as unknown as { day: string }[];
  return day;
}
/** A collection slot the day after tomorrow at a site of its own, and how its page reads it. */
async function newSlot(code: string, name: string, capacity: number) {
  const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values (${code}, ${name}, 'Bern', 'BE') returning id`)) as unknown as { id: string }[];
  const day = await zurichDay(2);
  const { id } = await db().transaction((tx) => addSlot(tx, { siteId: site.id, day, start: "10:00", end: "10:30", capacity }));
  return { id, slot: async () => (await upcomingSlots()).find((s) => s.id === id)! };
}

beforeAll(async () => {
  await seedJourney();
  await setPool("vpn_licence", 1_000_000, null);
});

describe("a count moved more than tenfold needs the confirmation, on the server too", () => {
  test("a pool's stock: 400 → 400 400 and 400 → 30 are refused unconfirmed and change nothing; confirmed, they go in", async () => {
    await asAdmin();
    await setPool("laptop", 400, 150);
    const seen = await laptops();
    expect(await updatePoolAction({ kind: "laptop", capacity: "400400", dailyLimit: "150", version: seen.version })).toMatchObject(unconfirmed("capacity"));
    expect(await updatePoolAction({ kind: "laptop", capacity: "30", dailyLimit: "150", version: seen.version, confirmed: false })).toMatchObject(unconfirmed("capacity"));
    expect(await updatePoolAction({ kind: "laptop", capacity: "400400", dailyLimit: "150", version: seen.version, confirmed: "maybe" })).toMatchObject(unconfirmed("capacity"));
    expect((await laptops()).capacity).toBe(400);
    expect(await updatePoolAction({ kind: "laptop", capacity: "400400", dailyLimit: "150", version: seen.version, confirmed: true })).toMatchObject({ ok: true });
    expect((await laptops()).capacity).toBe(400_400);
  });

  test("up to ten times needs no confirmation", async () => {
    await asAdmin();
    await setPool("laptop", 400, 150);
    const seen = await laptops();
    expect(await updatePoolAction({ kind: "laptop", capacity: "4000", dailyLimit: "15", version: seen.version })).toMatchObject({ ok: true });
    expect(await laptops()).toMatchObject({ capacity: 4000, dailyLimit: 15 });
  });

  test("the daily activations too; removing the limit is not a jump", async () => {
    await asAdmin();
    await setPool("laptop", 400, 150);
    let seen = await laptops();
    expect(await updatePoolAction({ kind: "laptop", capacity: "400", dailyLimit: "15000", version: seen.version })).toMatchObject(unconfirmed("dailyLimit"));
    expect(await updatePoolAction({ kind: "laptop", capacity: "400", dailyLimit: "", version: seen.version })).toMatchObject({ ok: true });
    seen = await laptops();
    expect(seen.dailyLimit).toBeNull();
    expect(await updatePoolAction({ kind: "laptop", capacity: "400", dailyLimit: "15000", version: seen.version })).toMatchObject({ ok: true });
  });

  test("an arrival that makes the stock more than ten times what it is", async () => {
    await asAdmin();
    await setPool("laptop", 400, null);
    expect(await stockArrivalAction({ kind: "laptop", count: "4000" })).toMatchObject(unconfirmed("count"));
    expect((await laptops()).capacity).toBe(400);
    expect(await stockArrivalAction({ kind: "laptop", count: "3000" })).toMatchObject({ ok: true, data: { capacity: 3400 } });
    expect(await stockArrivalAction({ kind: "laptop", count: "40000", confirmed: "true" })).toMatchObject({ ok: true, data: { capacity: 43_400 } });
  });

  test("a collection slot's places", async () => {
    await asAdmin();
    const { id, slot } = await newSlot("CNF", "Confirmed slots", 12);
    const seen = await slot();
    expect(await setSlotCapacityAction({ slotId: id, capacity: "1000", version: seen.version })).toMatchObject(unconfirmed("capacity"));
    expect((await slot()).capacity).toBe(12);
    expect(await setSlotCapacityAction({ slotId: id, capacity: "1000", version: seen.version, confirmed: true })).toMatchObject({ ok: true });
    expect((await slot()).capacity).toBe(1000);
  });

  test("a new wave's invitations per day, against the 200 the form starts from", async () => {
    await asAdmin();
    const text = { subject: "Hi", body: "Sign in: {link}" };
    const wave = (perDay: string, confirmed?: boolean) => createWaveAction({ name: `Wave ${perDay}`, siteId: "", orgUnitId: "", perDay, template: { fr: text, de: text, en: text }, confirmed });
    const count = async () => ((await db().execute(sql`select count(*)::int as n from invitation_waves`))[0] as { n: number }).n;
    const before = await count();
    expect(await wave("20000")).toMatchObject(unconfirmed("perDay"));
    expect(await wave("5")).toMatchObject(unconfirmed("perDay"));
    expect(await count()).toBe(before);
    expect(await wave("2000")).toMatchObject({ ok: true });
    expect(await wave("5", true)).toMatchObject({ ok: true });
    expect(await count()).toBe(before + 2);
  });
});

describe("a setting's number moved more than tenfold needs the confirmation, on the server too", () => {
  test("the insured cap moved fiftyfold (a typo) is refused unconfirmed, named in German, and saved once confirmed", async () => {
    await asAdmin("de");
    const current = async () => (await editableValues()).find((v) => v.key === "rht")!;
    const before = JSON.parse((await current()).json) as Record<string, unknown>;
    const cap = before.insuredMaxYearlyFrancs as number;
    const value = JSON.stringify({ ...before, insuredMaxYearlyFrancs: cap * 50, waitingDays: 0 });
    const refused = await saveSettingAction({ key: "rht", value, version: (await current()).version });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { value: ["settingBigChange"] } });
    const { details } = (refused as unknown as { values: { details: string } }).values;
    expect(details).toContain("Höchster versicherter Verdienst");
    expect(details).toContain(formatNumber("de", cap * 50));
    expect(details).not.toContain("waitingDays");
    expect(JSON.parse((await current()).json).insuredMaxYearlyFrancs).toBe(cap);
    expect(await saveSettingAction({ key: "rht", value, version: (await current()).version, confirmed: "on" })).toMatchObject({ ok: true });
    expect(JSON.parse((await current()).json).insuredMaxYearlyFrancs).toBe(cap * 50);
    // Back, confirmed too (a hundredth is also a jump).
    expect(await saveSettingAction({ key: "rht", value: JSON.stringify(before), version: (await current()).version })).toMatchObject({ fieldErrors: { value: ["settingBigChange"] } });
    expect(await saveSettingAction({ key: "rht", value: JSON.stringify(before), version: (await current()).version, confirmed: true })).toMatchObject({ ok: true });
  });
});

describe("a refused setting names its place, in the reader's language", () => {
  test("a JSON syntax error: line and column, and where to put the cursor", async () => {
    await asAdmin();
    const { version } = (await editableValues()).find((v) => v.key === "vdi")!;
    const result = await saveSettingAction({ key: "vdi", value: '{\n  "webUrl": "https://vdi.test"\n  "clients": []\n}', version });
    expect(result).toMatchObject({ ok: false, fieldErrors: { value: ["settingNotJsonAt"] }, values: { line: "3", column: "3", offset: 35 } });
  });

  test("the rules editor's seventh rule is 'Rule 7', in German for a German reader; a name used twice says which rule has it", async () => {
    await asAdmin("de");
    const basedOn = (await activeEligibilityRules())?.version ?? 0;
    const rule = (id: string) => ({ id, when: [{ fact: "employee.jobFamily", op: "in", value: ["warehouse"] }], outcome: "not_eligible", reason: { fr: "Sur site", de: "Vor Ort", en: "On site" } });
    const six = Array.from({ length: 6 }, (_, i) => rule(`r${i}`));
    const bad = await publishEligibilityRulesAction({ value: JSON.stringify([...six, rule("Falscher Name")]), basedOn });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { value: ["settingInvalid"] } });
    expect((bad as unknown as { values: { details: string } }).values.details).toBe("Regel 7, Name: enthält Zeichen, die nicht erlaubt sind");
    await asAdmin("en");
    const twice = await publishEligibilityRulesAction({ value: JSON.stringify([...six, rule("r1")]), basedOn });
    expect((twice as unknown as { values: { details: string } }).values.details).toBe("Rule 7, name: the same name as rule 2");
  });
});

// A versioned form waits after a save until its page shows the version the save returned
// (components/admin/versioned-form.tsx): each save must return exactly what the page reads next,
// else a form whose value changed would never wait, or one whose value did not would wait for ever.
describe("a save returns the version its page shows next", () => {
  test("a pool's stock and wave, an arrival, a slot's places, a planned delivery moved, a setting, the rules", async () => {
    await asAdmin();
    await setPool("laptop", 400, 150);
    const pool = await updatePoolAction({ kind: "laptop", capacity: "420", dailyLimit: "", version: (await laptops()).version, confirmed: false });
    expect(pool).toMatchObject({ ok: true, data: { version: (await laptops()).version } });
    const arrived = await stockArrivalAction({ kind: "laptop", count: "3", confirmed: false });
    expect(arrived).toMatchObject({ ok: true, data: { capacity: 423, version: (await laptops()).version } });

    const { id, slot } = await newSlot("VRS", "Versioned slots", 5);
    const places = await setSlotCapacityAction({ slotId: id, capacity: "6", version: (await slot()).version, confirmed: false });
    expect(places).toMatchObject({ ok: true, data: { version: (await slot()).version } });

    const planned = await planDeliveryAction({ kind: "laptop", expectedOn: await zurichDay(2), quantity: "5" });
    if (!planned.ok) throw new Error("not planned");
    const delivery = async () => (await plannedDeliveries()).find((d) => d.id === planned.data.id)!;
    const moved = await moveDeliveryAction({ id: planned.data.id, version: (await delivery()).version, expectedOn: await zurichDay(9), quantity: "6" });
    expect(moved).toMatchObject({ ok: true, data: { version: (await delivery()).version } });

    const setting = async () => (await editableValues()).find((v) => v.key === "canned_responses")!;
    const saved = await saveSettingAction({ key: "canned_responses", value: (await setting()).json, version: (await setting()).version });
    expect(saved).toMatchObject({ ok: true, data: { version: (await setting()).version } });

    const rules = (await activeEligibilityRules())!;
    const published = await publishEligibilityRulesAction({ value: JSON.stringify(rules.rules), basedOn: rules.version });
    expect(published).toMatchObject({ ok: true, data: { version: (await activeEligibilityRules())!.version } });
  });
});
