import { afterEach, describe, expect, test, vi } from "vitest";
import { isCalendarDate } from "@/lib/http/fields";
import { firstValues, parseQuery } from "@/lib/http/search-params";
import { logger } from "@/lib/log/logger";
import { z } from "zod";

// Junk from anonymous clients is expected traffic: one warn line, no stack,
// never the query string; and the shared parser's rules, one by one.

afterEach(() => vi.restoreAllMocks());

describe("the shared query parser", () => {
  test.each([
    ["2024-02-29", true], ["2026-02-29", false], ["2026-02-30", false], ["2026-04-31", false], ["2026-13-01", false],
    ["0000-01-01", false], ["2026-1-01", false], ["2026-01-01T00:00", false], ["0001-01-01", true], ["2000-02-29", true], ["1900-02-29", false],
  ])("isCalendarDate(%s) is %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  test("a repeated key keeps its first value; a NUL byte makes the value junk", () => {
    expect(firstValues(new URLSearchParams("q=a&q=b&x=1%002"))).toEqual({ values: { q: "a" }, junk: ["x"] });
    expect(firstValues({ q: ["a", "b"], day: undefined })).toEqual({ values: { q: "a" }, junk: [] });
    const schema = z.object({ q: z.string() });
    expect(parseQuery(schema, new URLSearchParams("q=a&q=b"))).toEqual({ ok: true, data: { q: "a" } });
    expect(parseQuery(schema, new URLSearchParams("q=a%00"))).toEqual({ ok: false, reason: "nul" });
  });
});

describe("junk requests are logged once, at warn, without a stack or the query", () => {
  test("an anonymous request with a NUL byte in the query", async () => {
    const warn = vi.spyOn(logger, "warn");
    const error = vi.spyOn(logger, "error");
    const { GET } = await import("@/app/api/dev/mailbox/route");
    const response = await GET(new Request("http://127.0.0.1:3999/api/dev/mailbox?to=anna%40example.ch%00"));
    expect(response.status).toBe(400);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
    const logged = JSON.stringify(warn.mock.calls[0]);
    expect(logged).not.toContain("anna");
    expect(logged).not.toMatch(/stack|\n\s+at /);
    expect(warn.mock.calls[0][0]).toEqual({ method: "GET", path: "/api/dev/mailbox", reason: "nul" });
  });
});
