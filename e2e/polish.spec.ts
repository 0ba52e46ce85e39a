import type postgres from "postgres";
import { expect, expectAccessible, passEligibility, signIn, test } from "./fixtures";

// Issue 13 points 11, 12 and 14, as a person sees them on a phone: the portal can be added to
// the home screen and is not indexed, a printed page shows only its content, and figures are
// written the way the person's language writes them.
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

/**
 * Eligible people of their own: marketing and design staff (permanent, work address), a job
 * family officeWorkers() never returns, so no other spec signs them in or changes their case.
 * (The demo roster has only 103 office workers: officeWorkers() offsets of 103 and more are empty.)
 */
async function marketingStaff(sql: postgres.Sql, offset: number): Promise<string> {
  const [row] = await sql`
    select work_email from employees
     where work_email like '%@transalpina.test' and active and job_family in ('marketing', 'designer') and contract_type = 'permanent'
     order by number offset ${offset} limit 1`;
  expect(row, `a marketing employee at offset ${offset}`).toBeTruthy();
  return row.work_email as string;
}

test("the home-screen manifest, the icons and robots.txt are served to a browser without a session", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  try {
    const robots = await anonymous.get("/robots.txt", { maxRedirects: 0 });
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^Disallow: \/$/m);

    const manifest = await anonymous.get("/manifest.webmanifest", { maxRedirects: 0 });
    expect(manifest.status()).toBe(200);
    const body = JSON.parse(await manifest.text()) as { name: string; start_url: string; display: string; icons: { src: string }[] };
    expect(body).toMatchObject({ name: "Passerelle", start_url: "/start", display: "standalone" });
    for (const icon of body.icons) {
      const response = await anonymous.get(icon.src, { maxRedirects: 0 });
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"], icon.src).toMatch(/^image\/(png|svg\+xml)/);
    }
  } finally {
    await anonymous.dispose();
  }
});

test("every page links the manifest, the icon and the header's colour", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="icon"][href="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#1c398e");
});

test("a printed page shows its content without the header, the language buttons or the navigation", async ({ page, sql }) => {
  const person = await marketingStaff(sql, 0);
  await signIn(page, person);
  await page.goto("/");
  const banner = page.getByRole("banner");
  await expect(banner).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Language" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.locator('a[href="#main"]')).toBeHidden();

  // Back on screen, everything is there again.
  await page.emulateMedia({ media: "screen" });
  await expect(banner).toBeVisible();
});

test("connection figures follow the language: 113,8 Mbit/s in French, 2’003 ms in German", async ({ page, sql }) => {
  const person = await marketingStaff(sql, 1);
  await signIn(page, person);
  await passEligibility(page);
  // A finished test as the self-test would have stored it (the measurement has its own specs).
  await sql`
    insert into connectivity_tests (employee_id, status, isp, latency_ms, jitter_ms, download_kbps, upload_kbps, udp_ok, verdict, limits, completed_at)
    select id, 'completed', 'init7', 2003, 4, 113800, 20400, true, 'limited', '["latency"]'::jsonb, now()
      from employees where work_email = ${person}`;

  await page.goto("/connectivity");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Test de connexion" })).toBeVisible();
  await expect(page.getByText("Utilisable, avec des limites")).toBeVisible();
  await expect(page.getByText("113,8 Mbit/s", { exact: true })).toBeVisible();
  await expect(page.getByText("20,4 Mbit/s", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verbindungstest" })).toBeVisible();
  await expect(page.getByText("2’003 ms", { exact: true })).toBeVisible();
  await expect(page.getByText("113.8 Mbit/s", { exact: true })).toBeVisible();
  await expectAccessible(page);
});
