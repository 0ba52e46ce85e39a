import "server-only";
import { sql } from "drizzle-orm";
import { after } from "next/server";
import type { DbOrTx } from "@/db/client";
import { signInRequests } from "@/db/schema";
import { db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { sanitizeError } from "@/lib/mail/message";
import { issueSignInLink, signInLinkMinutes } from "./sign-in-link";

// Asking for a sign-in link does the same database work for every address: one
// row here. Whether the address is on the roster is decided afterwards, by
// processSignInRequests, run right after the answer (kickSignInRequests) and by
// every instance's background loop (a request recorded just before a crash is
// still served). The answer's timing therefore says nothing about the roster.

/** Records a request for a link. `url` is next-auth's callback URL: only its callbackUrl is kept, never its token. */
export async function recordSignInRequest(database: DbOrTx, input: { identifier: string; url: string }): Promise<void> {
  let callbackUrl: string | null = null;
  try {
    callbackUrl = new URL(input.url).searchParams.get("callbackUrl");
  } catch {
    // next-auth always builds an absolute URL; without one the person lands on their start page.
  }
  await database.insert(signInRequests).values({ identifier: input.identifier, callbackUrl });
}

type Claimed = { identifier: string; callback_url: string | null; created_at: string | Date }[];

/**
 * Serves pending requests, one address per transaction: the address's pending
 * rows are claimed (SKIP LOCKED, so instances share the work), the newest one
 * gets a link (which replaces every earlier link of that address) and all are
 * deleted. An address off the roster is deleted without a trace beyond the
 * row's life. Requests older than a link's lifetime are dropped unserved
 * (once a pass, whatever its number of lanes).
 */
export async function processSignInRequests(limit = 50, lanes = 1): Promise<{ issued: number; dropped: number }> {
  const stale = await db().execute(sql`
    delete from sign_in_requests where created_at < now() - make_interval(mins => ${signInLinkMinutes}) returning id`);
  const passes = await Promise.all(Array.from({ length: lanes }, () => serveLane(limit)));
  return passes.reduce((sum, pass) => ({ issued: sum.issued + pass.issued, dropped: sum.dropped + pass.dropped }), { issued: 0, dropped: stale.length });
}

/** One lane: up to `limit` addresses, one transaction each, the next one nobody holds. */
async function serveLane(limit: number): Promise<{ issued: number; dropped: number }> {
  let issued = 0;
  let dropped = 0;
  // Rows whose handling failed in this pass: skipped until the next pass, so one bad row blocks nobody.
  const failed: number[] = [];
  for (let round = 0; round < limit; round += 1) {
    let current: number | null = null;
    try {
      const outcome = await db().transaction(async (tx) => {
        const [next] = (await tx.execute(sql`
          select id, identifier from sign_in_requests
           where not (id = any(${`{${failed.join(",")}}`}::bigint[]))
           order by id limit 1 for update skip locked`)) as unknown as { id: number; identifier: string }[];
        if (!next) return null;
        current = Number(next.id);
        // Every pending request of that address that no other worker holds; the newest decides.
        const claimed = (await tx.execute(sql`
          delete from sign_in_requests where id in (
            select id from sign_in_requests where identifier = ${next.identifier} for update skip locked)
          returning identifier, callback_url, created_at`)) as unknown as Claimed;
        const newest = claimed.reduce((a, b) => (new Date(b.created_at) >= new Date(a.created_at) ? b : a));
        const ok = await issueSignInLink(tx, { identifier: newest.identifier, callbackUrl: newest.callback_url, requestedAt: new Date(newest.created_at) });
        return { served: claimed.length, ok };
      });
      if (outcome === null) break;
      if (outcome.ok) issued += 1;
      dropped += outcome.served - (outcome.ok ? 1 : 0);
    } catch (error) {
      // Rolled back: the rows stay pending for the next pass.
      logger.error({ job: "sign-in-requests", err: sanitizeError(error) }, "sign-in request failed");
      if (current === null) throw error;
      failed.push(current);
    }
  }
  return { issued, dropped };
}

/**
 * Requests are served in lanes: transactions side by side in this process, each taking the next
 * address nobody holds (SKIP LOCKED, as between instances). One lane served 2,200 requests made
 * at once in 49 s (bench/sign-in-storm.ts), and an address held up held up everyone behind it.
 * Four take at most four of the pool's ten connections, only while requests are pending.
 */
export const signInLanes = 4;

/** One pass in `signInLanes` lanes (the background loop's and the one after each answer). */
export const serveSignInRequests = () => processSignInRequests(50, signInLanes);

type Kicks = { scheduled: number; running: Promise<void> | null; again: boolean };
const holder = globalThis as unknown as { __passerelleSignInKicks?: Kicks };
const kicks = (): Kicks => (holder.__passerelleSignInKicks ??= { scheduled: 0, running: null, again: false });

/** One run at a time per process; a kick during a run asks for one more pass. */
function run(): Promise<void> {
  const state = kicks();
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    try {
      do {
        state.again = false;
        await serveSignInRequests();
      } while (state.again);
    } catch (error) {
      logger.error({ job: "sign-in-requests", err: sanitizeError(error) }, "background job failed");
    } finally {
      state.running = null;
    }
  })();
  return state.running;
}

/**
 * Serves pending requests soon, off the request's path: after the response with
 * Next's `after()` inside a request, else on the next turn of the event loop.
 */
export function kickSignInRequests(): void {
  const state = kicks();
  state.scheduled += 1;
  const go = () => {
    state.scheduled -= 1;
    return run();
  };
  try {
    after(go);
  } catch {
    // Outside a request (tests, scripts) `after` refuses; a timer keeps the work off the caller's path too.
    setTimeout(() => void go(), 0);
  }
}

/** Resolves once this process has no run scheduled or under way (tests; a clean shutdown). */
export async function signInRequestsSettled(): Promise<void> {
  const state = kicks();
  while (state.scheduled > 0 || state.running) await (state.running ?? new Promise((r) => setTimeout(r, 5)));
}
