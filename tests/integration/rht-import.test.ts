import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { importDays } from "@/lib/rht/import";
import { approvePeriod, lockPeriod } from "@/lib/rht/periods";
import { getMonthSheet } from "@/lib/rht/timesheet";
import { createEmployee, seedJourney } from "../support/factories";

const run = (text: string | Uint8Array, apply = true) => db().transaction((tx) => importDays(tx, typeof text === "string" ? new TextEncoder().encode(text) : text, apply));
const dayCount = async (employeeId: string) =>
  ((await db().execute(sql`select count(*)::int as n from timesheet_days where employee_id = ${employeeId}`)) as unknown as { n: number }[])[0].n;

describe("importing daily hours", () => {
  let a: { id: string; number: string };
  let b: { id: string; number: string };
  beforeAll(async () => {
    await seedJourney(); // public holidays
    const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('IMZ', 'Import ZH', 'Zürich', 'ZH') returning id`)) as unknown as { id: string }[];
    a = await createEmployee({ siteId: site.id });
    b = await createEmployee({ siteId: site.id, employmentRate: 50 });
  });

  test("a file with good and bad rows: every problem reported with its line, nothing written", async () => {
    const file = [
      "employee_number;date;worked;absence_kind;absence;overtime",
      `${a.number};2026-11-02;4:12;;;`, // good
      `NOPE;2026-11-02;4:00;;;`, // 3: unknown employee
      `${a.number};2026-11-31;4:00;;;`, // 4: no such date
      `${a.number};2026-11-03;-2;;;`, // 5: negative
      `${a.number};2026-11-04;25:00;;;`, // 6: more than a day
      `${a.number};2026-11-05;9:00;;;no`, // 7: over plan without overtime
      `${a.number};2026-11-07;0;holiday;8:00;`, // 8: absence on a Saturday
      `${a.number};02.11.2026;1:00;;;`, // 9: same day as line 2
      `${a.number};2026-11-06;1:00;flu;1:00;`, // 10: unknown absence kind
      `${a.number};2026-11-09;1:00;;;maybe`, // 11: overtime neither yes nor no
    ].join("\n");
    const report = await run(file);
    expect(report.applied).toBe(false);
    expect(report.issues.map((i) => [i.line, i.column, i.key])).toEqual([
      [3, "employee_number", "employeeNotFound"],
      [4, "date", "dateInvalid"],
      [5, "worked", "timeInvalid"],
      [6, "worked", "timeTooLong"],
      [7, "worked", "exceedsPlanned"],
      [8, "absence", "absenceOnFreeDay"],
      [9, "date", "importDuplicate"],
      [10, "absence_kind", "absenceInvalid"],
      [11, "overtime", "importOvertimeInvalid"],
    ]);
    expect(report.issues.find((i) => i.line === 9)!.values).toEqual({ first: 2 });
    expect(await dayCount(a.id)).toBe(0);
  });

  test("a correct file: checked first without writing, then imported whole; a re-import replaces, not duplicates", async () => {
    const file = [
      "Employee_Number,Date,Worked,Absence_Kind,Absence,Overtime",
      `${a.number},2026-11-02,"4,2",,,`,
      `${a.number},03.11.2026,0,sickness,8:24,`,
      `${a.number},2026-11-04,9:30,,,yes`,
      `${b.number},2026-11-02,2:00,,,`,
    ].join("\r\n");
    const checked = await run(file, false);
    expect(checked).toMatchObject({ applied: false, rows: 4, employees: 2, months: 2, issueCount: 0 });
    expect(await dayCount(a.id)).toBe(0);
    expect(await run(file)).toMatchObject({ applied: true, rows: 4, employees: 2, months: 2 });
    expect(await run(file)).toMatchObject({ applied: true, rows: 4 });
    expect(await dayCount(a.id)).toBe(3);
    const sheet = await getMonthSheet(a.id, "2026-11");
    expect(sheet.days.slice(1, 4).map((d) => [d.worked, d.absences, d.overtimeMarked])).toEqual([
      [252, {}, false],
      [0, { sickness: 504 }, false],
      [570, {}, true],
    ]);
    expect((await getMonthSheet(b.id, "2026-11")).days[1]).toMatchObject({ planned: 252, worked: 120 });
  });

  test("Latin-1, tabs, and a public holiday booked as such", async () => {
    const zurich = await createEmployee({ number: `ZÜ-${Date.now()}`, siteId: (await db().execute(sql`select id from sites where code = 'IMZ'`))[0].id as string });
    const text = `employee_number\tdate\tworked\n${zurich.number}\t2026-01-02\t0\n`; // Berchtold's Day in Zurich
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(latin1.includes(0xdc)).toBe(true); // "Ü" as one Latin-1 byte
    expect(await run(latin1)).toMatchObject({ applied: true, rows: 1, issueCount: 0 });
    expect((await getMonthSheet(zurich.id, "2026-01")).days[1].absences).toEqual({ public_holiday: 504 });
    // Partly worked (4:00 on Berchtold's Day): the rest of the plan is the holiday, stored as such, never lost.
    expect(await run(`employee_number;date;worked\n${zurich.number};2026-01-02;4:00\n`)).toMatchObject({ applied: true });
    const [stored] = (await db().execute(sql`select absences from timesheet_days where employee_id = ${zurich.id} and day = '2026-01-02'`)) as unknown as { absences: object }[];
    expect(stored.absences).toEqual({ public_holiday: 264 });
  });

  test("malformed files and locked months are refused whole", async () => {
    expect((await run("employee_number;date;worked\nX;\"2026-11-02;1\n")).issues.map((i) => i.key)).toEqual(["importMalformed"]);
    expect((await run("")).issues.map((i) => i.key)).toEqual(["importEmpty"]);
    expect(await run("employee_number;date;worked\n")).toMatchObject({ rows: 0, issueCount: 0, applied: true }); // a header alone writes nothing
    expect((await run("number;day;hours\n")).issues.map((i) => [i.column, i.key])).toEqual([
      ["number", "importUnknownColumn"],
      ["day", "importUnknownColumn"],
      ["hours", "importUnknownColumn"],
      ["employee_number", "importMissingColumn"],
      ["date", "importMissingColumn"],
      ["worked", "importMissingColumn"],
    ]);

    const [unit] = (await db().execute(sql`insert into org_units (code, name) values ('IMPL', 'Import locked') returning id`)) as unknown as { id: string }[];
    const locked = await createEmployee({ orgUnitId: unit.id });
    const hr = await createEmployee();
    await db().transaction((tx) => approvePeriod(tx, hr.id, unit.id, "2026-10"));
    await db().transaction((tx) => lockPeriod(tx, hr.id, unit.id, "2026-10"));
    const report = await run(`employee_number;date;worked\n${a.number};2026-11-10;8:24\n${locked.number};2026-10-05;1:00\n`);
    expect(report.issues).toEqual([{ line: 3, column: "date", key: "importMonthLocked", values: { number: locked.number, month: "2026-10" } }]);
    expect(report.applied).toBe(false);
    expect((await getMonthSheet(a.id, "2026-11")).days[9].worked).toBe(0); // the good line was not written either
  });
});

describe("reminders", () => {
  test("everyone whose month still has empty working days gets one e-mail, once per operation, in their language", async () => {
    const { remindMissing } = await import("@/lib/rht/periods");
    const { randomUUID } = await import("node:crypto");
    const [unit] = (await db().execute(sql`insert into org_units (code, name) values ('REM', 'Reminded') returning id`)) as unknown as { id: string }[];
    const nothing = await createEmployee({ orgUnitId: unit.id, language: "de" });
    const started = await createEmployee({ orgUnitId: unit.id, language: "en" });
    const apprentice = await createEmployee({ orgUnitId: unit.id, contractType: "apprentice" });
    const done = await createEmployee({ orgUnitId: unit.id });
    await run(`employee_number;date;worked\n${started.number};2026-11-02;8:24\n`);
    const workingDays = (await getMonthSheet(done.id, "2026-11")).days.filter((d) => d.planned > 0);
    await run(["employee_number;date;worked", ...workingDays.map((d) => `${done.number};${d.date};8:24`)].join("\n"));
    const hr = await createEmployee();
    const operationId = randomUUID();
    const mails = async () => (await db().execute(sql`select to_address, subject, text_body from outbox where to_address in (${nothing.workEmail}, ${started.workEmail}, ${apprentice.workEmail}, ${done.workEmail}) order by to_address`)) as unknown as { to_address: string; subject: string; text_body: string }[];

    const first = await db().transaction((tx) => remindMissing(tx, hr.id, operationId, "2026-11", unit.id));
    const again = await db().transaction((tx) => remindMissing(tx, hr.id, operationId, "2026-11", unit.id));
    expect(first).toEqual({ reminded: 2, repeated: false });
    expect(again).toEqual({ reminded: 2, repeated: true });
    const sent = await mails();
    expect(sent.map((m) => m.to_address).sort()).toEqual([nothing.workEmail, started.workEmail].sort());
    expect(sent.find((m) => m.to_address === started.workEmail)!.text_body).toContain("20 working days of November 2026 have no hours yet");
    expect(sent.find((m) => m.to_address === nothing.workEmail)!.subject).toMatch(/November 2026/); // in German
    expect(sent.find((m) => m.to_address === nothing.workEmail)!.subject).not.toBe(sent.find((m) => m.to_address === started.workEmail)!.subject);
  });
});
