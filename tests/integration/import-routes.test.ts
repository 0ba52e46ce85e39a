import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { CurrentPerson } from "@/lib/roster/queries";
import { db } from "@/lib/db";
import { createEmployee, seedJourney } from "../support/factories";

// The import routes as a browser calls them. Only the session is replaced (the person
// the request belongs to); roles, origin, body limits, parsing, database and audit are real.
const current: { person: CurrentPerson | null; failure?: Error } = { person: null };
vi.mock("@/lib/auth/session", () => ({
  getCurrentPerson: async () => {
    if (current.failure) throw current.failure;
    return current.person;
  },
}));

const routes = {
  roster: await import("@/app/api/imports/roster/route"),
  hours: await import("@/app/api/imports/hours/route"),
  tokens: await import("@/app/api/imports/tokens/route"),
  overtime: await import("@/app/api/imports/overtime/route"),
  deliveries: await import("@/app/api/imports/deliveries/route"),
};
const origin = process.env.PUBLIC_URL!;
const mb = 1024 * 1024;

async function as(roles: Role[], locale: "en" | "fr" | "de" = "en") {
  const e = await createEmployee();
  current.person = { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail!, locale, language: locale, roles };
  return e;
}

type Init = { body?: BodyInit; headers?: Record<string, string>; query?: string };
function post(kind: keyof typeof routes, { body = "a;b\n", headers = {}, query = "mode=check" }: Init = {}) {
  const request = new Request(`${origin}/api/imports/${kind}?${query}`, {
    method: "POST",
    headers: { origin, "content-type": "text/csv", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return routes[kind].POST(request);
}
const json = async (response: Response) => ({ status: response.status, ...((await response.json()) as { ok: boolean; error?: string; message?: string; data?: Record<string, unknown> }) });

/** A body that arrives in 1 MB chunks without a declared length. */
function stream(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(mb).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(mb, bytes - sent);
      sent += n;
      controller.enqueue(n === mb ? chunk : chunk.subarray(0, n));
    },
  });
}

describe("import routes", () => {
  beforeAll(async () => {
    await seedJourney();
  });

  test("each route re-checks the session and the role", async () => {
    current.person = null;
    for (const kind of ["roster", "hours", "tokens", "overtime", "deliveries"] as const) expect(await json(await post(kind))).toMatchObject({ status: 401, ok: false, error: "unauthenticated" });
    await as(["employee", "it_agent"]);
    for (const kind of ["roster", "hours", "tokens", "overtime", "deliveries"] as const) expect(await json(await post(kind))).toMatchObject({ status: 403, error: "forbidden" });
    await as(["employee", "admin"]);
    expect((await post("overtime")).status).toBe(403);
    await as(["employee", "hr"]);
    expect((await post("roster")).status).toBe(403);
    expect((await post("tokens")).status).toBe(403);
    expect((await post("deliveries")).status).toBe(403);
    expect((await post("hours")).status).toBe(200);
    expect((await post("overtime")).status).toBe(200);
  });

  test("a request from another site (or none named) is refused: CSRF", async () => {
    await as(["employee", "admin"]);
    expect(await json(await post("roster", { headers: { origin: "https://evil.test" } }))).toMatchObject({ status: 403, error: "forbidden" });
    const bare = new Request(`${origin}/api/imports/roster?mode=apply`, { method: "POST", headers: { "content-type": "text/csv" }, body: "x" });
    expect((await routes.roster.POST(bare)).status).toBe(403);
    // A cross-site form can only send form or text/plain bodies; those are not CSV here.
    expect(await json(await post("roster", { headers: { "content-type": "text/plain" } }))).toMatchObject({ status: 415, error: "importNoFile" });
  });

  test("PostgreSQL out of reach while reading the session: 503 'unavailable', never 'signed out'", async () => {
    const { DatabaseUnavailableError } = await import("@/lib/db/errors");
    current.failure = new DatabaseUnavailableError();
    try {
      expect(await json(await post("hours"))).toMatchObject({ status: 503, error: "unavailable" });
    } finally {
      current.failure = undefined;
    }
  });

  test("input is checked at the edge: mode, empty body", async () => {
    await as(["employee", "admin"]);
    expect(await json(await post("roster", { query: "mode=later" }))).toMatchObject({ status: 400, error: "invalidInput" });
    expect(await json(await post("tokens", { body: "" }))).toMatchObject({ status: 400, error: "importNoFile" });
    await as(["employee", "hr"]);
    expect(await json(await post("overtime", { query: "mode=later" }))).toMatchObject({ status: 400, error: "invalidInput" });
    expect(await json(await post("overtime", { body: "" }))).toMatchObject({ status: 400, error: "importNoFile" });
    expect(await json(await post("overtime", { headers: { origin: "https://evil.test" } }))).toMatchObject({ status: 403, error: "forbidden" });
    expect(await json(await post("overtime", { headers: { "content-type": "text/plain" } }))).toMatchObject({ status: 415, error: "importNoFile" });
    expect(await json(await post("overtime", { headers: { "content-length": String(60 * mb) }, body: "x" }))).toMatchObject({ status: 413, error: "importTooLarge" });
  });

  test("more than 50 MB is refused with 413 and a message in the person's language: declared, or streamed without a length", async () => {
    await as(["employee", "hr"], "fr");
    const declared = await json(await post("hours", { headers: { "content-length": String(60 * mb) }, body: "x" }));
    expect(declared).toMatchObject({ status: 413, error: "importTooLarge" });
    expect(declared.message).toMatch(/50 Mo/);
    const streamed = await json(await post("hours", { body: stream(50 * mb + 1) }));
    expect(streamed).toMatchObject({ status: 413, error: "importTooLarge" });
  });

  test("a file over 10 MB goes through: checked, then applied with its audit row in the same transaction", async () => {
    const hr = await as(["employee", "hr"]);
    const people = (await db().execute(sql`
      insert into employees (number, first_name, last_name, job_family)
      select 'BIG' || lpad(g::text, 4, '0'), 'Big', 'File', 'sales' from generate_series(1, 1800) g returning number`)) as unknown as { number: string }[];
    const days: string[] = [];
    for (let d = new Date(Date.UTC(2025, 0, 1)); d.getUTCFullYear() === 2025; d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) days.push(d.toISOString().slice(0, 10));
    const lines = ["employee_number;date;worked"];
    for (const p of people) for (const day of days) lines.push(`${p.number};${day};4:00`);
    const file = new TextEncoder().encode(lines.join("\n"));
    expect(file.byteLength).toBeGreaterThan(10 * mb);
    const checked = await json(await post("hours", { body: file }));
    expect(checked).toMatchObject({ status: 200, ok: true, data: { applied: false, issueCount: 0, rows: people.length * days.length, employees: people.length } });
    const applied = await json(await post("hours", { body: file, query: "mode=apply" }));
    expect(applied).toMatchObject({ status: 200, data: { applied: true } });
    const [row] = (await db().execute(sql`select count(*)::int as n from timesheet_days d join employees e on e.id = d.employee_id where e.number like 'BIG%'`)) as unknown as { n: number }[];
    expect(row.n).toBe(people.length * days.length);
    const audit = (await db().execute(sql`select action, details from audit_log where actor_employee_id = ${hr.id}`)) as unknown as { action: string; details: { rows: number; bytes: number } }[];
    expect(audit).toEqual([{ action: "rht.import", details: expect.objectContaining({ rows: people.length * days.length, bytes: file.byteLength }) }]);
  }, 120_000);

  test("roster and tokens: dry run writes nothing, apply writes and is audited", async () => {
    const admin = await as(["employee", "admin"]);
    const roster = `employee_number;first_name;last_name;org_unit;site;job_family\nRT${Date.now()};Ria;Route;RTU;RTS;sales\n`;
    expect(await json(await post("roster", { body: roster }))).toMatchObject({ status: 200, data: { applied: false, added: 1 } });
    expect(await json(await post("roster", { body: roster, query: "mode=apply&deactivateMissing=0" }))).toMatchObject({ status: 200, data: { applied: true, added: 1, deactivated: 0 } });
    const tokens = "serial;secret\nRT-0001;JBSWY3DPEHPK3PXPJBSWY3DP\n";
    expect(await json(await post("tokens", { body: tokens }))).toMatchObject({ status: 200, data: { applied: false, issueCount: 0, added: 1 } });
    expect(await json(await post("tokens", { body: tokens, query: "mode=apply" }))).toMatchObject({ status: 200, data: { applied: true, added: 1 } });
    // The check after it finds the serial known: nothing would be added.
    expect(await json(await post("tokens", { body: tokens }))).toMatchObject({ status: 200, data: { applied: false, added: 0, issueCount: 1 } });
    const actions = ((await db().execute(sql`select action from audit_log where actor_employee_id = ${admin.id} order by id`)) as unknown as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(["roster.import", "tokens.import"]);
  });

  test("opening overtime balances: dry run writes nothing, apply writes and is audited", async () => {
    const hr = await as(["employee", "hr"]);
    const person = await createEmployee();
    const file = `employee_number;balance;date\n${person.number};-3:30;2026-03-02\n`;
    expect(await json(await post("overtime", { body: file }))).toMatchObject({ status: 200, data: { applied: false, rows: 1, employees: 1, issueCount: 0 } });
    const stored = async () => (await db().execute(sql`select month::text as month, minutes from rht_overtime_openings where employee_id = ${person.id}`)) as unknown as { month: string; minutes: number }[];
    expect(await stored()).toEqual([]);
    expect(await json(await post("overtime", { body: file, query: "mode=apply" }))).toMatchObject({ status: 200, data: { applied: true, rows: 1 } });
    expect(await stored()).toEqual([{ month: "2026-03-01", minutes: -210 }]);
    const bad = await json(await post("overtime", { body: `employee_number;balance;date\n${person.number};soon;2026-03-02\n`, query: "mode=apply" }));
    expect(bad).toMatchObject({ status: 200, data: { applied: false, issueCount: 1, issues: [{ line: 2, column: "balance", key: "importBalanceInvalid" }] } });
    const actions = ((await db().execute(sql`select action from audit_log where actor_employee_id = ${hr.id} order by id`)) as unknown as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(["rht.import_overtime"]);
  });
});
