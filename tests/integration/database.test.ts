import { expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";

test("each file gets a migrated database", async () => {
  const rows = await db().execute(sql`select count(*)::int as n from employees`);
  expect((rows as unknown as { n: number }[])[0].n).toBe(0);
});

test("the app's connections start no parallel workers (their cost outweighs a page's short queries)", async () => {
  const [row] = (await db().execute(sql`select current_setting('max_parallel_workers_per_gather') as workers`)) as unknown as { workers: string }[];
  expect(row.workers).toBe("0");
});

test("drizzle's queries run as prepared statements, kept per connection (one round trip each, not a description first)", async () => {
  const kept = await db().transaction(async (tx) => {
    await tx.execute(sql`select ${7}::int as prepared_statement_marker`);
    await tx.execute(sql`select ${8}::int as prepared_statement_marker`);
    const rows = (await tx.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like '%as prepared_statement_marker%' and statement not like '%pg_prepared_statements%'`)) as unknown as { n: number }[];
    return rows[0].n;
  });
  // Both runs of the same text share one statement on the connection.
  expect(kept).toBe(1);
});
