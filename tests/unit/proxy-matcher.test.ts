import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { config } from "@/proxy";

// Next buffers (and truncates at 10 MB) the body of every request its proxy runs on; imports
// of up to 50 MB must therefore never pass through proxy.ts. The matcher is compiled the way
// Next compiles it.
const require = createRequire(import.meta.url);
const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info.js") as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: { basePath: string }) => { regexp: string }[];
};
const runsOn = (path: string) => getMiddlewareMatchers(config.matcher, { basePath: "" }).some((m) => new RegExp(m.regexp).test(path));

describe("the proxy's matcher", () => {
  test("leaves the import routes alone", () => {
    for (const kind of ["roster", "hours", "tokens", "overtime"]) expect(runsOn(`/api/imports/${kind}`)).toBe(false);
  });
  test("leaves the probe routes alone, so an upload streams into its route and a ping waits for nothing", () => {
    for (const kind of ["ping", "download", "upload", "gateway"]) expect(runsOn(`/api/probe/${kind}`)).toBe(false);
  });
  test("still covers pages and the other routes", () => {
    for (const path of ["/", "/admin/roster", "/hr/import", "/admin/stock", "/api/health", "/api/importsx", "/api/probex", "/connectivity"]) expect(runsOn(path)).toBe(true);
  });
});
