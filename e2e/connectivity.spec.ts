import { expect, expectAccessible, officeWorkers, passEligibility, signIn, test } from "./fixtures";

// The STUN target lives in the settings table, shared by the whole server: run serially.
test.describe.configure({ mode: "serial" });

test.describe("connectivity self-test", () => {
  test("on this machine the test runs against the local server and says good", async ({ page, sql }) => {
    const [person] = await officeWorkers(sql, 1, 10);
    await signIn(page, person);
    await passEligibility(page);
    await page.goto("/connectivity");
    await expectAccessible(page);
    await page.getByLabel("Your internet provider (optional)").selectOption("init7");
    await page.getByRole("button", { name: "Start the test" }).click();
    await expect(page.getByRole("progressbar", { name: "Test progress" })).toBeVisible();
    await expect(page.getByText("Good: your connection is ready")).toBeVisible({ timeout: 40_000 });
    await expect(page.getByText("gets through")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/");
    await expect(page.getByRole("list").filter({ hasText: "Connection test" }).getByRole("listitem").nth(3)).toContainText("Good (done)");
  });

  test("with the STUN target on a closed port it says UDP is blocked and recommends the SSL profile", async ({ page, sql }) => {
    const [person] = await officeWorkers(sql, 1, 11);
    const [{ open }] = await sql`select (value->'stun'->>'port')::int as open from settings where key = 'connectivity'`;
    // Port 9 (discard): nothing answers there on this machine.
    await sql`update settings set value = jsonb_set(value, '{stun,port}', to_jsonb(9)) where key = 'connectivity'`;
    try {
      await signIn(page, person);
      await passEligibility(page);
      await page.goto("/connectivity");
      await page.getByRole("button", { name: "Start the test" }).click();
      await expect(page.getByText("Your connection blocks the standard VPN")).toBeVisible({ timeout: 40_000 });
      await expect(page.getByText("Use the SSL VPN profile (port 443)")).toBeVisible();
      await expect(page.getByText("blocked", { exact: true })).toBeVisible();
    } finally {
      await sql`update settings set value = jsonb_set(value, '{stun,port}', to_jsonb(${open}::int)) where key = 'connectivity'`;
    }
  });

  test("no internet and no 4G at home ends in a ticket shown on the status page", async ({ page, sql }) => {
    const [person] = await officeWorkers(sql, 1, 12);
    await signIn(page, person);
    await passEligibility(page);
    await page.goto("/connectivity");
    await page.getByLabel("No, or I don't know").check();
    await page.getByRole("button", { name: "Tell IT" }).click();
    await expect(page.getByText("IT is looking for a solution with you")).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "IT is looking into your case" })).toBeVisible();
    await expect(page.getByText(/Request #\d+: no internet connection — received/)).toBeVisible();
    await expect(page.getByText("IT is looking into it")).toBeVisible();
    await expectAccessible(page);
  });
});
