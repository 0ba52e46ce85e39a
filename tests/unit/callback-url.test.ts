import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const base = "http://localhost:3000";

describe("safeCallbackPath", () => {
  test.each<[string, string]>([
    ["/", "/"],
    ["/it", "/it"],
    ["/it?x=1#y", "/it?x=1#y"],
    ["/hr/people?page=2", "/hr/people?page=2"],
    ["http://localhost:3000/hr?a=b", "/hr?a=b"],
    ["http://localhost:3000", "/"],
  ])("accepts %j → %j", (raw, expected) => {
    expect(safeCallbackPath(raw, base)).toBe(expected);
  });

  test.each<[string, string | null | undefined]>([
    ["other host", "https://evil.test/"],
    ["protocol-relative", "//evil.test"],
    ["slash-backslash", "/\\evil.test"],
    ["double backslash", "\\\\evil.test"],
    ["dot segment turning into //", "/.//evil.test"],
    ["parent segment turning into //", "/x/..//evil.test"],
    ["encoded dot turning into //", "/%2e//evil.test"],
    ["same origin with // path", "http://localhost:3000//evil.test"],
    ["same origin with backslash path", "http://localhost:3000/\\evil.test"],
    ["javascript:", "javascript:alert(1)"],
    ["other port", "http://localhost:3001/x"],
    ["other scheme, same host", "https://localhost:3000/x"],
    ["relative path", "it"],
    ["empty", ""],
    ["null", null],
    ["undefined", undefined],
    ["too long", `/${"a".repeat(2999)}`],
    ["auth API", "/api/auth/signout"],
    ["auth API via dot segments", "/it/../api/auth/signout"],
    ["sign-in page", "/signin?callbackUrl=/x"],
    ["sign-in page, absolute", "http://localhost:3000/signin"],
  ])("rejects %s", (_label, raw) => {
    expect(safeCallbackPath(raw, base)).toBeNull();
  });

  test("an unparsable base URL rejects everything", () => {
    expect(safeCallbackPath("/it", "not a url")).toBeNull();
  });
});
