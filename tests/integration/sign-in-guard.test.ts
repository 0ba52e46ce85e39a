import { count } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { rateLimits } from "@/db/schema";
import { answerFloorMs, guardSignInRequest } from "@/lib/auth/sign-in-guard";
import { db } from "@/lib/db";
import { installPeerAddressStamp, peerHeader } from "@/lib/http/client-address";

// Read by env() on first use, below: one proxy range and one proxy address.
process.env.TRUSTED_PROXIES = "10.0.0.0/8, 192.0.2.1";
// As at start-up: the server stamps each request with its socket's address.
installPeerAddressStamp();

/** A request as the route sees it: `peer` is the socket's address, `forwarded` what X-Forwarded-For says. */
function request(email: string | null, peer = "203.0.113.7", forwarded?: string) {
  const body = new URLSearchParams({ csrfToken: "x", json: "true" });
  if (email !== null) body.set("email", email);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", [peerHeader]: peer };
  if (forwarded) headers["x-forwarded-for"] = forwarded;
  return new Request("http://127.0.0.1:3999/api/auth/signin/email", { method: "POST", body, headers });
}

const passThrough = async () => Response.json({ url: "http://127.0.0.1:3999/api/auth/verify-request" });

describe("guardSignInRequest", () => {
  test.each([
    ["missing", null],
    ["malformed", "not-an-address"],
    ["overlong", `${"a".repeat(250)}@work.test`],
  ])("a %s address is refused before next-auth and counts nothing", async (_label, email) => {
    const [before] = await db().select({ n: count() }).from(rateLimits);
    let called = false;
    const response = await guardSignInRequest(request(email), async () => ((called = true), passThrough()));
    expect(response.status).toBe(400);
    expect(new URL((await response.json()).url).searchParams.get("error")).toBe("InvalidEmail");
    expect(called).toBe(false);
    const [after] = await db().select({ n: count() }).from(rateLimits);
    expect(after.n).toBe(before.n);
  });

  test("the sixth request for one address in the window is refused with a readable error", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await guardSignInRequest(request(i % 2 ? "Limit@Work.test" : " limit@work.test "), passThrough, 0);
      statuses.push(response.status);
      if (response.status === 429) {
        const url = new URL((await response.json()).url);
        expect(url.searchParams.get("error")).toBe("RateLimited");
        expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  test("one IP is limited across addresses", async () => {
    process.env.SIGNIN_LIMIT_PER_IP = "30";
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await guardSignInRequest(request(`p${i}@work.test`, "198.51.100.9"), passThrough, 0)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });

  test("every answer, fast or refused, waits for the same floor so timing tells nothing", async () => {
    for (const email of ["floor@work.test", "bad"]) {
      const started = performance.now();
      await guardSignInRequest(request(email, "192.0.2.44"), passThrough);
      // A lower bound only: timers never fire early by more than a millisecond.
      expect(performance.now() - started).toBeGreaterThanOrEqual(answerFloorMs - 2);
    }
  });
});

describe("the per-IP limit counts the real client", () => {
  test("a client talking to us directly cannot pick its address with X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      // A fresh made-up address on every request, from one socket address.
      statuses.push((await guardSignInRequest(request(`spoof${i}@work.test`, "198.51.100.77", `203.0.113.${i}`), passThrough, 0)).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });

  test("behind a trusted proxy, the client is the hop the proxy saw, whatever the client wrote before it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      const forwarded = `203.0.113.${i}, 198.51.100.88, 10.1.2.3`;
      statuses.push((await guardSignInRequest(request(`behind${i}@work.test`, "10.0.0.5", forwarded), passThrough, 0)).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy has a budget of its own.
    expect((await guardSignInRequest(request("neighbour@work.test", "10.0.0.5", "198.51.100.89"), passThrough, 0)).status).toBe(200);
  });
});
