// The throwaway PostgreSQL every standalone bench starts, and the environment the app's
// code reads, pointed at it. Each bench runs in a process of its own (bench/run.ts).
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type postgres from "postgres";
import { migrateDatabase } from "../../db/migrate";
import { ensureDatabase, startPgServer } from "../../scripts/lib/pg-server";

export const benchKey = Buffer.alloc(32, 3).toString("base64");

export type BenchDatabase = { url: string; /** The postmaster's pid (its backends are its children). */ pid: number; stop(): Promise<void> };

/** A PostgreSQL in a temporary folder with a migrated database "bench"; `stop()` deletes it all. */
export async function startBenchDatabase(name: string, options: { migrate?: boolean; settings?: Record<string, string> } = {}): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `passerelle-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  const pg = await startPgServer({ dataDir: path.join(dir, "pg"), password: "bench", ephemeral: true, settings: options.settings });
  await ensureDatabase(pg.url("postgres"), "bench");
  const url = pg.url("bench");
  if (options.migrate !== false) await migrateDatabase(url);
  return {
    url,
    pid: pg.pid,
    stop: async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Points the app's configuration (lib/config/env) at the bench database, quietly. */
export function pointAppAt(url: string): void {
  Object.assign(process.env, { DATABASE_URL: url, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", TOKEN_ENCRYPTION_KEY: benchKey, DEMO_MODE: "true", LOG_LEVEL: "silent" });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Sessions as next-auth's database strategy stores them (lib/auth/options.ts): one cookie per person. */
export async function sessionsFor(sql: postgres.Sql, employeeIds: string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (const employeeId of employeeIds) {
    const [employee] = await sql`select coalesce(work_email, private_email) as email from employees where id = ${employeeId}`;
    const [user] = await sql`
      insert into users (id, email, employee_id, email_verified) values (${randomUUID()}, ${employee.email}, ${employeeId}, now())
      on conflict (email) do update set employee_id = excluded.employee_id returning id`;
    const token = randomBytes(24).toString("hex");
    // As next-auth writes a new session (maxAge 7 days): a session that expired sooner would be
    // renewed (a write) on every request, which real sessions do once a day.
    await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${user.id}, now() + interval '7 days')`;
    cookies.push(`next-auth.session-token=${token}`);
  }
  return cookies;
}
