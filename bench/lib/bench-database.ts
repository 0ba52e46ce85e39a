// The throwaway PostgreSQL every standalone bench starts, and the environment the app's
// code reads, pointed at it. Each bench runs in a process of its own (bench/run.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
