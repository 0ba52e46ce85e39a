import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db, type Tx } from "@/db/client";
import { db } from "@/lib/db";
import { lockCase } from "@/lib/onboarding/queries";
import { lockMonth } from "@/lib/rht/timesheet";
import { countingDb } from "../support/counting-db";
import { createEmployee } from "../support/factories";

// Every change to a person's journey locks their case first, and every timesheet save its month.
// Both rows exist nearly always, yet each lock was preceded by an insert "on conflict do nothing":
// an insert that creates nothing still runs the table's statement triggers (the dashboard's funnel,
// the unit months' bookkeeping), 0.2-0.3 ms of the database's time and one more round trip on
// every device request, eligibility answer, connection test and timesheet save.

const counted = countingDb();
beforeAll(() => counted.open());
afterAll(() => counted.end());

/** The statements `lock` sends in a transaction of its own on the counting connection. */
async function sent(lock: (tx: Tx) => Promise<unknown>): Promise<string[]> {
  counted.take();
  await counted.db.transaction(async (tx) => {
    await lock(tx);
  });
  return counted.take().filter((s) => !/^(begin|commit)/i.test(s.trim()));
}

describe("a row locked on every save", () => {
  test("a person's case: locked in one statement when it exists, created first when it does not", async () => {
    const person = await createEmployee();
    const first = await sent((tx) => lockCase(tx, person.id));
    expect(first.some((s) => /^insert/i.test(s.trim()))).toBe(true);
    const [made] = (await db().execute(sql`select count(*)::int as n from onboarding_cases where employee_id = ${person.id}`)) as unknown as { n: number }[];
    expect(made.n).toBe(1);

    const again = await sent((tx) => lockCase(tx, person.id));
    expect(again).toHaveLength(1);
    expect(again[0]).toMatch(/for update/i);
  });

  test("a timesheet month: the same", async () => {
    const person = await createEmployee();
    const first = await sent((tx) => lockMonth(tx, person.id, "2026-11"));
    expect(first.some((s) => /^insert/i.test(s.trim()))).toBe(true);
    const again = await sent((tx) => lockMonth(tx, person.id, "2026-11"));
    expect(again).toHaveLength(1);
    expect(again[0]).toMatch(/for update/i);
  });

  test("two first saves of the same person at once both get the lock, one after the other, and one row", async () => {
    const person = await createEmployee();
    const other = createDb(process.env.DATABASE_URL!, { max: 1 });
    try {
      const order: string[] = [];
      const hold = (database: Db, name: string) =>
        database.transaction(async (tx) => {
          await lockCase(tx, person.id);
          await lockMonth(tx, person.id, "2026-11");
          order.push(`${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 50));
          order.push(`${name} out`);
        });
      await Promise.all([hold(db(), "a"), hold(other.db, "b")]);
      // Never both inside at once.
      expect(order.map((step) => step.slice(2))).toEqual(["in", "out", "in", "out"]);
      const [rows] = (await db().execute(
        sql`select (select count(*) from onboarding_cases where employee_id = ${person.id})::int as cases, (select count(*) from timesheet_months where employee_id = ${person.id})::int as months`,
      )) as unknown as { cases: number; months: number }[];
      expect(rows).toEqual({ cases: 1, months: 1 });
    } finally {
      await other.sql.end();
    }
  });
});
