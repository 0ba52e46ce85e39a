// Issue 14 point 11: formula-looking names go through the real roster import, and what is
// stored and what the report says must agree: nothing formula-like is kept.
import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { looksLikeFormula } from "@/lib/csv/formula";
import { db } from "@/lib/db";
import { importRoster } from "@/lib/roster/import";
import { createEmployee } from "../support/factories";

const header = "employee_number;first_name;last_name;org_unit;site;job_family;manager_number";
const run = (actorId: string, lines: string[], apply: boolean) =>
  db().transaction((tx) => importRoster(tx, actorId, new TextEncoder().encode(lines.join("\n")), { apply, deactivateMissing: false }));

test("bypasses of the formula guard are stored as plain text and reported with what is kept", async () => {
  const admin = await createEmployee();
  const s = Date.now().toString(36).toUpperCase();
  const lines = [
    header,
    `F1${s};"= =HYPERLINK(""http://evil.test"",""x"")";Plain;FRM;FRS;sales;`, // line 2
    `F2${s};@ @SUM(1);- =1+1;FRM;FRS;sales;= F1${s}`, // line 3
    `F3${s};\t=\t=Zoé;＝＋Muster;FRM;FRS;sales;`, // line 4
    `F4${s};\u00a0=Ann;\u3000－ ＠Roe;FRM;FRS;sales;`, // line 5
    `F5${s};Jean-Luc;O'Brien;FRM;FRS;sales;`, // line 6: nothing to neutralise
  ];
  const kept = {
    2: { first_name: 'HYPERLINK("http://evil.test","x")' },
    3: { first_name: "SUM(1)", last_name: "1+1", manager_number: `F1${s}` },
    4: { first_name: "Zoé", last_name: "Muster" },
    5: { first_name: "Ann", last_name: "Roe" },
  } as Record<number, Record<string, string>>;
  const expected = Object.entries(kept).flatMap(([line, columns]) => Object.entries(columns).map(([column, value]) => [Number(line), column, "rosterFormulaNeutralised", value]));

  const dry = await run(admin.id, lines, false);
  expect(dry).toMatchObject({ applied: false, issueCount: 0, added: 5, warningCount: expected.length });
  expect(dry.warnings.map((w) => [w.line, w.column, w.key, w.values?.value])).toEqual(expected);

  const applied = await run(admin.id, lines, true);
  expect(applied).toMatchObject({ applied: true, added: 5, warningCount: expected.length });
  const stored = (await db().execute(sql`
    select e.number, e.first_name, e.last_name, m.number as manager
      from employees e left join employees m on m.id = e.manager_id
     where e.number like ${`F_${s}`} order by e.number`)) as unknown as { number: string; first_name: string; last_name: string; manager: string | null }[];
  expect(stored.map((e) => [e.number, e.first_name, e.last_name, e.manager])).toEqual([
    [`F1${s}`, 'HYPERLINK("http://evil.test","x")', "Plain", null],
    [`F2${s}`, "SUM(1)", "1+1", `F1${s}`],
    [`F3${s}`, "Zoé", "Muster", null],
    [`F4${s}`, "Ann", "Roe", null],
    [`F5${s}`, "Jean-Luc", "O'Brien", null],
  ]);
  for (const e of stored) for (const value of [e.first_name, e.last_name]) expect(looksLikeFormula(value), value).toBe(false);
});
