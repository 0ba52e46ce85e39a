import { demo, expect, expectAccessible, mailbox, officeWorkers, oneSignInAtATime, requestLink, signIn, test } from "./fixtures";

test.describe("sign-in by e-mail link", () => {
  const areas = [
    { email: demo.employee, path: "/", heading: "Hello Élodie", nav: ["My status"] },
    { email: demo.it, path: "/it", heading: "IT queue", nav: ["My status", "IT queue"] },
    { email: demo.hr, path: "/hr", heading: "Short-time work", nav: ["My status", "HR"] },
    { email: demo.admin, path: "/admin", heading: "Administration", nav: ["My status", "Administration"] },
  ];

  for (const area of areas) {
    test(`${area.email} opens the portal, signs in and lands in their area`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin$/);
      await expectAccessible(page);
      await signIn(page, area.email, page.url(), { checkAccessibility: true });
      await expect(page).toHaveURL(new RegExp(`${area.path === "/" ? "/$" : `${area.path}$`}`));
      await expect(page.getByRole("heading", { level: 1, name: area.heading })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      await expect(nav.getByRole("link")).toHaveText(area.nav);
      await expectAccessible(page);
    });
  }

  test("a wrong role gets the 403 page, on every staff area", async ({ page }) => {
    await signIn(page, demo.employee);
    for (const path of ["/it", "/hr", "/admin"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Access refused" })).toBeVisible();
    }
    await expectAccessible(page);
  });

  test("an IT agent is refused HR and admin", async ({ page }) => {
    await signIn(page, demo.it);
    expect((await page.goto("/hr"))?.status()).toBe(403);
    expect((await page.goto("/admin"))?.status()).toBe(403);
    expect((await page.goto("/it"))?.status()).toBe(200);
  });

  test("without a session a protected page leads to sign-in and back to it afterwards", async ({ page, sql }) => {
    // An HR person of its own: a new link replaces the previous one, and other specs sign in as hr@demo.test at the same time.
    const [email] = await officeWorkers(sql, 1, 100);
    await sql`insert into employee_roles (employee_id, role) select id, 'hr' from employees where work_email = ${email} on conflict do nothing`;
    await page.goto("/hr");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fhr$/);
    const link = await requestLink(page, email, page.url());
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in to Passerelle" }).click();
    await expect(page).toHaveURL(/\/hr$/);
    await expect(page.getByRole("heading", { level: 1, name: "Short-time work" })).toBeVisible();
  });

  test("an unknown address sees exactly the same answer and gets no mail", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("E-mail address").fill("nobody.here@demo.test");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
    await expect(page.getByText("If this address is on file, a sign-in link is on its way.")).toBeVisible();
    await page.waitForTimeout(2500); // longer than the outbox worker's cycle
    expect(await mailbox(page.request, "nobody.here@demo.test")).toEqual([]);
  });

  test("a malformed or overlong address gets a message next to the field and sends nothing", async ({ page }) => {
    await page.goto("/signin");
    const field = page.getByLabel("E-mail address");
    await field.fill("not-an-address");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByText("Enter an e-mail address in the form name@example.ch.")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await field.fill(`${"a".repeat(250)}@demo.test`);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByText("This address is too long (254 characters at most).")).toBeVisible();
    await expect(page).toHaveURL(/\/signin$/);
  });

  test("a connection lost on the way gets a message saying so, and the next try goes through", async ({ page }) => {
    await page.goto("/signin");
    await page.route("**/api/auth/**", (route) => route.abort("internetdisconnected"));
    await page.getByLabel("E-mail address").fill("lost.on.the.way@demo.test");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByText("Passerelle did not answer. Check your internet connection, then try again.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send me a sign-in link" })).toBeEnabled();
    await page.unroute("**/api/auth/**");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByText("If this address is on file, a sign-in link is on its way.")).toBeVisible();
  });

  test("a link works once: a second use is refused with a readable message", async ({ page }) => {
    // Not while another spec signs in as the same demo person (a new link replaces this one).
    await oneSignInAtATime(demo.employee, async () => {
      const link = await requestLink(page, demo.employee);
      // A mail scanner prefetching the link uses nothing up.
      expect((await page.request.get(link)).ok()).toBeTruthy();
      await page.goto(link);
      await page.getByRole("button", { name: "Sign in to Passerelle" }).click();
      await expect(page.getByRole("heading", { name: "Hello Élodie" })).toBeVisible();

      await page.goto(link);
      await expect(page.getByText("This link can no longer be used")).toBeVisible();
      const callback = new URL(link);
      callback.pathname = "/api/auth/callback/email";
      await page.goto(callback.toString());
      await expect(page).toHaveURL(/\/signin\/error\?error=Verification/);
      await expect(page.getByText("Link expired or already used")).toBeVisible();
      await expectAccessible(page);
    });
  });

  test("an expired or tampered link is refused", async ({ page, sql }) => {
    const [email] = await officeWorkers(sql, 1, 101);
    const link = await requestLink(page, email);
    await sql`update verification_tokens set expires = now() - interval '1 second' where identifier = ${email}`;
    await page.goto(link);
    await expect(page.getByText("This link can no longer be used")).toBeVisible();

    const fresh = new URL(await requestLink(page, email));
    fresh.searchParams.set("token", "0".repeat(64));
    await page.goto(fresh.toString());
    await expect(page.getByText("This link can no longer be used")).toBeVisible();
    fresh.pathname = "/api/auth/callback/email";
    await page.goto(fresh.toString());
    await expect(page.getByText("Link expired or already used")).toBeVisible();
  });

  test("a forged callback URL cannot send the person to another site", async ({ page }) => {
    await signIn(page, demo.admin, "/signin?callbackUrl=https%3A%2F%2Fevil.test%2Fsteal");
    expect(new URL(page.url()).origin).toBe(new URL(process.env.E2E_BASE_URL!).origin);
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("too many link requests for one address get a readable message", async ({ page }) => {
    const email = "camille.favre@transalpina.test";
    // The limit counts in fixed 15-minute windows: six requests that straddle a window's end
    // would be counted in two. Start early in a window (same clock as the server here).
    const window = 15 * 60_000;
    const left = window - (Date.now() % window);
    if (left < 60_000) {
      test.setTimeout(150_000);
      await page.waitForTimeout(left + 1_000);
    }
    await page.goto("/signin");
    for (let i = 0; i < 5; i += 1) {
      await page.goto("/signin");
      await page.getByLabel("E-mail address").fill(email);
      await page.getByRole("button", { name: "Send me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
    }
    await page.goto("/signin");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByText(/Too many requests for sign-in links\. Please wait \d+ minutes? and try again\./)).toBeVisible();
    await expect(page).toHaveURL(/\/signin$/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, demo.employee);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin$/);
  });

  test("a sign-out next-auth refuses is not reported as done", async ({ page }) => {
    await signIn(page, demo.employee);
    // A token the server never issued: next-auth refuses the post (and keeps the session).
    await page.route("**/api/auth/csrf", (route) => route.fulfill({ json: { csrfToken: "not-the-one-in-the-cookie" } }));
    const signOut = page.getByRole("button", { name: "Sign out" });
    await signOut.click();
    await expect(page.getByText("Passerelle did not answer. Check your internet connection, then try again.")).toBeVisible();
    await expect(page.getByText("You are signed out.")).toHaveCount(0);
    await page.unroute("**/api/auth/csrf");
    await signOut.click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin$/);
  });

  test("deactivating an employee ends their session at once", async ({ page, sql }) => {
    const [person] = await sql`select work_email from employees where work_email like '%@transalpina.test' and active order by number offset 40 limit 1`;
    await signIn(page, person.work_email as string);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
    await sql`update employees set active = false where work_email = ${person.work_email}`;
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });
});
