import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { connectionLimits, createDb } from "@/db/client";
import { db } from "@/lib/db";
import { isStatementCut } from "@/lib/db/errors";
import { allowLongWork } from "@/lib/db/long-work";
import { rosterCsv } from "@/lib/roster/export";
import { asPerson, personOf } from "../support/request-person";
import { createEligibleEmployees, seedJourney } from "../support/factories";
import { refused } from "../support/refusal";
import { deferred } from "../support/deferred";

// Issue 16 point 7: a request the browser has abandoned must not keep PostgreSQL working. Pages
// and actions get no abort signal from Next, so the net is the connection's own limit: a web
// request's statement is stopped after a few seconds (its pages take milliseconds at crisis
// scale), while imports, exports and background jobs lift the limit for their own transaction.

vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);
const { requestDeviceAction } = await import("@/lib/devices/actions");

const other = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
beforeAll(seedJourney);
afterAll(() => other.end({ timeout: 5 }));

const limitSeconds = connectionLimits.statement_timeout / 1000;

describe("a web request's statement is stopped by PostgreSQL, not left running for nobody", () => {
  test("a statement that runs past the connection's limit is cancelled at the limit, and no longer runs in the server", async () => {
    const marker = `runaway_${Date.now()}`;
    const started = performance.now();
    // Twenty seconds more than the limit: without it the statement would run on, long after any browser gave up.
    const error = await db()
      .execute(sql.raw(`select pg_sleep(${limitSeconds + 20}) as ${marker}`))
      .then(() => null, (e: unknown) => e);
    const seconds = (performance.now() - started) / 1000;
    expect(isStatementCut(error)).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(limitSeconds - 0.5);
    // Stopped within a person's patience (ten seconds), not after the thirty the limit used to allow.
    expect(seconds).toBeLessThan(10);
    const running = await other`select count(*)::int as n from pg_stat_activity where state = 'active' and query like ${`%as ${marker}%`} and pid <> pg_backend_pid()`;
    expect(running[0].n).toBe(0);
  }, 60_000);

  test("an action that waits too long for a row someone holds answers 'busy' and writes nothing", async () => {
    const [person] = await createEligibleEmployees(1);
    await db().execute(sql`update resource_pools set capacity = in_use + 5, daily_activation_limit = null where kind = 'vdi_seat'`);
    // Another transaction holds the pools' rows (a stuck import, a long admin change) longer than the lock limit.
    const holding = deferred();
    const held = other.begin(async (tx) => {
      await tx`select id from resource_pools for update`;
      holding.resolve();
      await tx`select pg_sleep(${connectionLimits.lock_timeout / 1000 + 3})`;
    });
    // Once the rows are held, however long a busy machine takes (not after a guess).
    await holding.promise;
    const answer = await asPerson(personOf(person), () => requestDeviceAction({ path: "vdi" }));
    expect(answer).toEqual(refused("busy"));
    await held;
    const [left] = (await db().execute(sql`select count(*)::int as n from allocations where employee_id = ${person.id}`)) as unknown as { n: number }[];
    expect(left.n).toBe(0);
    // Once the rows are free, the same request goes through.
    expect(await asPerson(personOf(person), () => requestDeviceAction({ path: "vdi" }))).toMatchObject({ ok: true });
  }, 60_000);
});

describe("long work lifts the limit for its own transaction only", () => {
  test("inside: a statement may run past a short limit; after: the connection is back at the web limit", async () => {
    const single = createDb(process.env.DATABASE_URL!, { max: 1 });
    try {
      await single.db.transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = '300ms'`);
        await allowLongWork(tx);
        await tx.execute(sql`select pg_sleep(0.8)`);
      });
      const [row] = (await single.db.execute(sql`select current_setting('statement_timeout') as limit`)) as unknown as { limit: string }[];
      expect(row.limit).toBe(`${limitSeconds}s`);
    } finally {
      await single.sql.end({ timeout: 5 });
    }
  });

  test("without it, the same statement is stopped", async () => {
    const error = await db()
      .transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = '300ms'`);
        await tx.execute(sql`select pg_sleep(0.8)`);
      })
      .then(() => null, (e: unknown) => e);
    expect(isStatementCut(error)).toBe(true);
  });
});

describe("a download read slowly outlasts a web request's limit", () => {
  test("the roster export, paused longer than the statement limit halfway, still arrives whole", async () => {
    const tag = `SLOW${Date.now().toString(36)}`;
    await db().execute(sql`
      insert into employees (number, first_name, last_name, job_family)
      select ${tag} || lpad(g::text, 5, '0'), 'Slow', 'Reader', 'sales' from generate_series(1, 6000) g`);
    const [{ n }] = (await db().execute(sql`select count(*)::int as n from employees where active`)) as unknown as { n: number }[];
    const reader = rosterCsv().getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });
    // A phone on a weak link: the next bytes are asked for only after the limit has passed.
    await new Promise((resolve) => setTimeout(resolve, connectionLimits.statement_timeout + 1000));
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines.length - 1).toBe(n);
    expect(lines.filter((line) => line.startsWith(tag))).toHaveLength(6000);
  }, 60_000);

  test("a download stopped halfway ends its transaction: no connection is left waiting", async () => {
    const reader = rosterCsv().getReader();
    await reader.read();
    await reader.cancel();
    await expect
      .poll(async () => ((await other`select count(*)::int as n from pg_stat_activity where query like '%from employees e left join org_units o%' and state <> 'idle' and pid <> pg_backend_pid()`)[0].n as number), { timeout: 10_000 })
      .toBe(0);
  });
});
