import { spawn, type ChildProcess } from "node:child_process";
import { freePort, waitForExit } from "../scripts/lib/pg-server";
import { expect, expectAccessible, test } from "./fixtures";
import { nextStartArgs } from "../scripts/lib/next-start";

// A second instance of the production build whose PostgreSQL is down (a closed port):
// what a signed-in person meets when the database dies under the portal.
let server: ChildProcess | null = null;
let baseUrl = "";

test.beforeAll(async () => {
  const port = await freePort();
  const deadPort = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, nextStartArgs({ host: "127.0.0.1", port }), {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: `postgres://passerelle:x@127.0.0.1:${deadPort}/passerelle`,
      DEMO_MODE: "true",
      SMTP_URL: "",
      PUBLIC_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "e2e-secret-that-is-long-enough-for-next-auth",
      TOKEN_ENCRYPTION_KEY: process.env.E2E_TOKEN_ENCRYPTION_KEY,
      OUTBOX_WORKER: "false",
      LOG_LEVEL: "silent",
    },
  });
  // It serves as soon as health answers at all (503: the instance is up, its database is not).
  await expect.poll(async () => (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(503);
});

test.afterAll(async () => {
  if (server?.exitCode === null) {
    server.kill("SIGTERM");
    if (!(await waitForExit(server.pid!, 10_000))) server.kill("SIGKILL");
  }
});

test("during a database outage a signed-in person is told Passerelle is unavailable, in their language, never signed out", async ({ browser }) => {
  const health = await fetch(`${baseUrl}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable", reason: "unavailable" });

  for (const [locale, title] of [
    ["fr-CH", "Passerelle est momentanément indisponible"],
    ["de-CH", "Passerelle ist vorübergehend nicht verfügbar"],
  ] as const) {
    const context = await browser.newContext({ baseURL: baseUrl, locale });
    await context.addCookies([{ name: "next-auth.session-token", value: "a-session-the-database-cannot-check", url: baseUrl }]);
    const page = await context.newPage();
    await page.goto("/start");
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/start");
    await expectAccessible(page);
    await context.close();
  }
});
