import type { Page } from "@playwright/test";
import { demo, expect, officeWorkers, passEligibility, requestDevice, signIn, test } from "./fixtures";
import { agent, agentPage, person, ticket } from "./ticket-setup";

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

/** The server actions the browser calls, by the path of the page they are sent from. */
function watchActions(page: Page) {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-action"]) sent.push(new URL(request.url()).pathname);
  });
  return sent;
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

// A form's answer and the page showing its outcome were two round trips: the action, then the
// browser's refresh of the page (a second render through the proxy and the session), for a person
// at home one more wait on a slow link, and a refresh lost on a flaky one left the page behind
// what was done. The action now sends the page's new render with its answer.
test("an employee's answers come back with their page: one request each", async ({ page, sql }) => {
  // Roster offset 22: this spec's own person.
  const [email] = await officeWorkers(sql, 1, 22);
  await signIn(page, email);
  const renders = watchRenders(page);
  const actions = watchActions(page);

  await passEligibility(page);
  await page.waitForLoadState("networkidle");
  expect(actions).toEqual(["/eligibility"]);
  expect(renders).toEqual([{ path: "/eligibility", kind: "document" }]);

  await page.goto("/");
  await requestDevice(page, "Company laptop");
  await expect(page.getByText(/^(A laptop is reserved for you|You are number \d+ in the queue)$/).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(actions).toEqual(["/eligibility", "/device"]);
  // The status page's document, the device page opened by its link, and nothing after the request.
  expect(renders.slice(1)).toEqual([
    { path: "/", kind: "document" },
    { path: "/device", kind: "payload" },
  ]);
});

test("an IT agent's claim and reply come back with the ticket page: one request each", async ({ browser, sql }) => {
  // Roster offsets 23 (the agent) and 24 (the person): this spec's own.
  const me = await agent(sql, 23);
  const who = await person(sql, 24);
  const number = await ticket(sql, who.id, "The VPN client asks for a certificate I do not have.");
  const page = await agentPage(browser, me.email);
  await page.goto(`/it/tickets/${number}`);
  await page.waitForLoadState("networkidle");
  const renders = watchRenders(page);
  const actions = watchActions(page);

  await page.getByRole("button", { name: "Claim this ticket" }).click();
  await expect(page.getByText(`Assigned to ${me.name}.`)).toBeVisible();
  await page.getByLabel("Public reply").fill("The certificate comes with your token: enrol it first, then try again.");
  await page.getByRole("button", { name: "Send the reply", exact: true }).click();
  await expect(page.getByLabel("Status")).toHaveValue("waiting_for_employee");
  await page.waitForLoadState("networkidle");
  expect(actions).toEqual([`/it/tickets/${number}`, `/it/tickets/${number}`]);
  expect(renders).toEqual([]);
});
