import { freePort } from "../scripts/lib/pg-server";
import { expect, expectAccessible, test } from "./fixtures";
import { healthStatus, startSecondInstance, type SecondInstance } from "./second-instance";

// A second instance of the production build whose PostgreSQL is down (a closed port):
// what a signed-in person meets when the database dies under the portal.
let server: SecondInstance | null = null;
let baseUrl = "";

test.beforeAll(async () => {
  const deadPort = await freePort();
  server = await startSecondInstance({ databaseUrl: `postgres://passerelle:x@127.0.0.1:${deadPort}/passerelle` });
  baseUrl = server.baseUrl;
  // It serves as soon as health answers at all (503: the instance is up, its database is not).
  await expect.poll(() => healthStatus(baseUrl), { timeout: 60_000 }).toBe(503);
});

test.afterAll(async () => {
  await server?.stop();
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
