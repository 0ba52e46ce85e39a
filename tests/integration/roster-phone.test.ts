import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { rosterCsv } from "@/lib/roster/export";
import { importRoster } from "@/lib/roster/import";
import { createEmployee } from "../support/factories";

// Issue 13 point 2: the roster import takes an optional `phone` column, read by the same rule
// as every phone field; a bad number is a problem on its line, like any other field.

const run = (actorId: string, lines: string[], apply = true) =>
  db().transaction((tx) => importRoster(tx, actorId, new TextEncoder().encode(lines.join("\n")), { apply, deactivateMissing: false }));
const phoneOf = async (number: string) => ((await db().execute(sql`select phone from employees where number = ${number}`)) as unknown as { phone: string | null }[])[0]?.phone;

describe("roster import: phone column", () => {
  test("Swiss and international forms are stored as E.164; an empty cell clears the phone; a re-import is unchanged", async () => {
    const admin = await createEmployee();
    const s = Date.now().toString(36);
    const header = "employee_number;first_name;last_name;org_unit;site;job_family;phone";
    const lines = [header, `P1${s};Anna;Muster;FIN;GVA;finance;079 123 45 67`, `P2${s};Ben;Keller;FIN;GVA;finance;+33 6 12 34 56 78`, `P3${s};Cleo;Roe;FIN;GVA;finance;`];
    expect(await run(admin.id, lines)).toMatchObject({ applied: true, added: 3, issueCount: 0 });
    expect(await phoneOf(`P1${s}`)).toBe("+41791234567");
    expect(await phoneOf(`P2${s}`)).toBe("+33612345678");
    expect(await phoneOf(`P3${s}`)).toBeNull();
    // The same number written another way is no change.
    const again = [header, `P1${s};Anna;Muster;FIN;GVA;finance;+41 79 123 45 67`, lines[2], lines[3]];
    expect(await run(admin.id, again)).toMatchObject({ applied: true, changed: 0, unchanged: 3 });
    // A new number is a change of the phone column; an emptied cell removes it.
    const next = [header, `P1${s};Anna;Muster;FIN;GVA;finance;0041 44 123 45 67`, `P2${s};Ben;Keller;FIN;GVA;finance;`, lines[3]];
    const report = await run(admin.id, next);
    expect(report).toMatchObject({ applied: true, changed: 2 });
    expect(report.changes.map((c) => [c.number, c.fields])).toEqual([[`P1${s}`, ["phone"]], [`P2${s}`, ["phone"]]]);
    expect(await phoneOf(`P1${s}`)).toBe("+41441234567");
    expect(await phoneOf(`P2${s}`)).toBeNull();
  });

  test("a bad phone is a problem on its line with its reason; nothing is written", async () => {
    const admin = await createEmployee();
    const s = Date.now().toString(36);
    const lines = [
      "employee_number;first_name;last_name;org_unit;site;job_family;phone",
      `Q1${s};Anna;Muster;FIN;GVA;finance;079 123 45 67`,
      `Q2${s};Ben;Keller;FIN;GVA;finance;call me`,
      `Q3${s};Cleo;Roe;FIN;GVA;finance;079 123 45`,
      `Q4${s};Dan;Poe;FIN;GVA;finance;+41 79 123 45 67 8`,
      `Q5${s};Eve;Loe;FIN;GVA;finance;=1+2`,
    ];
    const report = await run(admin.id, lines);
    expect(report.applied).toBe(false);
    expect(report.issues.map((i) => [i.line, i.column, i.key])).toEqual([
      [3, "phone", "phoneInvalid"],
      [4, "phone", "phoneTooShort"],
      [5, "phone", "phoneTooLong"],
      [6, "phone", "phoneInvalid"],
    ]);
    expect(await phoneOf(`Q1${s}`)).toBeUndefined();
  });

  test("a file without the column leaves every phone as it is", async () => {
    const admin = await createEmployee();
    const s = Date.now().toString(36);
    const header = "employee_number;first_name;last_name;org_unit;site;job_family;phone";
    await run(admin.id, [header, `R1${s};Anna;Muster;FIN;GVA;finance;079 123 45 67`]);
    const report = await run(admin.id, ["employee_number;first_name;last_name;org_unit;site;job_family", `R1${s};Anna;Muster-Keller;FIN;GVA;finance`]);
    expect(report).toMatchObject({ applied: true, changed: 1, issueCount: 0 });
    expect(report.changes[0].fields).toEqual(["last_name"]);
    expect(await phoneOf(`R1${s}`)).toBe("+41791234567");
  });

  test("export → import: the phone comes back unchanged (the export's formula guard is no part of the number)", async () => {
    const admin = await createEmployee();
    const s = Date.now().toString(36);
    await run(admin.id, ["employee_number;first_name;last_name;org_unit;site;job_family;phone", `X1${s};Anna;Muster;FIN;GVA;finance;079 123 45 67`]);
    const text = await new Response(rosterCsv()).text();
    const [header, ...rows] = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    const mine = rows.filter((r) => r.startsWith(`X1${s};`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(";'+41791234567;");
    expect(await run(admin.id, [header, ...mine], false)).toMatchObject({ issueCount: 0, changed: 0, unchanged: 1 });
  });
});
