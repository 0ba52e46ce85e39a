import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import fr from "@/messages/fr.json";
import { migrateDatabase } from "../../db/migrate";
import { ensureDatabase, startPgServer, type PgServer } from "../../scripts/lib/pg-server";

// Issue 12 point 7: PostgreSQL killed while people write. This file runs its own
// PostgreSQL (the shared test server must survive), with fsync on like the
// embedded production server, and points the app's pool at it before anything
// reads the environment.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-outage-"));
fs.chmodSync(dir, 0o755);
const dataDir = path.join(dir, "pg");
let server: PgServer = await startPgServer({ dataDir, password: "outage" });
await ensureDatabase(server.url("postgres"), "passerelle");
await migrateDatabase(server.url("passerelle"));
process.env.DATABASE_URL = server.url("passerelle");

const { db, healthDb } = await import("@/lib/db");
const { DatabaseUnavailableError, isDatabaseUnavailable } = await import("@/lib/db/errors");
const { probeDatabase } = await import("@/lib/db/health");
const { personFromSession } = await import("@/lib/auth/session");
const { GET: health } = await import("@/app/api/health/route");
const { setLocale } = await import("@/lib/i18n/actions");
const { createEmployee, createUserWithSession } = await import("../support/factories");

await db().execute(sql`create table outage_probe (id integer primary key)`);
const employee = await createEmployee();
const { sessionToken } = await createUserWithSession(employee);
const signedIn = { cookies: { "next-auth.session-token": sessionToken }, headers: {} };

/** The postmaster and its children (PostgreSQL puts each backend in a process group of its own). */
function serverPids(): number[] {
  const children = fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent pid (after the parenthesised command name).
        return Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]) === server.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [server.pid, ...children];
}

/** Stops (SIGSTOP) or kills (SIGKILL) the whole server at once, as a crash or `docker kill` would. */
function signalServer(signal: NodeJS.Signals) {
  for (const pid of serverPids()) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

afterAll(async () => {
  type Pool = { db: { $client: { end(o: object): Promise<void> } } };
  const holder = globalThis as unknown as { __passerelleDb?: Pool; __passerelleHealthDb?: Pool };
  await holder.__passerelleDb?.db.$client.end({ timeout: 1 }).catch(() => {});
  await holder.__passerelleHealthDb?.db.$client.end({ timeout: 1 }).catch(() => {});
  delete holder.__passerelleDb;
  delete holder.__passerelleHealthDb;
  signalServer("SIGCONT");
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("while PostgreSQL answers", () => {
  test("a session cookie resolves to its person, an unknown one to nobody, health is 200", async () => {
    expect((await personFromSession(signedIn))?.employeeId).toBe(employee.id);
    expect(await personFromSession({ cookies: { "next-auth.session-token": "nope" }, headers: {} })).toBeNull();
    expect(await personFromSession({ cookies: {}, headers: {} })).toBeNull();
    expect((await health()).status).toBe(200);
  });
});

describe("a PostgreSQL that stops answering (process stopped)", () => {
  test("health answers 503 through its timer, and checks during the hang share one query", async () => {
    signalServer("SIGSTOP");
    try {
      // Structural, not a stopwatch: the timer path was taken.
      expect(await probeDatabase(healthDb(), 200)).toBe("timeout");
      const responses = await Promise.all([health(), health(), health()]);
      for (const response of responses) {
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ status: "unavailable", reason: "timeout" });
      }
    } finally {
      signalServer("SIGCONT");
    }
    // Once it runs again, the pending query completes and health recovers.
    await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe(200);
  });
});

describe("PostgreSQL killed during writes", () => {
  const acknowledged: number[] = [];
  const failures: unknown[] = [];

  test("every write that failed failed as 'unavailable'", async () => {
    let next = 0;
    let killed = false;
    const writer = async () => {
      // Each writer goes on until the kill makes one of its writes fail.
      for (;;) {
        const id = next++;
        try {
          await db().execute(sql`insert into outage_probe (id) values (${id})`);
          acknowledged.push(id);
          if (acknowledged.length === 200 && !killed) {
            killed = true;
            signalServer("SIGKILL");
          }
        } catch (error) {
          failures.push(error);
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    expect(killed).toBe(true);
    expect(failures).toHaveLength(8);
    for (const error of failures) expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test("the next query fails as 'unavailable' too (connection refused)", async () => {
    const error = await db().execute(sql`select 1`).then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  // Before defineAction mapped isDatabaseUnavailable, this answered "unexpected".
  test("an action answers 'unavailable' (the language switch: its transaction cannot begin)", async () => {
    expect(await setLocale({ locale: "en" })).toEqual({ ok: false, formError: "unavailable", messages: { unavailable: fr.errors.unavailable } });
  });

  test("a signed-in person's session lookup raises 'unavailable', never 'nobody'", async () => {
    await expect(personFromSession(signedIn)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  test("health says 503 (the query failed, no need to wait for the timer)", async () => {
    const response = await health();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", reason: "unavailable" });
  });

  test("after a restart every acknowledged write is there, and sessions and health come back", async () => {
    server = await startPgServer({ dataDir, password: "outage", port: server.port });
    // A backend forked while the kill went round may outlive it and end its connection only now:
    // the first query on it fails as 'unavailable', as it would for a person, and the next succeeds.
    await expect.poll(() => db().execute(sql`select 1`).then(() => "up", (e: unknown) => (isDatabaseUnavailable(e) ? "unavailable" : e)), { timeout: 10_000 }).toBe("up");
    const rows = (await db().execute(sql`select id from outage_probe`)) as unknown as { id: number }[];
    const stored = new Set(rows.map((r) => r.id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect((await personFromSession(signedIn))?.employeeId).toBe(employee.id);
    expect((await health()).status).toBe(200);
  });
});
