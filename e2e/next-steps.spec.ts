import type { Page } from "@playwright/test";
import { activateAuthenticator, expect, expectAccessible, expectNoSidewaysScroll, officeWorkers, passEligibility, requestDevice, signIn, test } from "./fixtures";

// Issue 13 points 4, 5 and 8, as a person sees them on a phone: every finished step leads on to the
// next one, and the next-step sentence says what the state asks, in French too.
// Own people: the demo roster has about 103 office workers (offsets 0–102); 95–97 are used by no other spec.
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

/** The next step's link comes before (above) the cancel control: it is the page's primary action. */
async function expectBeforeCancel(page: Page, linkName: string) {
  const next = await page.getByRole("region", { name: "Your next step" }).getByRole("link", { name: linkName }).boundingBox();
  const cancel = await page.getByRole("button", { name: "Cancel my request" }).boundingBox();
  expect(next!.y).toBeLessThan(cancel!.y);
}

test("a VDI seat leads to the token, an active token to the connection test", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 95);
  expect(person, "an office worker at offset 95 of the demo roster").toBeTruthy();
  await signIn(page, person);
  await passEligibility(page);
  await page.goto("/");
  await requestDevice(page, "VDI seat");
  await expect(page.getByText("Your VDI seat is ready")).toBeVisible();

  // /device: the token is the primary action, cancelling comes after it.
  const onDevice = page.getByRole("region", { name: "Your next step" });
  await expect(onDevice.getByText("Set up your sign-in token.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link").first()).toHaveText("Set up my token");
  await expectBeforeCancel(page, "Set up my token");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await onDevice.getByRole("link", { name: "Set up my token" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in token" })).toBeVisible();
  await activateAuthenticator(page);

  // /token, active: the connection test is next.
  const onToken = page.getByRole("region", { name: "Your next step" });
  await expect(onToken.getByText("Test your home connection.")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await onToken.getByRole("link", { name: "Test my connection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connection test" })).toBeVisible();
  await expectAccessible(page);
});

test("a reserved laptop asks to choose collection or delivery, in French too, then leads to the token", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 96);
  expect(person, "an office worker at offset 96 of the demo roster").toBeTruthy();
  await signIn(page, person);
  await passEligibility(page);
  await page.goto("/");
  await requestDevice(page, "Company laptop");
  await expect(page.getByText("A laptop is reserved for you")).toBeVisible();
  // Nothing chosen yet: the form on this page is the action, no link elsewhere.
  await expect(page.getByRole("region", { name: "Your next step" })).toHaveCount(0);

  await page.goto("/");
  await expect(page.getByText("choose when to collect your laptop, or have it delivered.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Choose collection or delivery" })).toBeVisible();

  // French says the same: choose, not "collect it or wait for the delivery".
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByText("choisissez quand retirer votre ordinateur portable, ou faites-le livrer.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Choisir le retrait ou la livraison" })).toBeVisible();
  await expect(page.getByText("attendez la livraison")).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Choose collection or delivery" })).toBeVisible();

  await page.getByRole("link", { name: "Choose collection or delivery" }).click();
  await page.getByLabel("Deliver it to my home").check();
  await page.getByLabel("Street and number").fill("Rue du Lac 5");
  await page.getByLabel("Postcode").fill("1004");
  await page.getByLabel("Town").fill("Lausanne");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Your choice")).toBeVisible();

  // Delivery chosen: the token is the primary action, before changing or cancelling.
  const next = page.getByRole("region", { name: "Your next step" });
  await expect(next.getByText("Set up your sign-in token.")).toBeVisible();
  await expectBeforeCancel(page, "Set up my token");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await next.getByRole("link", { name: "Set up my token" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in token" })).toBeVisible();
});

test("after no internet and no 4G, the status page offers no connection test: IT has it", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 97);
  expect(person, "an office worker at offset 97 of the demo roster").toBeTruthy();
  await signIn(page, person);
  await passEligibility(page);
  await page.goto("/device");
  await page.getByLabel(/^VDI seat/).check();
  await page.getByRole("button", { name: "Request this device" }).click();
  await expect(page.getByText("Your VDI seat is ready")).toBeVisible();
  await page.goto("/token");
  await activateAuthenticator(page);

  await page.goto("/connectivity");
  await page.getByLabel("No, or I don't know").check();
  await page.getByRole("button", { name: "Tell IT" }).click();
  await expect(page.getByText("IT is looking for a solution with you")).toBeVisible();

  await page.goto("/");
  await expect(page.getByText("IT is looking for a way to get you connected and will contact you")).toBeVisible();
  await expect(page.getByRole("link", { name: "Test my connection" })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // German says the same.
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByText("Die IT sucht eine Lösung, um Sie zu verbinden")).toBeVisible();
  await expect(page.getByRole("link", { name: "Meine Verbindung testen" })).toHaveCount(0);
  await expectAccessible(page);
});
