import { expect, expectAccessible, loopbackVerdict, officeWorkers, passEligibility, signIn, test } from "./fixtures";

// The STUN target lives in the settings table, shared by the whole server: run serially.
test.describe.configure({ mode: "serial" });

test.describe("connectivity self-test", () => {
  test("on this machine the test runs against the local server and finds a line that works", async ({ page, sql }) => {
    const [person] = await officeWorkers(sql, 1, 2);
    await signIn(page, person);
    await passEligibility(page);
    await page.goto("/connectivity");
    await expectAccessible(page);
    // Every probe carries the run's ticket in a header, never in its address (which logs keep).
    const probes: { url: string; ticket: string | undefined }[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/probe/") && !request.url().includes("/api/probe/gateway")) probes.push({ url: request.url(), ticket: request.headers()["x-probe-ticket"] });
    });
    await page.getByLabel("Your internet provider (optional)").selectOption("init7");
    await page.getByRole("button", { name: "Start the test" }).click();
    const progress = page.getByRole("progressbar", { name: "Test progress" });
    await expect(progress).toBeVisible();
    // Download lasts seconds whatever the line: the bar moves within the phase, not only between phases.
    await expect(page.getByText("Measuring download speed…")).toBeVisible({ timeout: 20_000 });
    const early = Number(await progress.getAttribute("aria-valuenow"));
    const downloading = page.getByText("Measuring download speed…");
    await expect.poll(async () => (await downloading.isVisible()) && Number(await progress.getAttribute("aria-valuenow")) > early, { timeout: 8_000 }).toBe(true);
    // About 20 s of measuring on a quiet machine; the timeout is a net against a hang, not a verdict on speed.
    // Loopback is good on a quiet machine; on a busy one its delay varies (jitter) and the same run is
    // "usable, with limits": either is a finished run on a line that works (the rules have their own table tests).
    await expect(page.getByText(loopbackVerdict)).toBeVisible({ timeout: 90_000 });
    expect(probes.length).toBeGreaterThan(10);
    for (const probe of probes) {
      expect(probe.ticket).toMatch(/^[\w-]+\.[\w-]+$/);
      expect(probe.url).not.toContain(probe.ticket!);
    }
    await expect(page.getByText("gets through")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/");
    await expect(page.getByRole("list").filter({ hasText: "Connection test" }).getByRole("listitem").nth(3)).toContainText(/(Good|Usable with limits) \(done\)/);
  });

  test("with the STUN target on a closed port it says UDP is blocked and recommends the SSL profile", async ({ page, sql }) => {
    const [person] = await officeWorkers(sql, 1, 3);
    const [{ open }] = await sql`select (value->'stun'->>'port')::int as open from settings where key = 'connectivity'`;
    // Port 9 (discard): nothing answers there on this machine.
    await sql`update settings set value = jsonb_set(value, '{stun,port}', to_jsonb(9)) where key = 'connectivity'`;
    try {
      await signIn(page, person);
      await passEligibility(page);
      await page.goto("/connectivity");
      await page.getByRole("button", { name: "Start the test" }).click();
      await expect(page.getByText("Your connection blocks the standard VPN")).toBeVisible({ timeout: 60_000 });
      await expect(page.getByText("Use the SSL VPN profile (port 443)")).toBeVisible();
      await expect(page.getByText("blocked", { exact: true })).toBeVisible();
    } finally {
      await sql`update settings set value = jsonb_set(value, '{stun,port}', to_jsonb(${open}::int)) where key = 'connectivity'`;
    }
  });

  test("no internet and no 4G at home ends in a ticket shown on the status page", async ({ page, sql }) => {
    const [person] = await officeWorkers(sql, 1, 4);
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
