import "server-only";
import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Locks a row that nearly always exists, creating it first only when it does not: the lock
 * (`select … for update`), and if it found nothing, `create` (an insert "on conflict do nothing")
 * and the lock again. The other way round, every save sent an insert that created nothing, and
 * such an insert still runs the table's statement triggers (the dashboard's funnel, the unit
 * months' bookkeeping): 0.2–0.3 ms of the database's time and a round trip on every device
 * request, eligibility answer, connection test and timesheet save.
 *
 * Two first saves at once: both find nothing, both insert, the second waits on the unique index
 * until the first commits and then creates nothing; both then lock the one row, one after the other.
 */
export async function lockOrCreate<Row>(tx: DbOrTx, lock: SQL, create: SQL): Promise<Row> {
  const [found] = (await tx.execute(lock)) as unknown as Row[];
  if (found !== undefined) return found;
  await tx.execute(create);
  const [made] = (await tx.execute(lock)) as unknown as Row[];
  return made;
}
