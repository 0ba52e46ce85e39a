import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { exportDeclaration, summarySources, type ExportRequest } from "@/lib/rht/export";
import { keptPeople } from "@/lib/rht/export-kept";
import { keptThresholds } from "@/lib/rht/export-units";
import { monthOverview } from "@/lib/rht/unit-months";
import { oracleDeclaration } from "./rht-export-oracle";
import { month, seedExportMonth } from "./rht-export-seed";

// The declaration is read in one pass (lib/rht/export.ts). Its files must be exactly what the
// two-pass export wrote (kept as the oracle), whether each unit's 10 % comes from HR's kept
// review or is summed on the way; and a download given up half-way must stop its cursor and
// give its connection back.

let units: Record<string, string>;

beforeAll(async () => {
  ({ units } = await seedExportMonth());
}, 60_000);

const bytes = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer());
const request = (unitId: string | null, format: ExportRequest["format"], part: ExportRequest["part"] = "summary", locale: ExportRequest["locale"] = "en"): ExportRequest => ({ month, unitId, format, part, locale });
const forgetKeptReviews = () => db().execute(sql`delete from rht_unit_months`);
type Day = { employee_id: string; day: string; planned: number };

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

/** The one-pass file and the oracle's, with what each says about itself. */
async function both(r: ExportRequest) {
  const mine = await exportDeclaration(r);
  const body = await bytes(mine.body);
  // The oracle runs second: it fills HR's kept reviews, which the one-pass export may then use.
  const theirs = await oracleDeclaration(r);
  const expected = await bytes(theirs.body);
  const about = (f: { filename: string; contentType: string; employees: number; final: boolean }) => [f.filename, f.contentType, f.employees, f.final];
  return { body, expected, about: about(mine), expectedAbout: about(theirs) };
}

const csvCases = () =>
  [null, units.assembly, units.back, units.canteen, units.dupA, units.locked].flatMap((unitId) => [request(unitId, "csv"), request(unitId, "csv", "annex")]);

describe("the one-pass declaration equals the two-pass one", () => {
  test("CSV, byte for byte, with every unit's 10 % summed on the way (no kept review)", async () => {
    for (const r of csvCases()) {
      await forgetKeptReviews();
      expect((await keptThresholds(db(), month, r.unitId)).size).toBe(0);
      const before = { ...summarySources };
      const { body, expected, about, expectedAbout } = await both(r);
      // Nobody looked at the month: its summary is computed from the days, not kept first.
      if (r.part === "summary") expect(summarySources).toEqual({ ...before, days: before.days + 1 });
      expect(about).toEqual(expectedAbout);
      expect(body.toString("utf8")).toBe(expected.toString("utf8"));
      expect(body.equals(expected)).toBe(true);
    }
  }, 180_000);

  test("CSV, byte for byte, with every unit's 10 % from HR's kept review, and in German", async () => {
    await oracleDeclaration(request(null, "csv")); // keeps every unit's review
    expect((await keptThresholds(db(), month, null)).size).toBe(Object.keys(units).length);
    for (const r of [...csvCases(), request(null, "csv", "summary", "de"), request(units.canteen, "csv", "annex", "fr")]) {
      const before = { ...summarySources };
      const { body, expected, about, expectedAbout } = await both(r);
      // The summary reads the kept figures (the annex needs the days).
      if (r.part === "summary") expect(summarySources).toEqual({ ...before, kept: before.kept + 1 });
      expect(about).toEqual(expectedAbout);
      expect(body.equals(expected)).toBe(true);
    }
  }, 180_000);

  test("after each of a random sequence of changes, only the changed units are summed again, and the file is still the same", async () => {
    const rnd = random(1116);
    const open = [units.assembly, units.back, units.canteen, units.dupA, units.dupB, units.bulk];
    const pick = async (unitId: string) =>
      ((await db().execute(sql`
        select d.employee_id, d.day::text as day, d.planned_minutes as planned from timesheet_days d join employees e on e.id = d.employee_id
         where e.org_unit_id = ${unitId} and d.day >= '2026-11-01' order by e.number, d.day`)) as unknown as { employee_id: string; day: string; planned: number }[]);
    const changes = [
      (d: Day) => sql`update timesheet_days set worked_minutes = ${rnd(d.planned + 1)}, absences = '{}' where employee_id = ${d.employee_id} and day = ${d.day}::date`,
      (d: Day) => sql`update timesheet_days set worked_minutes = 0 where employee_id = ${d.employee_id} and day >= '2026-11-01'`,
      (d: Day) => sql`delete from timesheet_days where employee_id = ${d.employee_id} and day = ${d.day}::date`,
      (d: Day) => sql`update timesheet_days set worked_minutes = 0, absences = ${JSON.stringify({ sickness: d.planned })}::jsonb where employee_id = ${d.employee_id} and day = ${d.day}::date`,
      (d: Day) => sql`update employees set employment_rate = ${[100, 80, 60][rnd(3)]} where id = ${d.employee_id}`,
      (d: Day) => sql`update employees set contract_type = ${["permanent", "apprentice", "temporary"][rnd(3)]}::contract_type, notice_given = ${rnd(4) === 0} where id = ${d.employee_id}`,
      (d: Day) => sql`insert into rht_overtime_openings (employee_id, month, minutes) values (${d.employee_id}, '2026-10-01', ${rnd(2000)}) on conflict (employee_id) do update set minutes = excluded.minutes`,
      (d: Day) => sql`update employees set org_unit_id = ${open[rnd(open.length)]} where id = ${d.employee_id}`,
    ];
    await oracleDeclaration(request(null, "csv"));
    for (let step = 0; step < 16; step += 1) {
      const unitId = open[rnd(open.length)];
      const days = await pick(unitId);
      await db().execute(changes[step % changes.length](days[rnd(days.length)]));
      const kept = await keptThresholds(db(), month, null);
      expect(kept.has(unitId)).toBe(false);
      expect(kept.has(units.locked)).toBe(true);
      const before = { ...summarySources };
      const { body, expected } = await both(request(null, "csv"));
      // A small changed unit is computed again and kept first, then every unit's kept figures are
      // read; the bulk unit (nearly all the people) is more than a fifth: the month is computed from its days.
      expect(summarySources).toEqual(unitId === units.bulk ? { ...before, days: before.days + 1 } : { ...before, kept: before.kept + 1 });
      expect(body.toString("utf8")).toBe(expected.toString("utf8"));
    }
  }, 300_000);

  test("rows kept before they held their people: the summary is computed from the days until the overview keeps them again", async () => {
    await oracleDeclaration(request(null, "csv"));
    for (const r of [request(null, "csv"), request(units.locked, "csv", "summary", "fr")]) {
      // (The oracle's overview keeps them again each time.)
      await db().execute(sql`update rht_unit_months set people = null`);
      const before = { ...summarySources };
      const { body, expected } = await both(r);
      expect(summarySources).toEqual({ ...before, days: before.days + 1 });
      expect(body.equals(expected)).toBe(true);
    }
    await db().execute(sql`update rht_unit_months set people = null`);
    await monthOverview(month); // HR's page, or the worker's warming
    const before = { ...summarySources };
    const { body, expected } = await both(request(null, "csv"));
    expect(summarySources).toEqual({ ...before, kept: before.kept + 1 });
    expect(body.equals(expected)).toBe(true);
  }, 180_000);

  test("only a month whose stale units hold at most a fifth of its people is brought up to date before the summary", async () => {
    await oracleDeclaration(request(null, "csv"));
    const change = (unitId: string) =>
      db().execute(sql`
        update timesheet_days set worked_minutes = worked_minutes - 1
         where (employee_id, day) = (select d.employee_id, d.day from timesheet_days d join employees e on e.id = d.employee_id
                                      where e.org_unit_id = ${unitId} and d.day >= '2026-11-01' and d.worked_minutes > 0 order by e.number, d.day limit 1)`);
    for (const [unitId, source] of [[units.canteen, "kept"], [units.bulk, "days"]] as const) {
      await change(unitId);
      const before = { ...summarySources };
      const { body, expected } = await both(request(null, "csv"));
      expect(summarySources).toEqual({ ...before, [source]: before[source] + 1 });
      expect(body.equals(expected)).toBe(true);
    }
  }, 180_000);

  test("the kept figures are read only when every unit's kept row is current in the export's snapshot", async () => {
    await oracleDeclaration(request(null, "csv"));
    const inSnapshot = <T>(read: (tx: Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0]) => Promise<T>) =>
      db().transaction(read, { isolationLevel: "repeatable read", accessMode: "read only" });
    const people = async (unitId: string | null) =>
      inSnapshot(async (tx) => {
        const kept = await keptPeople(tx, month, unitId);
        if (!kept) return null;
        const all = [];
        for await (const p of kept) all.push(p);
        return all;
      });
    const [{ n }] = (await db().execute(sql`select count(*)::int as n from (select jsonb_array_elements(people) from rht_unit_months where month = ${`${month}-01`}::date) x`)) as unknown as { n: number }[];
    expect((await people(null))?.length).toBe(n);
    // A change lands after the kept rows were brought up to date: that unit's row is no longer current.
    await db().execute(sql`select rht_bump(array[${units.canteen}::text])`);
    expect(await people(null)).toBeNull();
    expect(await people(units.canteen)).toBeNull();
    expect((await people(units.assembly))?.length).toBeGreaterThan(0);
    // A current row that does not hold every listed person is not trusted either.
    await oracleDeclaration(request(null, "csv"));
    await db().execute(sql`update rht_unit_months set people = people - 0 where org_unit_id = ${units.assembly}`);
    expect(await people(null)).toBeNull();
    expect(await people(units.assembly)).toBeNull();
  }, 180_000);

  test("XLSX: the same cells on both sheets, kept reviews or not", async () => {
    const cells = async (file: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues(), bold: sheet.getRow(1).font?.bold ?? false }));
    };
    for (const forget of [true, false]) {
      for (const unitId of [null, units.canteen, units.locked]) {
        if (forget) await forgetKeptReviews();
        const { body, expected, about, expectedAbout } = await both(request(unitId, "xlsx"));
        expect(about).toEqual(expectedAbout);
        const [mine, theirs] = [await cells(body), await cells(expected)];
        expect(mine.map((s) => s.name)).toEqual(["Employees", "Daily annex"]);
        expect(mine).toEqual(theirs);
      }
    }
  }, 180_000);
});

/** This database's other connections that are running something (the pool's idle ones are not). */
const busy = async () =>
  (await db().execute(sql`
    select state, query from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`)) as unknown as { state: string; query: string }[];
// pg_stat_activity keeps the first kilobyte of a query: the month's read starts so.
// The month's cursor over the days (`select b.*`) or over the kept figures (`select e.number`).
const exportCursors = async () => (await busy()).filter((b) => /^\s*select (b\.\*|e\.number),/.test(b.query));
const released = { timeout: 15_000, interval: 100 };

describe("a download given up half-way", () => {
  test("streams before the month is read, and a reader that leaves stops the cursor", async () => {
    const file = await exportDeclaration(request(null, "csv"));
    const reader = file.body.getReader();
    await reader.read(); // the header, sent before the month is read
    // The reader takes nothing more: the export waits with its cursor open on the rest of the month.
    await expect.poll(exportCursors, released).toHaveLength(1);
    await reader.cancel();
    await expect.poll(exportCursors, released).toHaveLength(0);
  }, 60_000);

  test("many abandoned downloads, CSV and XLSX, leave the pool free", async () => {
    // More than the pool's ten connections, all at once: each gives its connection back.
    const downloads = Array.from({ length: 14 }, async (_, i) => {
      const file = await exportDeclaration(request(null, i % 2 ? "xlsx" : "csv", i % 3 ? "summary" : "annex"));
      const reader = file.body.getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
    });
    await Promise.all(downloads);
    await expect.poll(busy, released).toEqual([]);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => db().execute(sql`select ${i}::int as i`)));
    expect(answers).toHaveLength(10);
    // And a whole download still works afterwards.
    const whole = await exportDeclaration(request(units.assembly, "csv"));
    expect((await bytes(whole.body)).toString("utf8")).toContain("Total");
  }, 120_000);
});
