import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { importOpenings, runOvertimeImport } from "@/lib/rht/overtime-import";
import { countOvertimeOpenings } from "@/lib/rht/overtime-openings";
import { approvePeriod, lockPeriod } from "@/lib/rht/periods";
import { createEmployee, seedJourney } from "../support/factories";

// Opening overtime / flextime balances from the time system (issue 14 point 9): checked
// whole, nothing written while there is one problem, one opening per employee.

const bytes = (text: string) => new TextEncoder().encode(text);
const run = (actorId: string, text: string, apply = true) => db().transaction((tx) => importOpenings(tx, actorId, bytes(text), apply));
const openings = async (...ids: string[]) =>
  (await db().execute(sql`
    select e.number, o.month::text as month, o.minutes, o.imported_by
      from rht_overtime_openings o join employees e on e.id = o.employee_id
     where o.employee_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
     order by e.number`)) as unknown as { number: string; month: string; minutes: number; imported_by: string }[];

describe("importing opening overtime balances", () => {
  let hr: { id: string };
  let a: { id: string; number: string };
  let b: { id: string; number: string };
  beforeAll(async () => {
    await seedJourney();
    hr = await createEmployee();
    a = await createEmployee();
    b = await createEmployee();
  });

  test("a file with good and bad rows: every problem with its line, nothing written", async () => {
    const file = [
      "employee_number;balance;date",
      `${a.number};12:30;2026-03-01`, // good
      `NOPE;1:00;2026-03-01`, // 3: unknown employee
      `X4;12:3;2026-03-01`, // 4: not a duration
      `X5;;2026-03-01`, // 5: balance missing
      `;1:00;2026-03-01`, // 6: no number
      `X7;1:00;2026-02-30`, // 7: no such date
      `${a.number};1:00;2026-03-01`, // 8: same employee as line 2
      `X9;1700:00;2026-03-01`, // 9: past 100,000 minutes
      `X10;--3;2026-03-01`, // 10: not a number
      `${b.number};1:00;2026-03-01`, // good, but the file is refused
    ].join("\n");
    const report = await run(hr.id, file);
    expect(report.applied).toBe(false);
    expect(report.issues.map((i) => [i.line, i.column, i.key])).toEqual([
      [3, "employee_number", "employeeNotFound"],
      [4, "balance", "importBalanceInvalid"],
      [5, "balance", "importBalanceInvalid"],
      [6, "employee_number", "employeeNotFound"],
      [7, "date", "dateInvalid"],
      [8, "employee_number", "importEmployeeDuplicate"],
      [9, "balance", "importBalanceTooLarge"],
      [10, "balance", "importBalanceInvalid"],
    ]);
    expect(report.issues.find((i) => i.line === 8)!.values).toEqual({ first: 2 });
    expect(await openings(a.id, b.id)).toEqual([]);
  });

  test("header rules as for the hours: unknown, missing and repeated columns; empty and malformed files", async () => {
    expect((await run(hr.id, "number;hours\n")).issues.map((i) => [i.column, i.key])).toEqual([
      ["number", "importUnknownColumn"],
      ["hours", "importUnknownColumn"],
      ["employee_number", "importMissingColumn"],
      ["balance", "importMissingColumn"],
      ["date", "importMissingColumn"],
    ]);
    expect((await run(hr.id, "employee_number;balance;date;balance\n")).issues.map((i) => [i.column, i.key])).toEqual([["balance", "importDuplicateColumn"]]);
    expect((await run(hr.id, "")).issues.map((i) => i.key)).toEqual(["importEmpty"]);
    expect((await run(hr.id, `employee_number;balance;date\n${a.number};"1:00;2026-03-01\n`)).issues.map((i) => i.key)).toEqual(["importMalformed"]);
    expect(await run(hr.id, "employee_number;balance;date\n")).toMatchObject({ rows: 0, issueCount: 0, applied: true });
  });

  test("dry run writes nothing; apply stores the first of the month, negative balances too; a re-import replaces", async () => {
    const file = ["Employee_Number,Balance,Date", `${a.number},"12,5",2026-03-17`, `${b.number},-3:30,01.03.2026`].join("\r\n");
    expect(await run(hr.id, file, false)).toMatchObject({ applied: false, rows: 2, employees: 2, unchanged: 0, issueCount: 0 });
    expect(await openings(a.id, b.id)).toEqual([]);

    expect(await run(hr.id, file)).toMatchObject({ applied: true, rows: 2, employees: 2, unchanged: 0 });
    expect((await openings(a.id, b.id)).map((o) => [o.number, o.month, o.minutes, o.imported_by])).toEqual([
      [a.number, "2026-03-01", 750, hr.id],
      [b.number, "2026-03-01", -210, hr.id],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));

    // A later file for one of them: theirs is replaced, the other's stays.
    expect(await run(hr.id, `employee_number;balance;date\n${a.number};−0:45;2026-04-01\n`)).toMatchObject({ applied: true, rows: 1, employees: 1 });
    expect((await openings(a.id, b.id)).map((o) => [o.number, o.month, o.minutes])).toEqual(
      [
        [a.number, "2026-04-01", -45],
        [b.number, "2026-03-01", -210],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(await countOvertimeOpenings()).toBe(2);
  });

  test("a balance that would change an approved or locked month is refused; an unchanged line is not", async () => {
    const [unit] = (await db().execute(sql`insert into org_units (code, name) values ('OTL', 'Openings locked') returning id`)) as unknown as { id: string }[];
    const locked = await createEmployee({ orgUnitId: unit.id });
    const free = await createEmployee();
    // Before the month closes: an opening from May.
    expect(await run(hr.id, `employee_number;balance;date\n${locked.number};5:00;2026-05-01\n`)).toMatchObject({ applied: true });
    await db().transaction((tx) => approvePeriod(tx, hr.id, unit.id, "2026-05"));

    const report = await run(hr.id, `employee_number;balance;date\n${free.number};1:00;2026-05-01\n${locked.number};6:00;2026-04-20\n`);
    expect(report).toMatchObject({ applied: false, issueCount: 1 });
    expect(report.issues).toEqual([{ line: 3, column: "date", key: "importOpeningApproved", values: { number: locked.number, month: "2026-05" } }]);
    expect(await openings(free.id)).toEqual([]); // the good line was not written either

    await db().transaction((tx) => lockPeriod(tx, hr.id, unit.id, "2026-05"));
    // Moving the opening after the locked month would still take it away from May.
    expect((await run(hr.id, `employee_number;balance;date\n${locked.number};5:00;2026-07-01\n`)).issues).toEqual([
      { line: 2, column: "date", key: "importOpeningLocked", values: { number: locked.number, month: "2026-05" } },
    ]);
    // The same opening again (a file re-sent with people added) changes nothing and passes.
    expect(await run(hr.id, `employee_number;balance;date\n${locked.number};5:00;2026-05-31\n${free.number};2:00;2026-06-01\n`)).toMatchObject({ applied: true, rows: 2, employees: 2, unchanged: 1 });
    expect((await openings(locked.id))[0]).toMatchObject({ month: "2026-05-01", minutes: 300 });
    expect((await openings(free.id))[0]).toMatchObject({ month: "2026-06-01", minutes: 120 });
  });

  test("the import is audited in the same transaction, without names or numbers", async () => {
    const actor = await createEmployee();
    const c = await createEmployee({ firstName: "Opening", lastName: "Audited" });
    const refused = await runOvertimeImport(actor.id, bytes(`employee_number;balance;date\n${c.number};x;2026-03-01\n`), true);
    expect(refused.applied).toBe(false);
    const checked = await runOvertimeImport(actor.id, bytes(`employee_number;balance;date\n${c.number};8:00;2026-03-01\n`), false);
    expect(checked).toMatchObject({ applied: false, issueCount: 0 });
    expect(await openings(c.id)).toEqual([]);
    const text = `employee_number;balance;date\n${c.number};8:00;2026-03-01\n`;
    expect(await runOvertimeImport(actor.id, bytes(text), true)).toMatchObject({ applied: true, rows: 1, employees: 1 });
    const audit = (await db().execute(sql`select action, target_type, target_id, details from audit_log where actor_employee_id = ${actor.id}`)) as unknown as { action: string; details: Record<string, unknown> }[];
    expect(audit).toEqual([{ action: "rht.import_overtime", target_type: "rht_overtime_opening", target_id: null, details: { rows: 1, employees: 1, unchanged: 0, bytes: bytes(text).byteLength } }]);
    const stored = JSON.stringify(audit);
    for (const personal of [c.number, c.id, "Opening", "Audited"]) expect(stored).not.toContain(personal);
  });
});
