import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../db/migrate";
import { ensureDatabase, startPgServer } from "../../scripts/lib/pg-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

/**
 * One throwaway PostgreSQL for the whole run: a migrated template database that
 * every test file clones (tests/setup/test-database.ts). Stopped and deleted at the end.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-test-"));
  fs.chmodSync(dir, 0o755);
  const server = await startPgServer({ dataDir: path.join(dir, "pg"), password: "test", ephemeral: true });
  await ensureDatabase(server.url("postgres"), "passerelle_template");
  await migrateDatabase(server.url("passerelle_template"));
  project.provide("pgServerUrl", server.url("postgres"));
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
