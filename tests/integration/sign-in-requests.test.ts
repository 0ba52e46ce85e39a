import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { count, eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import { describe, expect, test } from "vitest";
import { outbox, signInRequests, verificationTokens } from "@/db/schema";
import { authOptions } from "@/lib/auth/options";
import { guardSignInRequest } from "@/lib/auth/sign-in-guard";
import { isSignInLinkValid } from "@/lib/auth/sign-in-link";
import { processSignInRequests, recordSignInRequest, signInRequestsSettled } from "@/lib/auth/sign-in-requests";
import { db } from "@/lib/db";
import { createEmployee } from "../support/factories";

// Point 11 of issue 12: inside the request, an address on the roster and one
// that is not must cost exactly the same database work. The roster is read,
// the token stored and the mail queued afterwards, by the sign-in worker.

const base = "http://127.0.0.1:3999";

// next-auth's request handler, the one its route runs (its package does not export it by name).
type AuthResult = { redirect?: string; status?: number };
const { AuthHandler } = createRequire(import.meta.url)("../../node_modules/next-auth/core/index.js") as {
  AuthHandler: (params: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<AuthResult>;
};

/** A CSRF pair as next-auth sets it in its cookie and the form sends it back. */
function csrf() {
  const token = randomBytes(32).toString("hex");
  const hash = createHash("sha256").update(`${token}${process.env.NEXTAUTH_SECRET}`).digest("hex");
  return { token, cookie: `${token}|${hash}` };
}

/** The whole request as the route runs it: the guard, then next-auth's e-mail sign-in with our options. */
async function askForLink(email: string): Promise<Response> {
  const { token, cookie } = csrf();
  const body = { email, csrfToken: token, callbackUrl: `${base}/it`, json: "true" };
  const request = new Request(`${base}/api/auth/signin/email`, {
    method: "POST",
    body: new URLSearchParams(body),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  return guardSignInRequest(
    request,
    async () => {
      const result = await AuthHandler({
        req: { action: "signin", providerId: "email", method: "POST", headers: { host: "127.0.0.1:3999" }, body, cookies: { "next-auth.csrf-token": cookie }, query: {} },
        options: authOptions(),
      });
      return Response.json({ url: result.redirect }, { status: result.status ?? 200 });
    },
    0,
  );
}

/** Every SQL statement sent to PostgreSQL while `fn` runs (postgres.js reports each one it builds). */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const client = db().$client as unknown as { options: { debug?: unknown } };
  const seen: string[] = [];
  client.options.debug = (_connection: number, query: string) => seen.push(query.replace(/\s+/g, " ").trim());
  try {
    await fn();
  } finally {
    client.options.debug = false;
  }
  return seen;
}

async function pendingRequests(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(signInRequests);
  return row.n;
}

/** Every kicked run of this process has finished, and nothing is left pending. */
async function settle() {
  await signInRequestsSettled();
  expect(await pendingRequests()).toBe(0);
}

describe("asking for a sign-in link", () => {
  // The worker-only tests come first: later ones ask through the route, which kicks a worker of its own.
  test("both leave one recorded request; the worker mails the known address and drops the other", async () => {
    await createEmployee({ workEmail: "worker.known@work.test" });
    await db().transaction(async (tx) => {
      await recordSignInRequest(tx, { identifier: "worker.known@work.test", url: `${base}/api/auth/callback/email?callbackUrl=${encodeURIComponent(`${base}/hr`)}&token=x` });
      await recordSignInRequest(tx, { identifier: "worker.unknown@nowhere.test", url: `${base}/api/auth/callback/email?token=y` });
    });
    const rows = await db().select().from(signInRequests);
    expect(rows.map((r) => r.identifier).sort()).toEqual(["worker.known@work.test", "worker.unknown@nowhere.test"]);
    // Nothing secret is kept with the request: next-auth's token is not stored, the worker makes its own.
    expect(JSON.stringify(rows)).not.toMatch(/token=/);

    // The background loop's pass (crash safety: nothing kicked this one).
    expect(await processSignInRequests()).toEqual({ issued: 1, dropped: 1 });
    expect(await pendingRequests()).toBe(0);
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, "worker.known@work.test"));
    expect(mails).toHaveLength(1);
    const link = new URL(mails[0].links[0]);
    expect(link.searchParams.get("callbackUrl")).toBe(`${base}/hr`);
    expect(await isSignInLinkValid("worker.known@work.test", link.searchParams.get("token")!)).toBe(true);
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, "worker.unknown@nowhere.test"))).toHaveLength(0);
    expect(await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, "worker.unknown@nowhere.test"))).toHaveLength(0);
  });

  test("a request older than a link's lifetime is dropped, not mailed", async () => {
    await createEmployee({ workEmail: "stale@work.test" });
    await db().insert(signInRequests).values({ identifier: "stale@work.test", createdAt: new Date(Date.now() - 11 * 60_000) });
    expect(await processSignInRequests()).toEqual({ issued: 0, dropped: 1 });
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, "stale@work.test"))).toHaveLength(0);
  });
  test("a known and an unknown address run the same statements inside the request", async () => {
    await createEmployee({ workEmail: "on.roster@work.test" });
    // Warm up once so neither side pays for first-use work (prepared statements, module loading).
    await askForLink("warm.up@nowhere.test");
    await settle();

    const known = await statementsDuring(async () => {
      const response = await askForLink("on.roster@work.test");
      expect(new URL((await response.json()).url).pathname).toBe("/api/auth/verify-request");
    });
    await settle();
    const unknown = await statementsDuring(async () => {
      const response = await askForLink("not.on.roster@nowhere.test");
      expect(new URL((await response.json()).url).pathname).toBe("/api/auth/verify-request");
    });
    await settle();

    expect(known).toEqual(unknown);
    // What the request writes: the two limits' counters and the one recorded request.
    // (It reads the roster once, in next-auth's user lookup: one statement, hit or miss.)
    const writes = known.filter((s) => /^(insert|update|delete)\b/i.test(s));
    expect(writes.map((s) => /^(?:insert into|update|delete from) "?(\w+)/i.exec(s)?.[1])).toEqual(["rate_limits", "rate_limits", "sign_in_requests"]);
    expect(known.join("\n")).not.toMatch(/verification_tokens|outbox|audit_log/);
  });

  test("the mail is queued right after the request, without waiting for the loop", async () => {
    await createEmployee({ workEmail: "quick@work.test" });
    await askForLink("quick@work.test");
    await expect.poll(async () => (await db().select().from(outbox).where(eq(outbox.toAddress, "quick@work.test"))).length, { timeout: 5_000 }).toBe(1);
  });

  test("two requests at once, handled by two workers: one mail, one usable link", async () => {
    await createEmployee({ workEmail: "double@work.test" });
    await Promise.all([askForLink("double@work.test"), askForLink("double@work.test")]);
    await Promise.all([processSignInRequests(), processSignInRequests()]);
    await settle();
    const tokens = await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, "double@work.test"));
    expect(tokens).toHaveLength(1);
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, "double@work.test"));
    const usable = [];
    for (const mail of mails) if (await isSignInLinkValid("double@work.test", new URL(mail.links[0]).searchParams.get("token")!)) usable.push(mail);
    expect(usable).toHaveLength(1);
  });

});
