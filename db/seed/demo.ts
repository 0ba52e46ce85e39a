import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { appMeta, employeeRoles, employees, orgUnits, sites } from "../schema";
import { seedDefaultSettings, seedJourneyDefaults, topUpCollectionSlots } from "./journey";
import { firstNamesDe, firstNamesFr, firstNamesIt, lastNamesDe, lastNamesFr, lastNamesIt } from "./names";

// A fictional Swiss company, Transalpina SA: ~2,000 people, 12 units, 3 sites.
// Deterministic (seeded PRNG), so every demo and test run sees the same roster.

export const demoSeedVersion = "1";
export const demoDomain = "transalpina.test";

export const demoAccounts = [
  { email: "employee@demo.test", number: "D0001", firstName: "Élodie", lastName: "Demo", orgUnit: "SAL", site: "LSN", role: null },
  { email: "it@demo.test", number: "D0002", firstName: "Marco", lastName: "Demo", orgUnit: "IT", site: "ZRH", role: "it_agent" },
  { email: "hr@demo.test", number: "D0003", firstName: "Sabine", lastName: "Demo", orgUnit: "HR", site: "FRI", role: "hr" },
  { email: "admin@demo.test", number: "D0004", firstName: "Alex", lastName: "Demo", orgUnit: "IT", site: "ZRH", role: "admin" },
] as const;

const siteRows = [
  { code: "LSN", name: "Lausanne – Malley", city: "Lausanne", canton: "VD" },
  { code: "ZRH", name: "Zürich – Altstetten", city: "Zürich", canton: "ZH" },
  { code: "FRI", name: "Fribourg – Givisiez", city: "Givisiez", canton: "FR" },
];

// code, name, size weight, job families
const unitRows: [string, string, number, string[]][] = [
  ["DIR", "Direction", 1, ["management"]],
  ["FIN", "Finance & Controlling", 4, ["finance", "management"]],
  ["HR", "Human Resources", 3, ["hr", "management"]],
  ["IT", "Information Technology", 5, ["it_engineer", "it_support"]],
  ["SAL", "Sales", 8, ["sales", "key_account"]],
  ["CC", "Customer Service (call centre)", 14, ["call_centre_agent", "team_lead"]],
  ["LOG", "Logistics & Warehouse", 18, ["warehouse", "driver", "dispatcher"]],
  ["PRD", "Production", 26, ["production_operator", "maintenance", "quality"]],
  ["PUR", "Procurement", 3, ["procurement"]],
  ["MKT", "Marketing & Communication", 4, ["marketing", "designer"]],
  ["LEG", "Legal & Compliance", 2, ["legal"]],
  ["RND", "Research & Development", 8, ["engineer", "lab_technician"]],
];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function asciiSlug(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

/** A syntactically valid Swiss AVS/AHV number from the 9 digits after 756 (EAN-13 check digit added). */
export function avsNumber(nineDigits: string): string {
  const digits = `756${nineDigits.padStart(9, "0").slice(0, 9)}`;
  const sum = digits.split("").reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  const check = (10 - (sum % 10)) % 10;
  const all = `${digits}${check}`;
  return `${all.slice(0, 3)}.${all.slice(3, 7)}.${all.slice(7, 11)}.${all.slice(11)}`;
}

/**
 * A Swiss mobile number in E.164 for every third generated person, derived from their index
 * (not from the seeded PRNG, whose sequence every other demo fact depends on).
 */
export function demoPhone(index: number): string | null {
  if (index % 3 !== 0) return null;
  return `+417${6 + (index % 4)}${String((index * 7919 + 1234567) % 10_000_000).padStart(7, "0")}`;
}

export type SeedResult = { seeded: boolean; employees: number };

/** Seeds the demo company once; later calls see the marker and do nothing. */
export async function seedDemo(db: Db, options: { employees?: number; encryptionKey: Buffer }): Promise<SeedResult> {
  const total = options.employees ?? 2000;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('passerelle-demo-seed'))`);
    const done = await tx.select().from(appMeta).where(sql`${appMeta.key} = 'demo_seed'`);
    if (done.length > 0) {
      // A demo database from before the journey existed gets its stock and rules once.
      const journey = await tx.select().from(appMeta).where(sql`${appMeta.key} = 'demo_journey'`);
      if (journey.length === 0) {
        await seedJourneyDefaults(tx, options.encryptionKey);
        await tx.insert(appMeta).values({ key: "demo_journey", value: "1" });
      }
      await seedDefaultSettings(tx);
      await topUpCollectionSlots(tx);
      return { seeded: false, employees: 0 };
    }

    const siteIds = new Map<string, string>();
    for (const row of await tx.insert(sites).values(siteRows).returning({ id: sites.id, code: sites.code })) siteIds.set(row.code, row.id);
    const unitIds = new Map<string, string>();
    const inserted = await tx
      .insert(orgUnits)
      .values(unitRows.map(([code, name]) => ({ code, name })))
      .returning({ id: orgUnits.id, code: orgUnits.code });
    for (const row of inserted) unitIds.set(row.code, row.id);

    const random = prng(20200316);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const weightSum = unitRows.reduce((s, u) => s + u[2], 0);
    const usedEmails = new Set<string>();
    const rows: (typeof employees.$inferInsert)[] = [];

    for (const account of demoAccounts) {
      rows.push({
        number: account.number,
        firstName: account.firstName,
        lastName: account.lastName,
        workEmail: account.email,
        orgUnitId: unitIds.get(account.orgUnit),
        siteId: siteIds.get(account.site),
        jobFamily: account.orgUnit === "SAL" ? "sales" : account.orgUnit === "HR" ? "hr" : "it_engineer",
        contractType: "permanent",
        employmentRate: 100,
        weeklyMinutes: 2520,
        language: account.site === "ZRH" ? "de" : "fr",
        avsNumber: avsNumber(String(100000000 + rows.length)),
        birthDate: "1985-04-12",
        phone: account.role === null ? "+41791234567" : null,
      });
    }

    for (let i = 0; rows.length < total; i += 1) {
      const siteCode = random() < 0.45 ? "LSN" : random() < 0.6 ? "ZRH" : "FRI";
      const region = siteCode === "ZRH" ? (random() < 0.9 ? "de" : "it") : siteCode === "FRI" ? (random() < 0.5 ? "fr" : "de") : random() < 0.9 ? "fr" : "it";
      const firstName = pick(region === "de" ? firstNamesDe : region === "it" ? firstNamesIt : firstNamesFr);
      const lastName = pick(region === "de" ? lastNamesDe : region === "it" ? lastNamesIt : lastNamesFr);
      let r = random() * weightSum;
      const unit = unitRows.find((u) => (r -= u[2]) < 0) ?? unitRows[unitRows.length - 1];
      const jobFamily = pick(unit[3]);
      const onShopFloor = ["production_operator", "warehouse", "driver"].includes(jobFamily);
      const hasWorkEmail = onShopFloor ? random() < 0.35 : random() < 0.97;
      let workEmail: string | null = null;
      if (hasWorkEmail) {
        const base = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
        let candidate = `${base}@${demoDomain}`;
        for (let n = 2; usedEmails.has(candidate); n += 1) candidate = `${base}${n}@${demoDomain}`;
        usedEmails.add(candidate);
        workEmail = candidate;
      }
      let privateEmail: string | null = null;
      if (!hasWorkEmail ? random() < 0.85 : random() < 0.2) {
        const provider = pick(["bluewin.test", "gmx.test", "sunrise.test", "proton.test"]);
        let candidate = `${asciiSlug(firstName)}${asciiSlug(lastName).slice(0, 4)}${Math.floor(random() * 90 + 10)}@${provider}`;
        for (let n = 2; usedEmails.has(candidate); n += 1) candidate = candidate.replace("@", `${n}@`);
        usedEmails.add(candidate);
        privateEmail = candidate;
      }
      const contractRoll = random();
      const year = 1960 + Math.floor(random() * 45);
      rows.push({
        number: String(10000 + i),
        firstName,
        lastName,
        workEmail,
        privateEmail,
        phone: demoPhone(i),
        orgUnitId: unitIds.get(unit[0]),
        siteId: siteIds.get(siteCode),
        jobFamily,
        contractType: contractRoll < 0.84 ? "permanent" : contractRoll < 0.91 ? "fixed_term" : contractRoll < 0.95 ? "apprentice" : contractRoll < 0.98 ? "on_call" : "temporary",
        employmentRate: pick([100, 100, 100, 100, 100, 90, 80, 80, 60, 50]),
        weeklyMinutes: 2520,
        language: region === "de" ? "de" : region === "fr" ? "fr" : random() < 0.5 ? "fr" : "en",
        avsNumber: avsNumber(String(Math.floor(random() * 1e9))),
        birthDate: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
      });
    }

    for (let start = 0; start < rows.length; start += 500) {
      await tx.insert(employees).values(rows.slice(start, start + 500));
    }

    // The first person of each unit manages the others.
    await tx.execute(sql`
      with heads as (select distinct on (org_unit_id) org_unit_id, id from employees where number not like 'D%' order by org_unit_id, number)
      update employees e set manager_id = h.id from heads h where e.org_unit_id = h.org_unit_id and e.id <> h.id`);

    const staff = await tx.execute(sql`select id, work_email from employees where work_email like '%@demo.test'`);
    const roleRows = (staff as unknown as { id: string; work_email: string }[]).flatMap((row) => {
      const role = demoAccounts.find((a) => a.email === row.work_email)?.role;
      return role ? [{ employeeId: row.id, role }] : [];
    });
    if (roleRows.length) await tx.insert(employeeRoles).values(roleRows);

    await seedJourneyDefaults(tx, options.encryptionKey);
    await topUpCollectionSlots(tx);
    await tx.insert(appMeta).values([
      { key: "demo_seed", value: demoSeedVersion },
      { key: "demo_journey", value: "1" },
    ]);
    return { seeded: true, employees: rows.length };
  });
}
