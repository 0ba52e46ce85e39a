import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { createDb } from "@/db/client";
import type { CurrentPerson } from "@/lib/roster/queries";
import { db, scopeTransactions } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { refusal } from "../support/refusal";
import { createEmployee, seedJourney } from "../support/factories";

import { asPerson, personOf } from "../support/request-person";

vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);

const { verifyTotpAction } = await import("@/lib/tokens/actions");
const { startTotpEnrollment, pendingTotpSecret, verifyTotp, maxFailedAttempts } = await import("@/lib/tokens/service");
const { totpCode } = await import("@/lib/tokens/totp");
const { GET: health } = await import("@/app/api/health/route");

// The second instance: its own pool of 10 on the same database, running the same domain code.
const second = createDb(process.env.DATABASE_URL!, { max: 10 });
const instanceB = scopeTransactions(second.db);
afterAll(() => second.sql.end({ timeout: 5 }));

/** A request that never answers is the defect itself: report it instead of waiting for the test timeout. */
const answered = <T,>(promise: Promise<T>): Promise<T | "hung"> =>
  Promise.race([promise, new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 15_000).unref())]);

type Person = { id: string; number: string; wrong: string; asCurrent: CurrentPerson };

async function enrolledPerson(): Promise<Person> {
  const e = await createEmployee();
  await runTransaction((tx) => startTotpEnrollment(tx, e.id));
  const secret = (await pendingTotpSecret(e.id))!;
  const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, "0");
  return { id: e.id, number: e.number, wrong, asCurrent: personOf(e) };
}

/** One wrong code, on instance A (the app's wrapper and pool) or B (a second pool). */
async function wrongCode(person: Person, instance: "A" | "B"): Promise<string> {
  if (instance === "A") {
    const result = await asPerson(person.asCurrent, () => verifyTotpAction({ code: person.wrong }));
    if (result.ok) return "accepted";
    return result.fieldErrors?.code?.[0] ?? result.formError ?? "?";
  }
  return refusal(runTransaction((tx) => verifyTotp(tx, person.id, person.wrong), { database: instanceB }));
}

let many: Person[];
let one: Person;
beforeAll(async () => {
  await seedJourney();
  many = [];
  for (let i = 0; i < 50; i += 1) many.push(await enrolledPerson());
  one = await enrolledPerson();
});

test("50 wrong codes from 50 people and 20 from one person, across two instances: all answered, counts exact, health stays up", async () => {
  const burst = [
    ...many.map((p, i) => answered(wrongCode(p, i % 2 === 0 ? "A" : "B"))),
    ...Array.from({ length: 20 }, (_, i) => answered(wrongCode(one, i % 2 === 0 ? "A" : "B"))),
  ];
  // Health is asked while the burst is in flight, through the same pool.
  const healthDuring = answered(health().then((r) => r.status));
  const answers = await Promise.all(burst);
  expect(await healthDuring).toBe(200);

  expect(answers.filter((a) => a === "hung")).toHaveLength(0);
  expect(answers.slice(0, 50)).toEqual(Array(50).fill("codeWrongTries"));
  const fromOne = answers.slice(50);
  // Nine tries left a chance, the tenth locked, the other ten were refused as locked.
  expect(fromOne.filter((a) => a === "codeWrongTries")).toHaveLength(maxFailedAttempts - 1);
  expect(fromOne.filter((a) => a === "tokenLocked")).toHaveLength(20 - (maxFailedAttempts - 1));

  const counts = (await db().execute(sql`
    select m.employee_id as "employeeId", m.failed_attempts as failed, (m.locked_until > now()) as locked,
           (select count(*)::int from audit_log a where a.target_id = m.id::text and a.action = 'token.code_refused') as refused,
           (select count(*)::int from audit_log a where a.target_id = m.id::text and a.action = 'token.locked') as "lockedAudits"
      from mfa_tokens m where m.status = 'pending_verification'`)) as unknown as { employeeId: string; failed: number; locked: boolean | null; refused: number; lockedAudits: number }[];
  const byId = new Map(counts.map((c) => [c.employeeId, c]));
  for (const p of many) expect(byId.get(p.id)).toMatchObject({ failed: 1, refused: 1, lockedAudits: 0 });
  expect(byId.get(one.id)).toMatchObject({ failed: 0, locked: true, refused: maxFailedAttempts - 1, lockedAudits: 1 });

  // Nothing is left holding a connection, and the instance still answers.
  const idle = (await db().execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`)) as unknown as { n: number }[];
  expect(idle[0].n).toBe(0);
  expect((await health()).status).toBe(200);
});
