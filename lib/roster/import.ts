import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { yielder } from "@/lib/csv/stream";
import { parseRosterFile, type ParsedRoster, type RosterColumn, type RosterIssue, type RosterRow } from "./import-rows";

export type RosterChange = { number: string; name: string; kind: "add" | "change" | "reactivate" | "deactivate"; fields: string[] };
export type RosterReport = {
  rows: number;
  added: number;
  changed: number;
  reactivated: number;
  unchanged: number;
  deactivated: number;
  newUnits: string[];
  newSites: string[];
  applied: boolean;
  issues: RosterIssue[];
  issueCount: number;
  warnings: RosterIssue[];
  warningCount: number;
  changes: RosterChange[];
};

/** Lists are cut here; the counts say how many there are. */
const listed = 200;

type Existing = {
  id: string;
  number: string;
  first_name: string;
  last_name: string;
  work_email: string | null;
  private_email: string | null;
  phone: string | null;
  org_unit: string | null;
  site: string | null;
  job_family: string;
  contract_type: string;
  employment_rate: number;
  weekly_minutes: number;
  language: string;
  manager: string | null;
  avs_number: string | null;
  birth_date: string | null;
  notice_given: boolean;
  employed_from: string | null;
  employed_until: string | null;
  avs_monthly_wage_cents: number | null;
  active: boolean;
};

/** Roster fields: the file's column, the row's value, the stored value, and the employees column. */
const fields: { column: RosterColumn; row: keyof RosterRow; existing: keyof Existing; db: string; type: string }[] = [
  { column: "first_name", row: "firstName", existing: "first_name", db: "first_name", type: "text" },
  { column: "last_name", row: "lastName", existing: "last_name", db: "last_name", type: "text" },
  { column: "work_email", row: "workEmail", existing: "work_email", db: "work_email", type: "text" },
  { column: "private_email", row: "privateEmail", existing: "private_email", db: "private_email", type: "text" },
  { column: "phone", row: "phone", existing: "phone", db: "phone", type: "text" },
  { column: "org_unit", row: "orgUnit", existing: "org_unit", db: "org_unit_id", type: "uuid" },
  { column: "site", row: "site", existing: "site", db: "site_id", type: "uuid" },
  { column: "job_family", row: "jobFamily", existing: "job_family", db: "job_family", type: "text" },
  { column: "contract_type", row: "contractType", existing: "contract_type", db: "contract_type", type: "contract_type" },
  { column: "employment_rate", row: "employmentRate", existing: "employment_rate", db: "employment_rate", type: "int" },
  { column: "weekly_hours", row: "weeklyMinutes", existing: "weekly_minutes", db: "weekly_minutes", type: "int" },
  { column: "language", row: "language", existing: "language", db: "language", type: "language" },
  { column: "avs_number", row: "avsNumber", existing: "avs_number", db: "avs_number", type: "text" },
  { column: "birth_date", row: "birthDate", existing: "birth_date", db: "birth_date", type: "date" },
  { column: "notice_given", row: "noticeGiven", existing: "notice_given", db: "notice_given", type: "boolean" },
  { column: "employed_from", row: "employedFrom", existing: "employed_from", db: "employed_from", type: "date" },
  { column: "employed_until", row: "employedUntil", existing: "employed_until", db: "employed_until", type: "date" },
  { column: "avs_monthly_wage", row: "avsMonthlyWageCents", existing: "avs_monthly_wage_cents", db: "avs_monthly_wage_cents", type: "int" },
];

/**
 * Imports the HR roster: upsert by employee number, columns missing from the file left
 * as they are; with `deactivateMissing`, active employees absent from the file are
 * deactivated and their sessions end (never the admin running the import). Any problem
 * and nothing is written; `apply` false is the dry run. One transaction, set-based writes.
 */
export async function importRoster(tx: DbOrTx, actorId: string, bytes: Uint8Array, options: { apply: boolean; deactivateMissing: boolean }): Promise<RosterReport> {
  return importParsedRoster(tx, actorId, await parseRosterFile(bytes), options);
}

/**
 * The same, for a file already read (routes parse before opening their transaction).
 * Loops over rows return to the event loop every few thousand, so other requests keep being answered.
 */
export async function importParsedRoster(tx: DbOrTx, actorId: string, parsed: ParsedRoster, options: { apply: boolean; deactivateMissing: boolean }): Promise<RosterReport> {
  const { rows, total, issues, warnings, warningCount, columns } = parsed;
  const pause = yielder();
  if (issues.stoppedAt !== null || columns.length === 0) {
    return { rows: total, added: 0, changed: 0, reactivated: 0, unchanged: 0, deactivated: 0, newUnits: [], newSites: [], applied: false, ...issues.report(), warnings, warningCount, changes: [] };
  }
  const present = fields.filter((f) => columns.includes(f.column));
  const existing = (await tx.execute(sql`
    select e.id, e.number, e.first_name, e.last_name, e.work_email, e.private_email, e.phone, o.code as org_unit, s.code as site, e.job_family,
           e.contract_type::text, e.employment_rate, e.weekly_minutes, e.language::text, m.number as manager, e.avs_number,
           e.birth_date::text, e.notice_given, e.employed_from::text, e.employed_until::text, e.avs_monthly_wage_cents, e.active
      from employees e left join org_units o on o.id = e.org_unit_id left join sites s on s.id = e.site_id
      left join employees m on m.id = e.manager_id`)) as unknown as Existing[];
  const byNumber = new Map(existing.map((e) => [e.number, e]));
  const inFile = new Set(rows.map((r) => r.number));

  // Addresses stay unique across the roster once the file is applied.
  const owners = new Map<string, string>();
  for (const e of existing) {
    const keepsWork = !inFile.has(e.number) || !columns.includes("work_email");
    const keepsPrivate = !inFile.has(e.number) || !columns.includes("private_email");
    if (keepsWork && e.work_email) owners.set(e.work_email.toLowerCase(), e.number);
    if (keepsPrivate && e.private_email) owners.set(e.private_email.toLowerCase(), e.number);
  }
  const knownNumbers = new Set([...existing.map((e) => e.number), ...inFile]);
  const valid: RosterRow[] = [];
  for (const row of rows) {
    await pause();
    const before = issues.count;
    for (const [column, address] of [["work_email", row.workEmail], ["private_email", row.privateEmail]] as const) {
      const owner = address ? owners.get(address) : undefined;
      if (owner && owner !== row.number) issues.add({ line: row.line, column, key: "rosterEmailTaken", values: { number: owner } });
    }
    if (row.managerNumber && !knownNumbers.has(row.managerNumber)) issues.add({ line: row.line, column: "manager_number", key: "rosterManagerUnknown" });
    if (issues.count === before) valid.push(row);
  }

  const changes: RosterChange[] = [];
  const writes: RosterRow[] = [];
  let added = 0;
  let changed = 0;
  let reactivated = 0;
  for (const row of valid) {
    await pause();
    const before = byNumber.get(row.number);
    const name = `${row.lastName} ${row.firstName}`;
    if (!before) {
      added += 1;
      writes.push(row);
      changes.push({ number: row.number, name, kind: "add", fields: [] });
      continue;
    }
    const diff = present.filter((f) => row[f.row] !== undefined && (row[f.row] ?? null) !== (before[f.existing] ?? null)).map((f) => f.column);
    if (columns.includes("manager_number") && (row.managerNumber ?? null) !== before.manager) diff.push("manager_number");
    if (!before.active) {
      reactivated += 1;
      writes.push(row);
      changes.push({ number: row.number, name, kind: "reactivate", fields: diff });
    } else if (diff.length > 0) {
      changed += 1;
      writes.push(row);
      changes.push({ number: row.number, name, kind: "change", fields: diff });
    }
  }
  const leaving = options.deactivateMissing ? existing.filter((e) => e.active && !inFile.has(e.number) && e.id !== actorId) : [];
  for (const e of leaving) changes.push({ number: e.number, name: `${e.last_name} ${e.first_name}`, kind: "deactivate", fields: [] });

  const knownUnits = new Set(existing.map((e) => e.org_unit));
  const unitRows = (await tx.execute(sql`select code from org_units`)) as unknown as { code: string }[];
  const siteRows = (await tx.execute(sql`select code from sites`)) as unknown as { code: string }[];
  unitRows.forEach((u) => knownUnits.add(u.code));
  const knownSites = new Set(siteRows.map((s) => s.code));
  const newUnits = [...new Set(valid.map((r) => r.orgUnit).filter((c) => !knownUnits.has(c)))];
  const newSites = [...new Set(valid.map((r) => r.site).filter((c) => !knownSites.has(c)))];

  const listedIssues = issues.report();
  const report: Omit<RosterReport, "applied"> = {
    rows: total,
    added,
    changed,
    reactivated,
    unchanged: valid.length - added - changed - reactivated,
    deactivated: leaving.length,
    newUnits,
    newSites,
    ...listedIssues,
    warnings: warnings.slice(0, listed),
    warningCount,
    changes: changes.slice(0, listed),
  };
  if (listedIssues.issueCount > 0 || !options.apply) return { ...report, applied: false };

  // Units and sites the file names for the first time (names from their optional columns).
  const firstOf = <K extends keyof RosterRow>(code: string, key: "orgUnit" | "site", value: K) => valid.find((r) => r[key] === code && r[value])?.[value];
  for (const code of newUnits) await tx.execute(sql`insert into org_units (code, name) values (${code}, ${(firstOf(code, "orgUnit", "orgUnitName") as string | undefined) ?? code}) on conflict (code) do nothing`);
  for (const code of newSites) {
    await tx.execute(sql`
      insert into sites (code, name, city, canton) values (${code}, ${(firstOf(code, "site", "siteName") as string | undefined) ?? code},
        ${(firstOf(code, "site", "siteCity") as string | undefined) ?? ""}, ${(firstOf(code, "site", "siteCanton") as string | undefined) ?? "CH"})
      on conflict (code) do nothing`);
  }
  const unitIds = new Map(((await tx.execute(sql`select code, id from org_units`)) as unknown as { code: string; id: string }[]).map((u) => [u.code, u.id]));
  const siteIds = new Map(((await tx.execute(sql`select code, id from sites`)) as unknown as { code: string; id: string }[]).map((s) => [s.code, s.id]));

  const value = (row: RosterRow, f: (typeof fields)[number]) => (f.row === "orgUnit" ? unitIds.get(row.orgUnit) : f.row === "site" ? siteIds.get(row.site) : row[f.row]) ?? null;
  const definition = sql.raw(["number text", ...present.map((f) => `${f.db} ${f.type}`)].join(", "));
  const list = sql.raw(["number", ...present.map((f) => f.db)].join(", "));
  const updates: SQL = sql.raw([...present.map((f) => `${f.db} = excluded.${f.db}`), "active = true", "deactivated_at = null", "updated_at = now()"].join(", "));
  // Addresses moving between people in the file (a swap, or A taking B's old one) would trip
  // the unique indexes row by row: the moving addresses are cleared first, then written.
  for (const [column, field] of [["work_email", "workEmail"], ["private_email", "privateEmail"]] as const) {
    if (!columns.includes(column)) continue;
    const moving = writes.filter((r) => byNumber.has(r.number) && (r[field] ?? null) !== (byNumber.get(r.number)![column] ?? null)).map((r) => r.number);
    for (let i = 0; i < moving.length; i += 1000) {
      await tx.execute(sql`update employees set ${sql.raw(column)} = null where number in (select jsonb_array_elements_text(${JSON.stringify(moving.slice(i, i + 1000))}::jsonb))`);
    }
  }
  for (let i = 0; i < writes.length; i += 1000) {
    const batch = JSON.stringify(writes.slice(i, i + 1000).map((row) => Object.fromEntries([["number", row.number], ...present.map((f) => [f.db, value(row, f)])])));
    await tx.execute(sql`
      insert into employees (${list}) select ${list} from jsonb_to_recordset(${batch}::jsonb) as x(${definition})
      on conflict (number) do update set ${updates}`);
  }
  if (columns.includes("manager_number")) {
    const managed = JSON.stringify(valid.map((r) => ({ number: r.number, manager: r.managerNumber ?? null })));
    await tx.execute(sql`
      update employees e set manager_id = m.id, updated_at = now()
        from jsonb_to_recordset(${managed}::jsonb) as x(number text, manager text) left join employees m on m.number = x.manager
       where e.number = x.number and e.manager_id is distinct from m.id`);
  }
  if (leaving.length > 0) {
    const ids = JSON.stringify(leaving.map((e) => e.id));
    await tx.execute(sql`
      update employees set active = false, deactivated_at = now(), updated_at = now()
       where id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`);
    // Deactivated people are signed out everywhere at once.
    await tx.execute(sql`
      delete from sessions where user_id in (select id from users where employee_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb)))`);
  }
  return { ...report, applied: true };
}

/**
 * The import route's work: the file is read before the transaction opens (that may take
 * seconds and needs no connection); the roster's changes and their audit row commit together.
 */
export async function runRosterImport(actorId: string, bytes: Uint8Array, options: { apply: boolean; deactivateMissing: boolean }): Promise<RosterReport> {
  const parsed = await parseRosterFile(bytes);
  return db().transaction(async (tx) => {
    // A whole company's file: long work, not a web request's few seconds.
    await allowLongWork(tx);
    const r = await importParsedRoster(tx, actorId, parsed, options);
    if (r.applied) {
      const details = { rows: r.rows, added: r.added, changed: r.changed, reactivated: r.reactivated, deactivated: r.deactivated, newUnits: r.newUnits.length, newSites: r.newSites.length, bytes: bytes.byteLength };
      await recordAudit(tx, { actorEmployeeId: actorId, action: "roster.import", targetType: "roster", details });
    }
    return r;
  });
}
