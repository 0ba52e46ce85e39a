import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { CurrentPerson } from "@/lib/roster/queries";
import { createEmployee, grantRole, seedJourney } from "../support/factories";
import { hostileQueries } from "../support/hostile";

// Every route handler (app/**/route.ts) gets hostile query strings, as a
// signed-in admin and HR person (so the query is parsed) and anonymously.
// Whatever arrives: an answer, never a throw, never a 500. Only the session
// lookup and Next's request APIs are replaced.

const current: { person: CurrentPerson | null } = { person: null };
vi.mock("@/lib/auth/session", async (original) => ({ ...(await original<object>()), getCurrentPerson: async () => current.person }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
  headers: async () => new Headers({ host: "127.0.0.1:3999" }),
}));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));

type Handler = (request: Request, context: { params: Promise<Record<string, string[]>> }) => Promise<Response>;
const root = path.resolve(import.meta.dirname, "../..");

function routeFiles(dir = path.join(root, "app")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [path.relative(root, full)] : [];
  });
}

/** Each route file: the URL it answers and the query names it reads. */
const routes: Record<string, { url: string; names: string[] }> = {
  "app/admin/export/route.ts": { url: "/admin/export", names: ["by"] },
  "app/admin/onsite/export/route.ts": { url: "/admin/onsite/export", names: ["day"] },
  "app/admin/roster/export/route.ts": { url: "/admin/roster/export", names: ["x"] },
  "app/hr/export/route.ts": { url: "/hr/export", names: ["month", "unit", "file"] },
  "app/api/health/route.ts": { url: "/api/health", names: ["x"] },
  "app/api/dev/mailbox/route.ts": { url: "/api/dev/mailbox", names: ["to"] },
  "app/api/probe/ping/route.ts": { url: "/api/probe/ping", names: ["test"] },
  "app/api/probe/gateway/route.ts": { url: "/api/probe/gateway", names: ["x"] },
  "app/api/probe/download/route.ts": { url: "/api/probe/download", names: ["bytes", "test"] },
  "app/api/probe/upload/route.ts": { url: "/api/probe/upload", names: ["test"] },
  "app/api/imports/hours/route.ts": { url: "/api/imports/hours", names: ["mode"] },
  "app/api/imports/roster/route.ts": { url: "/api/imports/roster", names: ["mode", "deactivateMissing"] },
  "app/api/imports/tokens/route.ts": { url: "/api/imports/tokens", names: ["mode"] },
  "app/api/imports/overtime/route.ts": { url: "/api/imports/overtime", names: ["mode"] },
  "app/api/imports/deliveries/route.ts": { url: "/api/imports/deliveries", names: ["mode"] },
};
/**
 * next-auth reads next/headers from its own prebuilt bundle, which a test
 * cannot replace outside a Next server: its routes are exercised by the
 * sign-in tests and e2e specs instead.
 */
const elsewhere = ["app/api/auth/[...nextauth]/route.ts"];

const base = "http://127.0.0.1:3999";
const who: [string, () => Promise<CurrentPerson | null>][] = [
  ["anonymous", async () => null],
  ["admin and HR", async () => {
    const e = await createEmployee();
    for (const role of ["it_agent", "hr", "admin"] as const) await grantRole(e.id, role);
    return { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail!, locale: "en", language: "en", roles: ["employee", "it_agent", "hr", "admin"] };
  }],
];

beforeAll(seedJourney);

describe("route handlers under hostile query strings", () => {
  test("every route file is listed here", () => {
    expect(routeFiles().sort()).toEqual([...Object.keys(routes), ...elsewhere].sort());
  });

  describe.each(who)("%s", (_label, person) => {
    test.each(Object.keys(routes))("%s: never a throw, never a 500", async (file) => {
      current.person = await person();
      const routeModule = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Partial<Record<"GET" | "POST", Handler>>;
      const { url, names } = routes[file];
      const segments = url.replace(/^\/api\/auth\//, "").split("/");
      const failures: string[] = [];
      for (const query of hostileQueries(names)) {
        for (const method of ["GET", "POST"] as const) {
          const handler = routeModule[method];
          if (!handler) continue;
          const init = method === "POST" ? { method, body: "x".repeat(16), headers: { "content-type": "application/octet-stream" } } : { method };
          try {
            const response = await handler(new NextRequest(`${base}${url}${query}`, init), { params: Promise.resolve({ nextauth: segments }) });
            if (response.status >= 500) failures.push(`${method} ${query.slice(0, 80)} → ${response.status}`);
            await response.body?.cancel();
          } catch (error) {
            failures.push(`${method} ${query.slice(0, 80)} throws ${String(error).slice(0, 160)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  });
});
