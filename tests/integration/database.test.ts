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
