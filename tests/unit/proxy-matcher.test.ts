import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { config } from "@/proxy";

// Next buffers (and truncates at 10 MB) the body of every request its proxy runs on; imports
// of up to 50 MB must therefore never pass through proxy.ts. The matcher is compiled the way
// Next compiles it.
const require = createRequire(import.meta.url);
type Condition = { type: string; key: string; value?: string };
const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info.js") as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: { basePath: string }) => { regexp: string; has?: Condition[]; missing?: Condition[] }[];
};
const { matchHas } = require("next/dist/shared/lib/router/utils/prepare-destination.js") as {
  matchHas: (req: { headers: Record<string, string> }, query: object, has?: Condition[], missing?: Condition[]) => false | object;
};
const runsOn = (path: string, headers: Record<string, string> = {}) =>
  getMiddlewareMatchers(config.matcher, { basePath: "" }).some((m) => new RegExp(m.regexp).test(path) && matchHas({ headers }, {}, m.has, m.missing) !== false);

describe("the proxy's matcher", () => {
  test("leaves the import routes alone", () => {
    for (const kind of ["roster", "hours", "tokens", "overtime"]) expect(runsOn(`/api/imports/${kind}`)).toBe(false);
  });
  test("leaves the probe routes alone, so an upload streams into its route and a ping waits for nothing", () => {
    for (const kind of ["ping", "download", "upload", "gateway"]) expect(runsOn(`/api/probe/${kind}`)).toBe(false);
  });
  test("leaves next-auth's routes alone: data and redirects, never a page", () => {
    for (const path of ["/api/auth/signin/email", "/api/auth/csrf", "/api/auth/callback/email", "/api/auth/session"]) expect(runsOn(path)).toBe(false);
  });
  test("leaves a page script's server action call alone (its Next-Action header), not a form posted without script", () => {
    expect(runsOn("/device", { "next-action": "40bf7683b0b7a06de5c38c2ff5eac42c79b8fae2db" })).toBe(false);
    expect(runsOn("/device", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
  });
  test("still covers pages and the other routes", () => {
    for (const path of ["/", "/admin/roster", "/hr/import", "/admin/stock", "/api/health", "/api/importsx", "/api/probex", "/connectivity"]) expect(runsOn(path)).toBe(true);
  });
});
