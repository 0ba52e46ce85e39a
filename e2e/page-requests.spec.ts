import type { Page } from "@playwright/test";
import { demo, expect, signIn, test } from "./fixtures";

// Every page is rendered per request (session, CSP nonce), so a link's prefetch cannot make the
// next page instant: with no loading.js it fetched only the route tree and the target's metadata,
// two server renders per link in view (1.3 and 2.0 ms of the server's CPU each, measured on the
// crisis data). A status page view with its five links cost the server 16 ms more than the page
// itself (6 ms); a queue scrolled to its end, a hundred renders. What a page view costs the
// server must be the page: nothing else is asked for until the person clicks.

/** Our server's renders the browser asks for (pages and React payloads), by path. */
function watchRenders(page: Page) {
  const seen: { path: string; kind: "document" | "payload" | "prefetch" }[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    const path = new URL(request.url()).pathname;
    if (headers["next-router-prefetch"]) seen.push({ path, kind: "prefetch" });
    else if (headers.rsc) seen.push({ path, kind: "payload" });
    else if (request.resourceType() === "document") seen.push({ path, kind: "document" });
  });
  return seen;
}

/** What a person does before choosing: reads down to the end of the page and points at the links. */
async function lookAround(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  for (const link of await page.getByRole("link").all()) {
    // Links hidden until focused (the skip link) cannot be pointed at.
    const box = await link.boundingBox();
    if (box && box.width > 1 && box.height > 1) await link.hover();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  // A prefetch starts when the browser is idle after a link came into view or was pointed at.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1_000);
}

test.describe("a page view costs the server one render", () => {
  for (const { who, email, pages, follow } of [
    { who: "an employee", email: demo.employee, pages: ["/", "/guide"], follow: { name: "My status", path: "/" } },
    { who: "an IT agent", email: demo.it, pages: ["/it"], follow: { name: "Incidents: one cause, many people", path: "/it/incidents" } },
    { who: "HR", email: demo.hr, pages: ["/hr"], follow: { name: "My status", path: "/" } },
    { who: "an admin", email: demo.admin, pages: ["/admin"], follow: { name: "Stock and waves", path: "/admin/stock" } },
  ]) {
    test(`${who}: nothing is fetched ahead, and a link still opens its page without reloading`, async ({ page }) => {
      await signIn(page, email);
      const renders = watchRenders(page);
      for (const path of pages) {
        await page.goto(path);
        await lookAround(page);
      }
      expect(renders).toEqual(pages.map((path) => ({ path, kind: "document" })));

      // Following a link: one payload of the page asked for, in the same document.
      await page.getByRole("link", { name: follow.name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === follow.path);
      await page.waitForLoadState("networkidle");
      expect(renders.slice(pages.length)).toEqual([{ path: follow.path, kind: "payload" }]);
    });
  }
});
