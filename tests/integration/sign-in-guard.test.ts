import { count } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { rateLimits } from "@/db/schema";
import { answerFloorMs, clientIp, guardSignInRequest } from "@/lib/auth/sign-in-guard";
import { db } from "@/lib/db";

function request(email: string | null, ip = "203.0.113.7") {
  const body = new URLSearchParams({ csrfToken: "x", json: "true" });
  if (email !== null) body.set("email", email);
  return new Request("http://127.0.0.1:3999/api/auth/signin/email", {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
  });
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

test.each([
  ["203.0.113.7", "203.0.113.7"],
  ["198.51.100.1, 203.0.113.7", "203.0.113.7"],
  [null, "unknown"],
])("clientIp(%s) is the nearest hop", (forwarded, expected) => {
  const headers = new Headers();
  if (forwarded) headers.set("x-forwarded-for", forwarded);
  expect(clientIp(headers)).toBe(expected);
});
