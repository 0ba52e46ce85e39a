import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";

/** How many employees have an opening overtime / flextime balance (imported on /hr/import). */
export async function countOvertimeOpenings(tx: DbOrTx = db()): Promise<number> {
  const [row] = (await tx.execute(sql`select count(*)::int as n from rht_overtime_openings`)) as unknown as { n: number }[];
  return row.n;
}
