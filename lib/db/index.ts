import "server-only";
import { createDb, type Db } from "@/db/client";
import { env } from "@/lib/config/env";
import { inTransactionScope, NestedConnectionError, transactionScope } from "./scope";

// One pool per process, kept on globalThis because Next bundles route handlers,
// pages and instrumentation separately and each would otherwise open its own.
const holder = globalThis as unknown as { __passerelleDb?: { url: string; db: Db } };

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
