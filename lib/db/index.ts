import "server-only";
import { createDb, type Db } from "@/db/client";
import { env } from "@/lib/config/env";

// One pool per process, kept on globalThis because Next bundles route handlers,
// pages and instrumentation separately and each would otherwise open its own.
const holder = globalThis as unknown as { __passerelleDb?: { url: string; db: Db } };

export function db(): Db {
  const url = env().DATABASE_URL;
  if (!holder.__passerelleDb || holder.__passerelleDb.url !== url) {
    holder.__passerelleDb = { url, db: createDb(url).db };
  }
  return holder.__passerelleDb.db;
}
