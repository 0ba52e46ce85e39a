import "server-only";
import type { Db, Tx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "./index";
import { DatabaseBusyError, transactionScope } from "./scope";

/** How long a request waits for a free pool connection before it is told the portal is busy. */
export const acquireTimeoutMs = 10_000;

class Abandoned extends Error {}

/**
 * Runs `fn` in one transaction on one pooled connection, the way every action does:
 * - inside the transaction scope, so `db()` refuses to hand out a second connection;
 * - a refusal thrown with `ActionError.keeping` commits what was written before it
 *   (failure counters, rate-limit hits) and is then re-thrown;
 * - if no connection comes free within `acquireTimeoutMs`, the caller gets a
 *   `DatabaseBusyError` at once, and the transaction, should it start later, does nothing.
 */
export async function runTransaction<T>(fn: (tx: Tx) => Promise<T>, options: { database?: Db; acquireTimeoutMs?: number } = {}): Promise<T> {
  const database = options.database ?? db();
  let started = false;
  let abandoned = false;
  let kept: ActionError | null = null;
  const work = database.transaction(async (tx) => {
    started = true;
    if (abandoned) throw new Abandoned();
    return transactionScope.run(true, async () => {
      try {
        return await fn(tx);
      } catch (error) {
        if (error instanceof ActionError && error.keepsWrites) {
          kept = error;
          return undefined as T;
        }
        throw error;
      }
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (started) return;
      abandoned = true;
      // The abandoned transaction still settles later (rolled back): nobody awaits it.
      work.catch(() => {});
      reject(new DatabaseBusyError());
    }, options.acquireTimeoutMs ?? acquireTimeoutMs);
  });
  try {
    const result = await Promise.race([work, timeout]);
    if (kept) throw kept;
    return result;
  } finally {
    clearTimeout(timer);
  }
}
