import type { Route } from "@playwright/test";
import { answerEligibility, codeFor, expect, expectAccessible, officeWorkers, phone, signIn, test } from "./fixtures";

// A phone at home loses its link between a tap and Passerelle's answer: the action's request fails
// in the browser. Before, the form said nothing and a button stayed disabled for good. Each shape
// of call is tried: a form (eligibility), a single button (the token's start), a direct call
// (the code's check), and the header's language and sign-out buttons. Own person: offset 9 of the office workers, used by no other spec.
test.use(phone);

const lost = "Passerelle did not answer. Check your internet connection, then try again.";
const dropPosts = (route: Route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue());

test("a connection lost during an action is said in words, the controls stay usable, and the next try goes through", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 9);
  expect(person, "an office worker at offset 9 of the demo roster").toBeTruthy();
  await signIn(page, person);

  // A form.
  await page.route("**/eligibility", dropPosts);
  await answerEligibility(page);
  await expect(page.getByText(lost)).toBeVisible();
  await expect(page.getByText("You can work from home")).toHaveCount(0);
  await expectAccessible(page);
  await page.unroute("**/eligibility", dropPosts);
  await page.getByRole("button", { name: "Check my eligibility" }).click();
  await expect(page.getByText("You can work from home")).toBeVisible();
  await expect(page.getByText(lost)).toHaveCount(0);

  // A single button: it was left disabled.
  await page.goto("/token");
  await page.route("**/token", dropPosts);
  const start = page.getByRole("button", { name: "Set up an authenticator app" });
  await start.click();
  await expect(page.getByText(lost)).toBeVisible();
  await expect(start).toBeEnabled();
  await page.unroute("**/token", dropPosts);
  await start.click();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();

  // A direct call: the code's check.
  const manualKey = (await page.getByText("Key to type by hand").locator("xpath=following-sibling::p[1]").innerText()).trim();
  await page.route("**/token", dropPosts);
  await page.getByLabel("Code from the app").fill(codeFor(manualKey));
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByText(lost)).toBeVisible();
  await page.unroute("**/token", dropPosts);
  await page.getByLabel("Code from the app").fill(codeFor(manualKey));
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes now" })).toBeVisible();

  // The language: the page stays (it fell to the error page before), and says why nothing changed.
  await page.goto("/");
  await page.route("**/*", dropPosts);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByText(lost)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /^Hello / })).toBeVisible();
  await expectAccessible(page);

  // Signing out: the session is still open, the person is told so and can try again.
  await page.reload();
  const signOut = page.getByRole("button", { name: "Sign out" });
  await signOut.click();
  await expect(page.getByText(lost)).toBeVisible();
  await expect(signOut).toBeEnabled();
  await page.unroute("**/*", dropPosts);
  await signOut.click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});
