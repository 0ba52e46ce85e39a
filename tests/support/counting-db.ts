import { sql } from "drizzle-orm";
import { createDb, type Db } from "@/db/client";

/**
 * A one-connection client of the test database that records every statement it sends, to count
 * what a function costs in round trips. `open()` before counting: a new connection first reads
 * the array types (postgres.js, once per connection), which is nobody's statement.
 */
export function countingDb() {
  let sent: string[] = [];
  const made = createDb(process.env.DATABASE_URL!, { max: 1, debug: (query) => sent.push(query) });
  return {
    db: made.db as Db,
    open: () => made.db.execute(sql`select 1`),
    /** What was sent since the last call, and start again. */
    take(): string[] {
      const taken = sent;
      sent = [];
      return taken;
    },
    end: () => made.sql.end(),
  };
}
