import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { importRoster } from "@/lib/roster/import";
import { setStaffRole } from "@/lib/roster/roles";
import { createEmployee, createUserWithSession, grantRole } from "../support/factories";
import { refusal } from "../support/refusal";

const header = "employee_number;first_name;last_name;work_email;org_unit;org_unit_name;site;site_name;site_city;site_canton;job_family;contract_type;employment_rate;language;manager_number;avs_number";
const run = (actorId: string, lines: string[], options: { apply?: boolean; deactivateMissing?: boolean } = {}) =>
  db().transaction((tx) => importRoster(tx, actorId, new TextEncoder().encode(lines.join("\n")), { apply: options.apply ?? true, deactivateMissing: options.deactivateMissing ?? false }));
const employee = async (number: string) =>
  ((await db().execute(sql`
    select e.first_name, e.last_name, e.work_email, e.active, e.employment_rate, e.contract_type::text, e.language::text, e.avs_number, o.code as unit, s.code as site, s.canton, m.number as manager
      from employees e left join org_units o on o.id = e.org_unit_id left join sites s on s.id = e.site_id left join employees m on m.id = e.manager_id
     where e.number = ${number}`)) as unknown as Record<string, unknown>[])[0];

describe("roster import", () => {
  test("good and bad rows: the report is exact and nothing is half-applied", async () => {
    const admin = await createEmployee();
    const taken = await createEmployee({ workEmail: `taken.${Date.now()}@work.test` });
    const lines = [
      header,
      "R001;Anna;Muster;anna.r001@roster.test;FIN;Finance;GVA;Genève;Genève;GE;finance;permanent;80;fr;;756.1234.5678.97", // 2 good
      "R002;Ben;;ben@roster.test;FIN;;GVA;;;;finance;;;;;", // 3: no last name
      `R003;Cleo;Doe;${taken.workEmail};FIN;;GVA;;;;finance;;;;;`, // 4: address of someone else
      "R004;Dan;Roe;not-an-address;FIN;;GVA;;;;finance;;;;;", // 5: invalid e-mail
      "R001;Anna;Again;;FIN;;GVA;;;;finance;;;;;", // 6: duplicated number
      "R005;Eve;Poe;;FIN;;GVA;;;;finance;boss;;;;", // 7: unknown contract type
      "R006;Fay;Loe;;FIN;;GVA;;;;finance;;150;;;", // 8: rate over 100
      "R007;Gus;Moe;;FIN;;GVA;;;;finance;;;it;;", // 9: unsupported language
      "R008;Hal;Noe;;FIN;;GVA;;;;finance;;;;NOBODY;", // 10: unknown manager
      "R009;Ida;Ooe;;FIN;;GVA;;;;finance;;;;;756.1234.5678.90", // 11: AVS check digit wrong
      "R010;Jo;Qoe;anna.r001@roster.test;FIN;;GVA;;;;finance;;;;;", // 12: same address as line 2
    ];
    const report = await run(admin.id, lines);
    expect(report.applied).toBe(false);
    expect(report.rows).toBe(11);
    expect(report.issues.map((i) => [i.line, i.column, i.key])).toEqual([
      [3, "last_name", "rosterRequired"],
      [4, "work_email", "rosterEmailTaken"],
      [5, "work_email", "emailInvalid"],
      [6, "employee_number", "rosterDuplicateNumber"],
      [7, "contract_type", "rosterContractInvalid"],
      [8, "employment_rate", "rosterRateInvalid"],
      [9, "language", "rosterLanguageInvalid"],
      [10, "manager_number", "rosterManagerUnknown"],
      [11, "avs_number", "rosterAvsInvalid"],
      [12, "work_email", "rosterDuplicateEmail"],
    ]);
    expect(await employee("R001")).toBeUndefined();
    expect((await db().execute(sql`select count(*)::int as n from org_units where code = 'FIN'`))[0].n).toBe(0);
  });

  test("a dry run writes nothing; applying adds, a re-import is idempotent, changes and deactivations are reported and applied", async () => {
    const admin = await createEmployee();
    const stamp = Date.now().toString(36);
    const lines = [
      header,
      `A${stamp};Anna;Muster;anna.${stamp}@roster.test;OPS${stamp};Operations;ZUG${stamp};Zug office;Zug;ZG;logistics;permanent;80;de;;7561234567897`,
      `B${stamp};=Ben;Keller;;OPS${stamp};;ZUG${stamp};;;;logistics;apprentice;100;fr;A${stamp};`,
    ];
    const dry = await run(admin.id, lines, { apply: false });
    expect(dry).toMatchObject({ applied: false, rows: 2, added: 2, changed: 0, newUnits: [`OPS${stamp}`], newSites: [`ZUG${stamp}`], issueCount: 0, warningCount: 1 });
    expect(dry.warnings[0]).toMatchObject({ line: 3, column: "first_name", key: "rosterFormulaNeutralised" });
    expect(await employee(`A${stamp}`)).toBeUndefined();

    expect(await run(admin.id, lines)).toMatchObject({ applied: true, added: 2 });
    expect(await employee(`A${stamp}`)).toMatchObject({ first_name: "Anna", unit: `OPS${stamp}`, site: `ZUG${stamp}`, canton: "ZG", employment_rate: 80, language: "de", avs_number: "756.1234.5678.97", active: true });
    expect(await employee(`B${stamp}`)).toMatchObject({ first_name: "Ben", contract_type: "apprentice", manager: `A${stamp}` });
    expect(await run(admin.id, lines)).toMatchObject({ applied: true, added: 0, changed: 0, unchanged: 2, changes: [] });

    // Anna moves to 100 %, Ben is no longer in the file: deactivated, and his session ends.
    const ben = (await db().execute(sql`select id, work_email as "workEmail" from employees where number = ${`B${stamp}`}`))[0] as { id: string; workEmail: string | null };
    await db().execute(sql`update employees set work_email = ${`ben.${stamp}@roster.test`} where id = ${ben.id}`);
    await createUserWithSession({ id: ben.id, workEmail: `ben.${stamp}@roster.test` });
    const next = [header, lines[1].replace(";80;de;", ";100;de;")];
    const everyoneElse = ((await db().execute(sql`select count(*)::int as n from employees where active and number <> ${`A${stamp}`} and id <> ${admin.id}`))[0] as { n: number }).n;
    const report = await run(admin.id, next, { deactivateMissing: true });
    expect(report).toMatchObject({ applied: true, changed: 1, deactivated: everyoneElse });
    expect(report.changes.find((c) => c.number === `A${stamp}`)).toEqual({ number: `A${stamp}`, name: "Muster Anna", kind: "change", fields: ["employment_rate"] });
    expect(await employee(`B${stamp}`)).toMatchObject({ active: false });
    expect((await db().execute(sql`select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.employee_id = ${ben.id}`))[0]).toEqual({ n: 0 });
    expect((await db().execute(sql`select active from employees where id = ${admin.id}`))[0]).toEqual({ active: true }); // never the admin importing

    // Back in the file: reactivated.
    expect(await run(admin.id, lines)).toMatchObject({ applied: true, reactivated: 1 });
    expect(await employee(`B${stamp}`)).toMatchObject({ active: true });
    await db().execute(sql`update employees set active = true, deactivated_at = null where not active`);
  });
});

describe("staff roles", () => {
  test("granted and revoked; the last admin stays", async () => {
    await db().execute(sql`delete from employee_roles where role = 'admin'`);
    const first = await createEmployee();
    const second = await createEmployee();
    await grantRole(first.id, "admin");
    expect(await refusal(db().transaction((tx) => setStaffRole(tx, first.number, "admin", false)))).toBe("lastAdmin");
    expect(await db().transaction((tx) => setStaffRole(tx, second.number, "admin", true))).toMatchObject({ changed: true });
    expect(await db().transaction((tx) => setStaffRole(tx, second.number, "admin", true))).toMatchObject({ changed: false });
    // Two admins revoking each other at once: one succeeds, one is refused.
    const results = await Promise.all([first, second].map((p) => refusal(db().transaction((tx) => setStaffRole(tx, p.number, "admin", false)))));
    expect(results.sort()).toEqual(["accepted", "lastAdmin"]);
    expect((await db().execute(sql`select count(*)::int as n from employee_roles where role = 'admin'`))[0]).toEqual({ n: 1 });
    expect(await refusal(db().transaction((tx) => setStaffRole(tx, "NOBODY", "hr", true)))).toBe("employeeNotFound");
  });
});

describe("addresses moving between people", () => {
  test("a swap of addresses in one file is applied, not refused by the unique index", async () => {
    const admin = await createEmployee();
    const stamp = Date.now().toString(36);
    const head = "employee_number;first_name;last_name;work_email;org_unit;site;job_family";
    const a = `a.${stamp}@swap.test`;
    const b = `b.${stamp}@swap.test`;
    await run(admin.id, [head, `S1${stamp};Ann;Swap;${a};SWP;SWS;sales`, `S2${stamp};Bob;Swap;${b};SWP;SWS;sales`]);
    const swapped = await run(admin.id, [head, `S1${stamp};Ann;Swap;${b};SWP;SWS;sales`, `S2${stamp};Bob;Swap;${a};SWP;SWS;sales`]);
    expect(swapped).toMatchObject({ applied: true, changed: 2, issueCount: 0 });
    expect([(await employee(`S1${stamp}`)).work_email, (await employee(`S2${stamp}`)).work_email]).toEqual([b, a]);
  });
});
