import { expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";

test("each file gets a migrated database", async () => {
  const rows = await db().execute(sql`select count(*)::int as n from employees`);
  expect((rows as unknown as { n: number }[])[0].n).toBe(0);
});
