import { AsyncLocalStorage } from "node:async_hooks";

// Kept on globalThis: Next bundles pages, route handlers and instrumentation
// separately, and each bundle would otherwise hold its own (blind) scope.
const holder = globalThis as unknown as { __passerelleTxScope?: AsyncLocalStorage<true> };

/** Set while code runs inside a transaction on the app's pool. */
export const transactionScope: AsyncLocalStorage<true> = (holder.__passerelleTxScope ??= new AsyncLocalStorage<true>());

export const inTransactionScope = (): boolean => transactionScope.getStore() === true;

/**
 * `db()` was called by code running inside a transaction. Taking a second pool
 * connection while holding one is how a burst of requests deadlocks the
 * instance (every connection held by a transaction that waits for another).
 * Pass the transaction handle instead.
 */
export class NestedConnectionError extends Error {
  constructor() {
    super("db() called inside a transaction: pass the transaction handle (tx) instead of taking a second pool connection");
    this.name = "NestedConnectionError";
  }
}

/** No pool connection came free in time: the instance is saturated, the request is refused rather than queued for ever. */
export class DatabaseBusyError extends Error {
  constructor() {
    super("no database connection came free in time");
    this.name = "DatabaseBusyError";
  }
}
