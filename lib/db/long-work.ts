import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

/** How long a statement of long work (an import, an export, a background job) may run. */
export const longWorkSeconds = 600;

/**
 * Lifts the connection's web-request limits for the rest of this transaction only.
 *
 * The app's connections end any statement after a few seconds (`connectionLimits`): a page's
 * statements take milliseconds at crisis scale, so a longer one is a request that went wrong or
 * that the browser has long abandoned, and PostgreSQL stops it instead of working on for nobody.
 * Work that is long by nature says so here, inside its own transaction: the setting ends with it,
 * so the connection goes back to the pool with the short limit.
 */
export async function allowLongWork(tx: Tx, seconds: number = longWorkSeconds): Promise<void> {
  const limit = `${Math.max(1, Math.round(seconds))}s`;
  await tx.execute(sql`select set_config('statement_timeout', ${limit}, true), set_config('idle_in_transaction_session_timeout', ${limit}, true)`);
}
