import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { exportDeclaration, type ExportRequest } from "@/lib/rht/export";
import { approvePeriod, correctMonth, lockPeriod, monthVersions, reopenPeriod, reviewMonth } from "@/lib/rht/periods";
import { monthSheetSchema } from "@/lib/rht/schema";
import { getMonthSheet, saveMonthSheet, submitMonth } from "@/lib/rht/timesheet";
import { createEmployee } from "../support/factories";
import { refusal } from "../support/refusal";

const month = "2026-11"; // 21 working days, no public holiday in canton-less "CH"
type Entry = { worked: string; absenceKind?: string; absence?: string; overtime?: boolean };

/** Saves every day of the month (weekends empty) and submits it. */
async function fillMonth(employeeId: string, entry: (date: string) => Entry, options: { submit?: boolean } = {}) {
  const sheet = await getMonthSheet(employeeId, month);
  const days = sheet.days.map((d) => ({ date: d.date, absenceKind: "", absence: "", overtime: false, ...(d.planned > 0 ? entry(d.date) : { worked: "" }) }));
  await db().transaction((tx) => saveMonthSheet(tx, employeeId, monthSheetSchema.parse({ month, days })));
  if (options.submit !== false) await db().transaction((tx) => submitMonth(tx, employeeId, month));
}

async function unit(code: string) {
  const [row] = (await db().execute(sql`insert into org_units (code, name) values (${code}, ${`Unit ${code}`}) returning id`)) as unknown as { id: string }[];
  return row.id;
}

async function hrPerson() {
  return createEmployee({ lastName: "Hr" });
}

async function text(file: { body: ReadableStream<Uint8Array> }) {
  return Buffer.from(await new Response(file.body).arrayBuffer());
}

const request = (unitId: string, format: ExportRequest["format"], part: ExportRequest["part"] = "summary"): ExportRequest => ({ month, unitId, format, part, locale: "en" });

describe("a unit's month from entry to declaration", () => {
  let unitId: string;
  let hr: { id: string };
  let half: { id: string; number: string };
  let apprentice: { id: string; number: string };
  let formula: { id: string; number: string };

  beforeAll(async () => {
    unitId = await unit("DECL");
    hr = await hrPerson();
    half = await createEmployee({ orgUnitId: unitId, lastName: "Half", avsNumber: "756.1234.5678.97", birthDate: "1980-02-03", avsMonthlyWageCents: 612_345 });
    apprentice = await createEmployee({ orgUnitId: unitId, lastName: "Young", contractType: "apprentice" });
    formula = await createEmployee({ orgUnitId: unitId, lastName: "=HYPERLINK(\"http://x\")", firstName: "-2+3", noticeGiven: true });
    await fillMonth(half.id, () => ({ worked: "4:12" })); // half of 8:24 every working day
    await fillMonth(apprentice.id, () => ({ worked: "8:24" }));
    await fillMonth(formula.id, () => ({ worked: "0" }), { submit: false });
  });

  test("checks block approval while a month is not submitted, then approval and lock freeze it", async () => {
    const before = await reviewMonth(month, { unitId });
    expect(before.checks.filter((c) => c.level === "error").map((c) => [c.code, c.count])).toEqual([["unsubmitted", 1]]);
    expect(before.checks.find((c) => c.code === "excluded")).toMatchObject({ count: 2 });
    expect(await refusal(db().transaction((tx) => approvePeriod(tx, hr.id, unitId, month)))).toBe("periodHasErrors");
    expect(await refusal(db().transaction((tx) => lockPeriod(tx, hr.id, unitId, month)))).toBe("periodNotApproved");

    await db().transaction((tx) => submitMonth(tx, formula.id, month));
    await db().transaction((tx) => approvePeriod(tx, hr.id, unitId, month));
    // Approved: neither the employee nor HR's ordinary edit changes it any more.
    const edit = { month, days: [{ date: "2026-11-02", worked: "8:24", absenceKind: "", absence: "", overtime: false }] };
    expect(await refusal(db().transaction((tx) => saveMonthSheet(tx, half.id, monthSheetSchema.parse(edit))))).toBe("monthApproved");
    expect(await refusal(db().transaction((tx) => saveMonthSheet(tx, half.id, monthSheetSchema.parse(edit), "hr")))).toBe("monthApproved");
    await db().transaction((tx) => reopenPeriod(tx, unitId, month));
    expect((await getMonthSheet(half.id, month)).status).toBe("submitted");
    await db().transaction((tx) => approvePeriod(tx, hr.id, unitId, month));
    expect(await refusal(db().transaction((tx) => approvePeriod(tx, hr.id, unitId, month)))).toBe("periodApproved");

    await db().transaction((tx) => lockPeriod(tx, hr.id, unitId, month));
    expect((await reviewMonth(month, { unitId })).units[0]).toMatchObject({ period: "locked", employees: 3 });
    expect(await refusal(db().transaction((tx) => saveMonthSheet(tx, half.id, monthSheetSchema.parse(edit))))).toBe("monthLocked");
    expect(await refusal(db().transaction((tx) => saveMonthSheet(tx, half.id, monthSheetSchema.parse(edit), "hr")))).toBe("monthLocked");
    // Not even SQL changes a locked day or month without a correction.
    expect(await databaseRefusal(db().execute(sql`update timesheet_days set worked_minutes = 504 where employee_id = ${half.id} and day = '2026-11-02'`))).toMatch(/locked/);
    expect(await databaseRefusal(db().execute(sql`update timesheet_months set status = 'draft' where employee_id = ${half.id} and month = '2026-11-01'`))).toMatch(/locked/);
    expect(await databaseRefusal(db().execute(sql`delete from timesheet_versions where employee_id = ${half.id}`))).toMatch(/append-only/);
  });

  test("the CSV export, parsed back, has each employee's figures, totals, escaped formulas and no lost minute", async () => {
    const file = await exportDeclaration(request(unitId, "csv"));
    expect(file).toMatchObject({ final: true, employees: 3, contentType: "text/csv; charset=utf-8" });
    const raw = (await text(file)).toString("utf8");
    expect(raw.startsWith("\uFEFF")).toBe(true);
    const rows = parse(raw, { delimiter: ";", bom: true, relax_column_count: true }) as string[][];
    const [header, ...body] = rows;
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(0, 4)).toEqual(["Employee number", "Last name", "First name", "AVS number"]);
    const byNumber = new Map(body.map((r) => [r[0], r]));
    const h = byNumber.get(half.number)!;
    // 21 days × 504 normal, 252 worked; waiting period one average day (504); unit qualifies at 50 %.
    expect([h[col("Normal hours")], h[col("Hours worked")], h[col("Lost hours")], h[col("Waiting period (h)")], h[col("Compensable lost hours")], h[col("Loss (%)")]]).toEqual(["176.4", "88.2", "88.2", "8.4", "79.8", "50"]);
    expect([h[col("AVS number")], h[col("Birth date")], h[col("AVS wage (CHF)")]]).toEqual(["756.1234.5678.97", "1980-02-03", "6123.45"]);
    // 80 % of 6123.45 × 4788 / 10584 compensable minutes.
    expect(h[col("Compensation, 80 % (CHF)")]).toBe("2216.11");
    const f = byNumber.get(formula.number)!;
    expect([f[col("Last name")], f[col("First name")]]).toEqual(["'=HYPERLINK(\"http://x\")", "'-2+3"]);
    expect([f[col("Compensable lost hours")], f[col("Excluded from short-time work")]]).toEqual(["0", "Notice given"]);
    expect(byNumber.get(apprentice.number)![col("Excluded from short-time work")]).toBe("Apprentice");
    const total = body[body.length - 1];
    expect(total[0]).toBe("Total");
    expect(Number(total[col("Normal hours")])).toBeCloseTo(3 * 176.4, 5);
    expect(total[col("Compensable lost hours")]).toBe("79.8");

    const annex = parse((await text(await exportDeclaration(request(unitId, "csv", "annex")))).toString("utf8"), { delimiter: ";", bom: true }) as string[][];
    expect(annex[0].slice(3)).toHaveLength(30);
    const halfDays = annex.find((r) => r[0] === half.number)!;
    expect(halfDays[3 + 1]).toBe("4.2"); // Monday 2 November: 4:12 lost
    expect(halfDays[3 + 0]).toBe("0"); // Sunday
  });

  test("the XLSX export has the same figures on two sheets", async () => {
    const file = await exportDeclaration(request(unitId, "xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await text(file)) as unknown as ArrayBuffer);
    const [summary, annex] = workbook.worksheets;
    expect([summary.name, annex.name]).toEqual(["Employees", "Daily annex"]);
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    const rows = new Map<string, unknown[]>();
    summary.eachRow((row, n) => {
      if (n > 1) rows.set(String((row.values as unknown[])[1]), (row.values as unknown[]).slice(1));
    });
    const h = rows.get(half.number)!;
    expect(h[header.indexOf("Compensable lost hours")]).toBe(79.8);
    expect(h[header.indexOf("AVS wage (CHF)")]).toBe(6123.45);
    expect(rows.get(formula.number)![header.indexOf("Last name")]).toBe("=HYPERLINK(\"http://x\")");
    expect(rows.has("Total")).toBe(true);
    expect(annex.rowCount).toBe(4);
  });

  test("a correction after lock needs HR, keeps the old version readable and changes the declaration", async () => {
    const sheet = await getMonthSheet(half.id, month);
    const days = sheet.days.map((d) => ({ date: d.date, worked: d.planned > 0 ? (d.date === "2026-11-02" ? "8:24" : "4:12") : "", absenceKind: "", absence: "", overtime: false }));
    const { version } = await db().transaction((tx) => correctMonth(tx, hr.id, half.id, monthSheetSchema.parse({ month, days }), "Time system export was late"));
    expect(version).toBe(2);
    const versions = await monthVersions(half.id, month);
    expect(versions.map((v) => [v.version, v.reason, v.figures.lost])).toEqual([
      [2, "Time system export was late", 20 * 252],
      [1, null, 21 * 252],
    ]);
    expect(versions[1].days.find((d) => d.date === "2026-11-02")!.worked).toBe(252);
    const rows = parse((await text(await exportDeclaration(request(unitId, "csv")))).toString("utf8"), { delimiter: ";", bom: true }) as string[][];
    expect(rows.find((r) => r[0] === half.number)![rows[0].indexOf("Lost hours")]).toBe("84");
    // Still locked for everyone else.
    expect(await databaseRefusal(db().execute(sql`update timesheet_days set worked_minutes = 0 where employee_id = ${half.id} and day = '2026-11-03'`))).toMatch(/locked/);
    expect(await refusal(db().transaction((tx) => correctMonth(tx, hr.id, apprentice.id, monthSheetSchema.parse({ month: "2026-10", days: [] }), "not locked")))).toBe("monthNotLocked");
  });
});

describe("the unit threshold and the checks", () => {
  test("a unit qualifies at exactly 10 % loss of its entitled staff; one minute less does not", async () => {
    const exact = await unit("EX10");
    const under = await unit("UN10");
    const a = await createEmployee({ orgUnitId: exact });
    await createEmployee({ orgUnitId: exact, contractType: "apprentice" }); // not entitled: does not dilute
    const b = await createEmployee({ orgUnitId: under });
    // 21 × 504 = 10584 normal; 10 % is 1058.4, so 1059 lost minutes qualify and 1058 do not.
    await fillMonth(a.id, losing(1059));
    await fillMonth(b.id, losing(1058));
    const [ex] = (await reviewMonth(month, { unitId: exact })).units;
    const [un] = (await reviewMonth(month, { unitId: under })).units;
    expect(ex.threshold).toEqual({ qualifies: true, lost: 1059, base: 10584 });
    expect(ex).toMatchObject({ employees: 2, withEntries: 1, submitted: 1, affected: 1 });
    expect(un.threshold).toEqual({ qualifies: false, lost: 1058, base: 10584 });
    expect(un.compensable).toBe(0);
    expect((await reviewMonth(month, { unitId: under })).checks.map((c) => c.code)).toContain("underThreshold");
  });

  test("someone who entered nothing is counted as working their plan, and reported", async () => {
    const u = await unit("NOE");
    const idle = await createEmployee({ orgUnitId: u, lastName: "Idle" });
    const review = await reviewMonth(month, { unitId: u });
    expect(review.units[0]).toMatchObject({ employees: 1, withEntries: 0, normal: 10584, worked: 10584, lost: 0 });
    expect(review.checks).toEqual([expect.objectContaining({ code: "noEntries", level: "warning", count: 1, people: [`Idle Test (${idle.number})`] })]);
  });

  test("mid-month entry: days before the contract are not planned", async () => {
    const u = await unit("MID");
    const late = await createEmployee({ orgUnitId: u, employedFrom: "2026-11-16" });
    const sheet = await getMonthSheet(late.id, month);
    expect(sheet.days.filter((d) => d.planned > 0)).toHaveLength(11);
    expect(await refusal(db().transaction((tx) => submitMonth(tx, late.id, month)))).toBe("daysMissing");
  });
});

/** Whole days lost from the 2nd, the rest on the next day: `total` lost minutes in all. */
const losing = (total: number) => (date: string) => {
  const index = ["2026-11-02", "2026-11-03", "2026-11-04"].indexOf(date);
  const lost = index < 0 ? 0 : Math.min(504, Math.max(0, total - index * 504));
  return { worked: formatted(504 - lost) };
};
/** The database's own refusal message (drizzle wraps it as the cause). */
async function databaseRefusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    return ((error as { cause?: Error }).cause ?? (error as Error)).message;
  }
}
const formatted = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;

describe("a locked month keeps the settings it was locked with", () => {
  test("changing the insured cap afterwards does not change the declared compensation", async () => {
    const { saveSetting } = await import("@/lib/settings/service");
    const { defaultRhtSettings } = await import("@/lib/settings/schemas");
    const unitId = await unit("CAP");
    const hr = await hrPerson();
    const rich = await createEmployee({ orgUnitId: unitId, avsMonthlyWageCents: 2_000_000 }); // 20,000 a month, above the cap
    await fillMonth(rich.id, () => ({ worked: "4:12" }));
    await db().transaction((tx) => approvePeriod(tx, hr.id, unitId, month));
    await db().transaction((tx) => lockPeriod(tx, hr.id, unitId, month));
    const compensation = async () => {
      const rows = parse((await text(await exportDeclaration(request(unitId, "csv")))).toString("utf8"), { delimiter: ";", bom: true }) as string[][];
      return rows.find((r) => r[0] === rich.number)![rows[0].indexOf("Compensation, 80 % (CHF)")];
    };
    // 12,350 (148,200 / 12) × 4788 / 10584 × 80 %
    expect(await compensation()).toBe("4469.52");
    await db().transaction((tx) => saveSetting(tx, "rht", JSON.stringify({ ...defaultRhtSettings, insuredMaxYearlyFrancs: 300_000 })));
    expect(await compensation()).toBe("4469.52");
    await db().transaction((tx) => saveSetting(tx, "rht", JSON.stringify(defaultRhtSettings)));
  });
});
