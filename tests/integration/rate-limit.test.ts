import { expect, test } from "vitest";
import { hitRateLimit, rateKey } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";

test("a key is allowed `limit` times per window, even when hit concurrently", async () => {
  const key = rateKey("test", "burst@work.test");
  const decisions = await Promise.all(Array.from({ length: 12 }, () => hitRateLimit(db(), key, 5, 15)));
  expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  const refused = decisions.find((d) => !d.allowed)!;
  expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  // Another key has its own budget.
  expect((await hitRateLimit(db(), rateKey("test", "other@work.test"), 5, 15)).allowed).toBe(true);
});

test("keys do not contain the address in clear", () => {
  expect(rateKey("signin-address", "secret.person@work.test")).not.toContain("secret");
});
