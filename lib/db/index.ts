import "server-only";
import { createDb, type Db } from "@/db/client";
import { env } from "@/lib/config/env";
import { inTransactionScope, NestedConnectionError, transactionScope } from "./scope";

// One pool per process, kept on globalThis because Next bundles route handlers,
// pages and instrumentation separately and each would otherwise open its own.
const holder = globalThis as unknown as { __passerelleDb?: { url: string; db: Db }; __passerelleHealthDb?: { url: string; db: Db } };

/** Every transaction on the pool runs in the transaction scope, whoever starts it. */
export function scopeTransactions(database: Db): Db {
  const original = database.transaction.bind(database);
  database.transaction = ((fn, config) => original((tx) => transactionScope.run(true, () => fn(tx)), config)) as Db["transaction"];
  return database;
}

/**
 * The app's pool. Refuses to be called from inside a transaction: that code
 * must use the transaction's handle, or a burst deadlocks the instance.
 */
export function db(): Db {
  if (inTransactionScope()) throw new NestedConnectionError();
  const url = env().DATABASE_URL;
  if (!holder.__passerelleDb || holder.__passerelleDb.url !== url) {
    holder.__passerelleDb = { url, db: scopeTransactions(createDb(url).db) };
  }
  return holder.__passerelleDb.db;
}

/**
 * One connection of its own for the health probe. It answers "can this instance
 * reach PostgreSQL?", which a burst of requests queued on the pool must not turn
 * into "no": a load balancer would then take a busy but healthy instance out.
 * The pool itself cannot freeze (no nested connections, acquire and server timeouts).
 */
export function healthDb(): Db {
  const url = env().DATABASE_URL;
  if (!holder.__passerelleHealthDb || holder.__passerelleHealthDb.url !== url) {
    holder.__passerelleHealthDb = { url, db: createDb(url, { max: 1, connectTimeout: 2, limits: { statement_timeout: 2000 } }).db };
  }
  return holder.__passerelleHealthDb.db;
}
