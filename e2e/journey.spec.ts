import { codeFor, demo, expect, expectAccessible, signIn, test } from "./fixtures";

test("an employee passes eligibility, reserves a laptop with a collection slot and enrolls an authenticator app", async ({ page }) => {
  await signIn(page, demo.employee);
  await page.getByRole("link", { name: "Answer the questions" }).click();

  // Eligibility
  await expect(page.getByRole("heading", { level: 1, name: "Can you work from home?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Check my eligibility" }).click();
  await expect(page.getByText("Choose an answer.").first()).toBeVisible();
  await page.getByRole("group", { name: "Can your work be done from home?" }).getByLabel("Yes").check();
  await page.getByRole("group", { name: "Do you work with confidential paper documents?" }).getByLabel("No").check();
  await page.getByRole("group", { name: "Does your work need equipment that must stay on site?" }).getByLabel("No").check();
  await page.getByRole("group", { name: "Do you have a place at home where you can work?" }).getByLabel("Yes").check();
  await page.getByRole("button", { name: "Check my eligibility" }).click();
  await expect(page.getByText("You can work from home")).toBeVisible();
  await page.getByRole("link", { name: "Choose my device" }).click();

  // Device: no BYOD, a laptop, a slot
  await expect(page.getByRole("heading", { level: 1, name: "Your device" })).toBeVisible();
  await expect(page.getByText("A personal computer never gets VPN access")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Company laptop/).check();
  await page.getByRole("button", { name: "Request this device" }).click();
  await expect(page.getByText("A laptop is reserved for you")).toBeVisible();

  // A wrong postcode is explained next to the field and changes nothing.
  await page.getByLabel("Deliver it to my home").check();
  await page.getByLabel("Street and number").fill("Rue du Lac 5");
  await page.getByLabel("Postcode").fill("123");
  await page.getByLabel("Town").fill("Lausanne");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Enter a Swiss postcode: four digits, e.g. 1004.")).toBeVisible();
  await expect(page.getByText("Your choice")).toHaveCount(0);

  await page.getByLabel("Collect it at a site").check();
  const slot = page.getByLabel("Collection time");
  const firstSlot = await slot.locator("option").nth(1).getAttribute("value");
  await slot.selectOption(firstSlot!);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Your choice")).toBeVisible();
  await expect(page.getByText(/Collect at .+ on .+\. Bring an identity document\./)).toBeVisible();
  await expectAccessible(page);

  // Token: authenticator app, code computed from the key shown on screen
  // The device page offers "Set up my token" as well: wait for the status page, as a person
  // would, or the click lands on whatever the status page puts where that link was.
  await page.getByRole("link", { name: "Back to my status" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hello Élodie" })).toBeVisible();
  await page.getByRole("link", { name: "Set up my token" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in token" })).toBeVisible();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  await expectAccessible(page);
  const manualKey = (await page.getByText("Key to type by hand").locator("xpath=following-sibling::p[1]").innerText()).trim();
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByText(/This code is not right\./)).toBeVisible();
  await page.getByLabel("Code from the app").fill(codeFor(manualKey));
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes now" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("Your token is active")).toBeVisible();

  // The status page: eligibility and token done; the laptop only reserved (done once collected), with its slot
  await page.getByRole("link", { name: "Back to my status" }).click();
  const steps = page.getByRole("list").filter({ hasText: "Eligibility" });
  await expect(steps.getByRole("listitem").nth(0)).toContainText("Eligible (done)");
  await expect(steps.getByRole("listitem").nth(1)).toContainText("Company laptop reserved, to collect");
  await expect(steps.getByRole("listitem").nth(1)).toContainText(/Collect at .+ on .+\./);
  await expect(steps.getByRole("listitem").nth(1)).not.toContainText("(done)");
  await expect(steps.getByRole("listitem").nth(2)).toContainText("Active (done)");
  await expect(page.getByText("test your home connection.")).toBeVisible();
  await expectAccessible(page);
});
