import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import postgres from "postgres";

export { expect };

export const demo = {
  employee: "employee@demo.test",
  it: "it@demo.test",
  hr: "hr@demo.test",
  admin: "admin@demo.test",
} as const;

type Mail = { to: string; subject: string; text: string; links: string[]; deliveredAt: string };

/** The dev mailbox's JSON view: what a person would find in their inbox. */
export async function mailbox(request: APIRequestContext, to: string): Promise<Mail[]> {
  const url = `/api/dev/mailbox?to=${encodeURIComponent(to)}`;
  // A kept-alive connection the server closes as idle just as it is reused answers ECONNRESET
  // (seen on a loaded machine): a person's browser retries such a GET, so this does too, once.
  const response = await request.get(url).catch((error: Error) => {
    if (!/ECONNRESET|socket hang up/.test(error.message)) throw error;
    return request.get(url);
  });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as Mail[];
}

/** Waits for a new mail to `to` (the outbox worker delivers within a second or two). */
export async function nextMail(request: APIRequestContext, to: string, countBefore: number): Promise<Mail> {
  let mails: Mail[] = [];
  await expect
    .poll(async () => (mails = await mailbox(request, to)).length, { timeout: 15_000, message: `a new mail to ${to}` })
    .toBeGreaterThan(countBefore);
  return mails[0];
}

let shared: postgres.Sql | undefined;

/**
 * The demo accounts sign in dozens of times per run, far beyond the real
 * per-address limit (5 per 15 minutes). Before each sign-in we clear that one
 * address's window, as if the 15 minutes had passed; the limit itself has its
 * own tests, which never go through here.
 */
export async function forgetRecentRequests(email: string) {
  shared ??= postgres(process.env.E2E_DATABASE_URL!, { max: 1, idle_timeout: 2, onnotice: () => {} });
  const key = `signin-address:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
  await shared`delete from rate_limits where key = ${key}`;
}

/** Asks for a sign-in link through the form, as a person would, and returns the mailed link. */
export async function requestLink(page: Page, email: string, path = "/signin", options: { checkAccessibility?: boolean } = {}): Promise<string> {
  await forgetRecentRequests(email);
  const before = (await mailbox(page.request, email)).length;
  await page.goto(path);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  if (options.checkAccessibility) await expectAccessible(page);
  const mail = await nextMail(page.request, email, before);
  // Mail goes out in the person's language (their saved choice, else the roster's).
  expect(mail.subject).toMatch(/^(Your Passerelle sign-in link|Votre lien de connexion à Passerelle|Ihr Anmeldelink für Passerelle)$/);
  return mail.links[0];
}

/**
 * One sign-in at a time per address, across the workers: a new link deletes the address's
 * earlier ones (as it should), so two specs signing in as the same demo account at once would
 * otherwise use up each other's link. A lock file per address; one older than a test's timeout is stale.
 */
export async function oneSignInAtATime<T>(email: string, run: () => Promise<T>): Promise<T> {
  const file = path.join(tmpdir(), `passerelle-e2e-sign-in-${createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 16)}.lock`);
  for (;;) {
    try {
      await (await open(file, "wx")).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const held = await stat(file).catch(() => null);
      if (held && Date.now() - held.mtimeMs > 120_000) await rm(file, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await run();
  } finally {
    await rm(file, { force: true });
  }
}

/** The whole sign-in: form, mailbox, confirmation page, button. */
export async function signIn(page: Page, email: string, from = "/signin", options: { checkAccessibility?: boolean } = {}): Promise<void> {
  await oneSignInAtATime(email, async () => {
    const link = await requestLink(page, email, from, options);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Confirm your sign-in" })).toBeVisible();
    if (options.checkAccessibility) await expectAccessible(page);
    await page.getByRole("button", { name: "Sign in to Passerelle" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin") && !url.pathname.startsWith("/api/auth"));
  });
}

/** Answers the eligibility questions (in English); `confidentialPaper: "Yes"` sends an office worker to review. */
export async function answerEligibility(page: Page, answers: { confidentialPaper?: "Yes" | "No" } = {}): Promise<void> {
  await page.goto("/eligibility");
  for (const [question, answer] of [
    ["Can your work be done from home?", "Yes"],
    ["Do you work with confidential paper documents?", answers.confidentialPaper ?? "No"],
    ["Does your work need equipment that must stay on site?", "No"],
    ["Do you have a place at home where you can work?", "Yes"],
  ]) {
    await page.getByRole("group", { name: question }).getByLabel(answer).check();
  }
  await page.getByRole("button", { name: "Check my eligibility" }).click();
}

/** Answers the eligibility questions so that an office worker is eligible. */
export async function passEligibility(page: Page): Promise<void> {
  await answerEligibility(page);
  await expect(page.getByText("You can work from home")).toBeVisible();
}

/** From the status page, in English: the device step, the option whose label starts as `option`, and the request. */
export async function requestDevice(page: Page, option: "Company laptop" | "VDI seat"): Promise<void> {
  await page.getByRole("link", { name: "Choose my device" }).click();
  await page.getByLabel(new RegExp(`^${option}`)).check();
  await page.getByRole("button", { name: "Request this device" }).click();
}

/**
 * The self-test's verdict on this machine's loopback: good when the machine is quiet; on a busy
 * one (CI, two test workers) its delay varies and the same line is "usable, with limits". A test
 * never asserts a verdict that depends on the machine's speed (the rules have their own table tests).
 */
export const loopbackVerdict = /^(Good: your connection is ready|Usable, with limits)$/;

/** A phone's browser (360 px, touch), in English, for a context of its own: `browser.newContext(phone)` or `test.use(phone)`. */
export const phone = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: "en-GB", baseURL: process.env.E2E_BASE_URL };

/** Office workers from the demo roster (work address, permanent contract), skipping the first `offset`. */
export async function officeWorkers(sql: postgres.Sql, count: number, offset: number): Promise<string[]> {
  const rows = await sql`
    select work_email from employees
     where work_email like '%@transalpina.test' and active and job_family in ('finance', 'procurement', 'legal') and contract_type = 'permanent'
     order by number offset ${offset} limit ${count}`;
  return rows.map((r) => r.work_email as string);
}

/** Nothing scrolls sideways (on a 360 px phone, the employee pages' promise). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** Switches the language and waits until the server has it (the page is current in that language). */
export async function switchLanguage(page: Page, name: "Français" | "Deutsch" | "English"): Promise<void> {
  const button = page.getByRole("button", { name });
  await button.click();
  await expect(button).toHaveAttribute("aria-current", "true");
}

/** On /token (in English): an authenticator app, the code computed from the key on screen, recovery codes acknowledged. */
export async function activateAuthenticator(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const manualKey = (await page.getByText("Key to type by hand").locator("xpath=following-sibling::p[1]").innerText()).trim();
  await page.getByLabel("Code from the app").fill(codeFor(manualKey));
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("Your token is active")).toBeVisible();
}

/** What an authenticator app shows for the manual key on screen. */
export function codeFor(manualKey: string): string {
  return new TOTP({ secret: Secret.fromBase32(manualKey.replace(/\s+/g, "")), digits: 6, period: 30, algorithm: "SHA1" }).generate();
}

/** No serious or critical accessibility violation (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  // Next streams the <title> of dynamic pages after the first bytes: wait for it like a reader would.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

type Fixtures = { sql: postgres.Sql };

/**
 * Collects what the page's Content-Security-Policy refused (Chromium reports each
 * refusal as a console error): a script, style, connection or form target the
 * policy does not allow would otherwise fail silently for the person.
 */
export function watchContentSecurityPolicy(page: Page): () => string[] {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return () => refused;
}

export const test = base.extend<Fixtures>({
  // The server is started by global-setup on a free port; it hands the address over here.
  baseURL: async ({}, use) => use(process.env.E2E_BASE_URL),
  // Every spec's page is watched: whatever a test does, the policy must refuse nothing.
  page: async ({ page }, use) => {
    const refused = watchContentSecurityPolicy(page);
    await use(page);
    expect(refused(), "the Content-Security-Policy refused something on this page").toEqual([]);
  },
  sql: async ({}, use) => {
    const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
    await use(sql);
    await sql.end({ timeout: 5 });
  },
});
