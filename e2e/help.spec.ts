import { expect, expectAccessible, officeWorkers, signIn, test } from "./fixtures";

test("an employee asks IT for help from the status page and sees the request there", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 20);
  await signIn(page, person);
  await page.getByText("I need help").click();
  await page.getByLabel("What is it about?").selectOption({ label: "My device" });
  await page.getByLabel("What happens?").fill("help");
  await page.getByRole("button", { name: "Send to IT" }).click();
  await expect(page.getByText("Describe your problem in a few words (10 characters at least).")).toBeVisible();
  await page.getByLabel("What happens?").fill("The screen stays black <script>alert(1)</script>");
  await page.getByRole("button", { name: "Send to IT" }).click();
  // Names the address IT's answer goes to: the one the person signed in with (their contact address).
  await expect(page.getByText(/Request #\d+ sent to IT\./)).toContainText(`IT answers by e-mail to ${person}.`);
  await expect(page.getByText(/Request #\d+: device — received/)).toBeVisible();
  // Shown as text, never as markup.
  await expect(page.getByText("The screen stays black <script>alert(1)</script>")).toBeVisible();
  await expectAccessible(page);
});
