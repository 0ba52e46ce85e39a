import { demo, expect, expectAccessible, forgetRecentRequests, mailbox, nextMail, oneSignInAtATime, signIn, test } from "./fixtures";

test.describe("app shell", () => {
  test("the language follows the browser before sign-in", async ({ browser }) => {
    for (const [locale, heading] of [["de-CH", "Anmelden"], ["fr-CH", "Connexion"], ["en-GB", "Sign in"], ["it-CH", "Connexion"]]) {
      const context = await browser.newContext({ locale, baseURL: process.env.E2E_BASE_URL });
      const page = await context.newPage();
      await page.goto("/signin");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.locator("html")).toHaveAttribute("lang", heading === "Anmelden" ? "de" : heading === "Sign in" ? "en" : "fr");
      await context.close();
    }
  });

  test("a chosen language is remembered for the person, on another device too", async ({ page, browser }) => {
    await signIn(page, demo.hr);
    await page.getByRole("button", { name: "Deutsch" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kurzarbeit" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Deutsch" })).toHaveAttribute("aria-current", "true");
    await expectAccessible(page);

    // A fresh browser (no cookie) speaking English: after sign-in, the saved choice wins.
    const other = await browser.newContext({ locale: "en-GB", baseURL: process.env.E2E_BASE_URL });
    const second = await other.newPage();
    await signIn(second, demo.hr);
    await expect(second.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
    await second.getByRole("button", { name: "English" }).click();
    await expect(second.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
    await other.close();
  });

  test("keyboard users can skip to the content", async ({ page }) => {
    await signIn(page, demo.employee);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("the employee status page works on a 360 px phone screen", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "fr-CH", baseURL: process.env.E2E_BASE_URL, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // A link request replaces the address's earlier links: one at a time with the other specs' sign-ins,
    // and its mail out before the next sign-in asks for a link (which would otherwise open this replaced one).
    await oneSignInAtATime(demo.employee, async () => {
      await forgetRecentRequests(demo.employee);
      const before = (await mailbox(page.request, demo.employee)).length;
      await page.goto("/signin");
      await page.getByLabel("Adresse e-mail").fill(demo.employee);
      await page.getByRole("button", { name: "M’envoyer un lien de connexion" }).click();
      await expect(page.getByRole("heading", { name: "Consultez vos e-mails" })).toBeVisible();
      await nextMail(page.request, demo.employee, before);
    });
    await context.close();

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: process.env.E2E_BASE_URL, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    await signIn(mobile, demo.employee);
    await expect(mobile.getByRole("heading", { level: 1, name: "Hello Élodie" })).toBeVisible();
    await expect(mobile.getByText("Next step:")).toBeVisible();
    await expect(mobile.getByRole("list").filter({ hasText: "Eligibility" })).toBeVisible();
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(mobile);
    await phone.close();
  });

  test("unknown pages say so in words", async ({ page }) => {
    await signIn(page, demo.employee);
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
  });

  test("every page carries a Content-Security-Policy with a fresh nonce, and Next's scripts carry it", async ({ page }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await page.goto("/signin");
      const policy = response?.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, policy).toBeTruthy();
      expect(policy).toContain("frame-ancestors 'none'");
      nonces.push(nonce!);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
      // Browsers hide the attribute once the page has loaded; the property keeps it.
      const scriptNonces = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("no page carries one of Next's default pages in English", async ({ request }) => {
    // Next renders the root's boundaries (not found, forbidden, unauthorized) into every page's
    // React payload: its own English defaults where the app has none, on every request.
    const response = await request.get("/signin", { headers: { "accept-language": "fr" } });
    const html = await response.text();
    expect(html).toContain(`<html lang="fr"`);
    for (const fallback of ["could not be found", "not authorized", "forbidden to access"]) expect(html).not.toContain(fallback);
  });

  test("the health check answers for load balancers", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
