import postgres from "postgres";
import { afterAll, expect, test } from "vitest";
import { recordSignInRequest, serveSignInRequests } from "@/lib/auth/sign-in-requests";
import { db } from "@/lib/db";
import { createEmployee } from "../support/factories";
import { deferred } from "../support/deferred";

// The crisis morning's first minute (bench/sign-in-storm.ts): 2,200 people asked for a link at
// once and the last link was written 49 s later, because each process served the requests one
// address after another. Served in several lanes (transactions side by side, as instances already
// do with SKIP LOCKED), one address held up no longer holds up everyone behind it.

const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
const locker = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
afterAll(() => Promise.all([other.end({ timeout: 5 }), locker.end({ timeout: 5 })]));

const servedFor = async (addresses: string[]) =>
  (await other`select count(*)::int as n from verification_tokens where identifier = any(${addresses})`)[0].n as number;

test("while one address's link is held up, the requests behind it are served", async () => {
  const people = await Promise.all(["held", "b", "c", "d", "e"].map((name) => createEmployee({ workEmail: `lane-${name}@work.test` })));
  const addresses = people.map((p) => p.workEmail!);
  // The held-up address asked first: a pass meets it before the others.
  for (const identifier of addresses) await recordSignInRequest(db(), { identifier, url: "http://127.0.0.1:3999/api/auth/callback/email?callbackUrl=%2F" });
  const released = deferred();
  const holding = deferred();
  // Its link is held up (as by a slow statement): another connection holds the lock issuing it takes.
  const holder = locker.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`sign-in-link:${addresses[0]}`}, 0))`;
    holding.resolve();
    await released.promise;
  });
  // Served only once the lock is held, however long a busy machine takes to take it.
  await holding.promise;
  const serving = serveSignInRequests();
  try {
    // Well before the held-up one gives up at the lock's time limit (4 s): the other four are served.
    await expect.poll(() => servedFor(addresses.slice(1)), { timeout: 3_000, interval: 50 }).toBe(4);
    expect(await servedFor(addresses.slice(0, 1))).toBe(0);
  } finally {
    released.resolve();
    await holder;
    await serving;
  }
  // And the held-up one after it: served by that pass, or the next.
  await serveSignInRequests();
  expect(await servedFor(addresses)).toBe(5);
});
