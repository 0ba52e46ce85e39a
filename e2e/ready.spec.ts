import { activateAuthenticator, expect, expectAccessible, loopbackVerdict, officeWorkers, passEligibility, requestDevice, signIn, test } from "./fixtures";

test("with a VDI seat, a token and a working connection the employee is ready and gets a printable guide", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 40);
  await signIn(page, person);
  await passEligibility(page);
  await requestDevice(page, "VDI seat");
  await expect(page.getByText("Your VDI seat is ready")).toBeVisible();

  await page.goto("/token");
  await activateAuthenticator(page);

  await page.goto("/connectivity");
  await page.getByRole("button", { name: "Start the test" }).click();
  // Good on a quiet machine, usable with limits on a busy one (loopback's jitter): either lets the person work.
  await expect(page.getByText(loopbackVerdict)).toBeVisible({ timeout: 40_000 });
  await expect(page.getByText("Your VDI seat works on this connection: it needs no VPN.")).toBeVisible();

  await page.goto("/");
  await expect(page.getByText("Ready for telework")).toBeVisible();
  await page.getByRole("link", { name: "Open my connection guide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your connection guide" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Working on your VDI seat" })).toBeVisible();
  await expect(page.getByText("https://vdi.transalpina.test", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expectAccessible(page);
});
