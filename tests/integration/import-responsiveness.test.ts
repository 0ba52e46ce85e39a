import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { importDays } from "@/lib/rht/import";
import { importRoster } from "@/lib/roster/import";
import { importHardwareTokens } from "@/lib/tokens/hardware-import";
import { createEmployee } from "../support/factories";
import { whileTicking } from "../support/event-loop";

// Imports must never stall the instance: while a file is read and checked, the event loop
// keeps answering (other people's pages, /api/health), and a hostile file is refused early
// with bounded memory. Structural checks only: how the time is split, never how long it is.

const encode = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
/** 2.5 million one-character lines after a valid header: about 5 MB. */
const junk = (header: string) => new TextEncoder().encode(`${header}\n${"x\n".repeat(2_500_000)}`);
const mb = 1024 * 1024;

function weekdays(year: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

type Refusal = { applied: boolean; issues: { key: string; values?: Record<string, string | number> }[] };

/** A junk file: refused, the report cut at the first problems, memory bounded, stopped near the start. */
function expectRefusedEarly(m: { result: Refusal; heapGrowth: number }, file: Uint8Array) {
  expect(m.result.applied).toBe(false);
  expect(m.result.issues.length).toBeLessThanOrEqual(201);
  expect(m.result.issues[0]).toMatchObject({ key: "importTooManyIssues" });
  expect(m.heapGrowth).toBeLessThan(20 * file.byteLength);
  expect(m.result.issues[0].values!.line).toBeLessThan(5000); // stopped near the start, not after 2.5 million lines
}

describe("imports keep the event loop answering", () => {
  let numbers: string[] = [];
  beforeAll(async () => {
    const rows = (await db().execute(sql`
      insert into employees (number, first_name, last_name, job_family)
      select 'LOOP' || lpad(g::text, 4, '0'), 'Loop', 'Person', 'sales' from generate_series(1, 400) g returning number`)) as unknown as { number: string }[];
    numbers = rows.map((r) => r.number);
  });

  test("a valid hours file of 100,000 lines is checked in slices: the loop is never held for a large share of the import", async () => {
    const days = weekdays(2026);
    const lines = ["employee_number;date;worked"];
    for (const number of numbers) for (const day of days) lines.push(`${number};${day};4:00`);
    const file = encode(lines);
    const m = await whileTicking(() => db().transaction((tx) => importDays(tx, file, false)));
    expect(m.result).toMatchObject({ applied: false, issueCount: 0, rows: numbers.length * days.length });
    expect(m.ticks).toBeGreaterThan(20);
    expect(m.maxGap).toBeLessThan(m.ms / 8);
  });

  test("an hours file of 2.5 million junk lines is refused after the first problems: few issues kept, memory bounded, loop answering", async () => {
    const file = junk("employee_number;date;worked");
    const m = await whileTicking(() => db().transaction((tx) => importDays(tx, file, true)));
    expect(m.result.applied).toBe(false);
    expect(m.result.issues.length).toBeLessThanOrEqual(201);
    expect(m.result.issues[0]).toMatchObject({ column: null, key: "importTooManyIssues" });
    expect(m.result.issueCount).toBeGreaterThanOrEqual(1000);
    expect(m.result.issues.slice(1).every((i) => i.key === "dateInvalid")).toBe(true);
    expect(m.heapGrowth).toBeLessThan(20 * file.byteLength);
    expect(m.result.issues[0].values!.line).toBeLessThan(5000); // stopped near the start, not after 2.5 million lines
  }, 60_000);

  test("a roster file of junk lines is refused early the same way", async () => {
    const admin = await createEmployee();
    const file = junk("employee_number;first_name;last_name;org_unit;site;job_family");
    const m = await whileTicking(() => db().transaction((tx) => importRoster(tx, admin.id, file, { apply: true, deactivateMissing: false })));
    expectRefusedEarly(m, file);
  }, 60_000);

  test("a token file of junk lines is refused early the same way", async () => {
    const file = junk("serial;secret");
    const m = await whileTicking(() => db().transaction((tx) => importHardwareTokens(tx, file)));
    expectRefusedEarly(m, file);
  }, 60_000);

  test("a file over the size limit is refused before it is read", async () => {
    const file = new Uint8Array(50 * mb + 1);
    expect((await db().transaction((tx) => importDays(tx, file, false))).issues.map((i) => i.key)).toEqual(["importTooLarge"]);
  });
});
