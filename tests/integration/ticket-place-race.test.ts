import { sql } from "drizzle-orm";
import type { Sql, TransactionSql } from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb } from "@/db/client";
import { db } from "@/lib/db";
import { createEmployee } from "../support/factories";
import { deferred } from "../support/deferred";

// Each ticket carries a copy of its person's site and unit (the queue's site and unit filters,
// migration 0020): taken when the ticket is written, and rewritten when the roster moves the person.
// A ticket raised while the roster moved its person in another transaction kept the old place: the
// ticket's copy read the person as before the move, and the move's rewrite did not see the ticket
// yet. Found by the concurrent sequences of it-queue-scale-counts.test.ts (3 tickets off, once).

const one = () => createDb(process.env.DATABASE_URL!, { max: 1 });
let first: ReturnType<typeof one>;
let second: ReturnType<typeof one>;
let sites: string[];

beforeAll(async () => {
  [first, second] = [one(), one()];
  const rows = (await db().execute(sql`
    insert into sites (code, name, city, canton) select 'RACE' || g, 'Race site ' || g, 'Bern', 'BE' from generate_series(1, 2) g returning id`)) as unknown as { id: string }[];
  sites = rows.map((r) => r.id);
});
afterAll(async () => {
  await first.sql.end();
  await second.sql.end();
});

/** Resolves once `pending` has ended or is waiting for a row lock (behind the open transaction). */
async function endedOrWaiting(pending: Promise<unknown>): Promise<void> {
  let settled = false;
  void pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (;;) {
    if (settled) return;
    const [row] = (await db().execute(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`)) as unknown as { n: number }[];
    if (row.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Client = Sql | TransactionSql;
type Step = (client: Client, employeeId: string) => Promise<unknown>;
const raise: Step = (client, employeeId) =>
  client`insert into tickets (employee_id, category, summary, snapshot) values (${employeeId}, 'help_request', 'race', '{}'::jsonb)`;
const move: Step = (client, employeeId) => client`update employees set site_id = ${sites[1]} where id = ${employeeId}`;

/**
 * `held` runs in a transaction on the first client, which stays open; then `meanwhile` runs on the
 * second client until it has ended or waits for a lock; then the transaction commits. Returns where
 * the person's tickets ended up.
 */
async function race(held: Step, meanwhile: Step): Promise<string[]> {
  const person = await createEmployee({ siteId: sites[0] });
  const open = deferred();
  const done = deferred();
  const holder = first.sql.begin(async (tx) => {
    await held(tx, person.id);
    done.resolve();
    await open.promise;
  });
  await done.promise;
  const other = meanwhile(second.sql, person.id);
  await endedOrWaiting(other);
  open.resolve();
  await holder;
  await other;
  return ((await db().execute(sql`select site_id as "siteId" from tickets where employee_id = ${person.id}`)) as unknown as { siteId: string }[]).map((r) => r.siteId);
}

test("a ticket raised while the roster moves its person, the ticket first: it ends at the new place", async () => {
  expect(await race(raise, move)).toEqual([sites[1]]);
});

test("a ticket raised while the roster moves its person, the move first: it ends at the new place", async () => {
  expect(await race(move, raise)).toEqual([sites[1]]);
});
