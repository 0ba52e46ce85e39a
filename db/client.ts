import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/** A drizzle client on postgres.js. The app uses lib/db.ts; scripts and tests call this. */
export function createDb(url: string, options: { max?: number } = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Keep connections from piling up on an idle instance.
    idle_timeout: 30,
  });
  return { db: drizzle(sql, { schema }), sql };
}

export type Db = ReturnType<typeof createDb>["db"];
/** A transaction handle; domain functions accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * The postgres.js client under a drizzle database or transaction, for what drizzle
 * does not offer (cursors). Drizzle keeps it on its session; a transaction's client
 * runs inside that transaction.
 */
export function rawClient(dbOrTx: DbOrTx): postgres.Sql {
  return (dbOrTx as unknown as { session: { client: postgres.Sql } }).session.client;
}
