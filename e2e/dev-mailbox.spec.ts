import { demo, expect, expectAccessible, forgetRecentRequests, mailbox, oneSignInAtATime, test } from "./fixtures";

test("in demo mode the dev mailbox shows the mail, and its link signs the person in", async ({ page }) => {
  // A link request replaces the address's earlier links: not while another spec signs in as IT.
  await oneSignInAtATime(demo.it, async () => {
    await forgetRecentRequests(demo.it);
    const before = (await mailbox(page.request, demo.it)).length;
    await page.goto("/signin");
    await page.getByLabel("E-mail address").fill("  IT@Demo.test ");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
    await expect.poll(async () => (await mailbox(page.request, demo.it)).length).toBeGreaterThan(before);

    await page.getByRole("link", { name: "Open the demo mailbox" }).click();
    await expect(page.getByText("Demo mode: nothing is really sent")).toBeVisible();
    await page.getByLabel("Show mail for").fill(demo.it);
    await page.getByRole("button", { name: "Show" }).click();
    const newest = page.getByRole("listitem").filter({ has: page.getByRole("article") }).first();
    await expect(newest).toContainText(demo.it);
    await expectAccessible(page);

    await newest.getByRole("link", { name: "Open the link in this message" }).click();
    await page.getByRole("button", { name: "Sign in to Passerelle" }).click();
    await expect(page).toHaveURL(/\/it$/);
  });
});

test("the mailbox JSON gives to, subject, text, html and links, newest first", async ({ request }) => {
  const response = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(demo.it.toUpperCase())}`);
  expect(response.ok()).toBeTruthy();
  const mails = (await response.json()) as Record<string, unknown>[];
  for (const mail of mails) expect(Object.keys(mail).sort()).toEqual(["deliveredAt", "html", "links", "subject", "text", "to"]);
  expect((await request.get(`/api/dev/mailbox?to=${"x".repeat(300)}`)).status()).toBe(400);
});
