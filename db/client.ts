import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * Server-side limits sent with every connection (PostgreSQL startup parameters).
 * They are the net under any bug that holds a connection: a statement that runs
 * away, or a transaction left idle while its code waits for something else, is
 * ended by PostgreSQL and its connection returns to the pool.
 */
export const connectionLimits = {
  // A web request's statement: pages and actions run in milliseconds at crisis scale (the HTTP
  // bench: at most ~20 ms of PostgreSQL a page), so one still running after 5 s went wrong or
  // serves a browser that has long given up; PostgreSQL stops it rather than work for nobody.
  // Imports, exports and background jobs lift it for their own transaction (lib/db/long-work.ts).
  statement_timeout: 5_000,
  idle_in_transaction_session_timeout: 15_000,
  // Below the statement limit, so a wait for a row lock ends as a lock timeout (reported as busy).
  lock_timeout: 4_000,
  // No parallel workers for the app's short queries: starting two workers costs PostgreSQL
  // tens of milliseconds, more than the queries themselves (the dashboard's open tickets by age
  // took 60 ms with them and 6 ms without, at crisis scale, and 146 ms per view under load).
  max_parallel_workers_per_gather: 0,
};

/** For one-off scripts (migrations, seeds, benches) whose statements may rightly run long. */
export const noConnectionLimits = { statement_timeout: 0, idle_in_transaction_session_timeout: 0, lock_timeout: 0, max_parallel_workers_per_gather: 2 };

export type DbOptions = {
  max?: number;
  /** Overrides of `connectionLimits` (e.g. a migration or a bench may need longer statements). */
  limits?: Partial<typeof connectionLimits>;
  /** Seconds to wait for a TCP connection to PostgreSQL before giving up. */
  connectTimeout?: number;
  /** Told every statement this client sends (tests count a page's round trips with it). */
  debug?: (query: string) => void;
};

/** A drizzle client on postgres.js. The app uses lib/db.ts; scripts and tests call this. */
export function createDb(url: string, options: DbOptions = {}) {
  const limits = { ...connectionLimits, ...options.limits };
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Keep connections from piling up on an idle instance.
    idle_timeout: 30,
    // An unreachable database is reported in seconds, not after the OS's TCP timeout.
    connect_timeout: options.connectTimeout ?? 5,
    connection: Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, String(v)])) as Record<string, string>,
    ...(options.debug ? { debug: (_connection: number, query: string) => options.debug!(query) } : {}),
  });
  return { db: drizzle(preparing(sql), { schema }), sql };
}

/**
 * The client drizzle gets: its queries as named prepared statements, kept per connection.
 * Drizzle asks postgres.js for unprepared ones (`prepare: false` unless a query is named), and
 * postgres.js then sends every query with parameters twice, a description round trip first
 * (Parse, Describe, wait) and the execution after: two round trips and a parse for each. A
 * prepared statement is parsed and described once per connection, then runs in one round trip.
 * Transactions and savepoints get the same client, so a transaction's queries are prepared too.
 * PostgreSQL's own choice between a plan for the values and a generic plan stands: forcing a
 * plan per run doubled PostgreSQL's CPU per page (/it/tickets/N 4.9 → 12.8 ms a request in the
 * HTTP bench) and made no page faster.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) => target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgres.Sql) => unknown;
          const method = Reflect.get(target, property) as (...a: unknown[]) => unknown;
          return method.apply(target, [...args, (tx: postgres.Sql) => body(preparing(tx))]);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
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
