import { expect, expectAccessible, expectNoSidewaysScroll, mailbox, officeWorkers, passEligibility, phone, requestDevice, signIn, switchLanguage, test, demo } from "./fixtures";

// Issue 17 points 1 to 3 as the people see it: someone queued for a VDI seat, on a phone
// and in French, has no date; the admin plans a delivery on the stock page; the person's page
// and mailbox then give the date, and the dashboard's forecast moves (shown on the stock page before saving). Named *.admin.spec.ts: it changes the VDI pool, so it runs
// with the specs that share settings, one at a time (playwright.config.ts). Own person: the
// office worker at offset 7 of the demo roster.

test("an admin plans a delivery and a queued person, in French on a phone, sees their date appear", async ({ browser, page, sql, request }) => {
  const [person] = await officeWorkers(sql, 1, 7);
  await sql`update allocations set status = 'released', released_at = now(), release_reason = 'e2e setup' where kind = 'vdi_seat' and status = 'waiting'`;
  await sql`update planned_deliveries set status = 'cancelled' where status = 'planned' and pool_id = (select id from resource_pools where kind = 'vdi_seat')`;
  await sql`update resource_pools set capacity = in_use where kind = 'vdi_seat'`;
  // A working day a week ahead with no holiday anywhere, so the date does not depend on a canton.
  const [{ day }] = await sql<{ day: string }[]>`
    select d::date::text as day from generate_series((now() at time zone 'Europe/Zurich')::date + 7, (now() at time zone 'Europe/Zurich')::date + 40, interval '1 day') d
     where extract(isodow from d) < 6 and not exists (select 1 from public_holidays h where h.day = d::date) order by d limit 1`;
  const french = new Intl.DateTimeFormat("fr-CH", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  try {
    const phoneContext = await browser.newContext(phone);
    const mobile = await phoneContext.newPage();
    await signIn(mobile, person);
    await passEligibility(mobile);
    await requestDevice(mobile, "VDI seat");
    await expect(mobile.getByText("You are number 1 in the queue")).toBeVisible();
    await switchLanguage(mobile, "Français");
    await expect(mobile.getByText("pas encore de date")).toBeVisible();

    // The admin plans 5 VDI seats for that day.
    await signIn(page, demo.admin);
    await page.goto("/admin/stock");
    const seats = page.getByRole("region", { name: "VDI seats" });
    await seats.getByLabel("Expected on, new delivery of VDI seats").fill(day);
    await seats.getByLabel("Units, new delivery of VDI seats").fill("5");
    // Before saving, the form says what the delivery changes in the forecast.
    const english = new Intl.DateTimeFormat("en", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
    await expect(seats.getByText("With this, everyone waiting for VDI seats is equipped by:")).toHaveText(`With this, everyone waiting for VDI seats is equipped by: ${english} (without it: no date yet).`);
    await seats.getByRole("button", { name: "Plan a delivery of VDI seats" }).click();
    await expect(seats.getByRole("status")).toHaveText("Planned. 1 person got their new date by e-mail.");
    await expect(seats.getByLabel("Expected on, delivery 1")).toHaveValue(day);
    await expectAccessible(page);
    // Resized: the row holds what was saved once the page showing it has come.
    await seats.getByLabel("Units, delivery 1").fill("6");
    await seats.getByRole("button", { name: "Save delivery 1" }).click();
    await expect(seats.getByRole("status")).toHaveText("Saved. Nobody’s date changed.");
    await expect(seats.getByLabel("Units, delivery 1")).toBeEnabled();
    await expect(seats.getByLabel("Units, delivery 1")).toHaveValue("6");
    await expect(seats.getByRole("button", { name: "Save delivery 1" })).toBeFocused();
    // Changed by someone else meanwhile: refused, and the row shows their value.
    await sql`update planned_deliveries set quantity = 7, version = version + 1 where status = 'planned' and pool_id = (select id from resource_pools where kind = 'vdi_seat')`;
    await seats.getByLabel("Units, delivery 1").fill("8");
    await seats.getByRole("button", { name: "Save delivery 1" }).click();
    await expect(seats.getByText("Someone changed this meanwhile")).toBeVisible();
    await expect(seats.getByLabel("Units, delivery 1")).toHaveValue("7");
    await expect(seats.getByRole("button", { name: "Save delivery 1" })).toBeFocused();
    // The crisis cell's forecast moves with it.
    await page.goto("/admin");
    await expect(page.getByText("VDI seats: one person waiting, all equipped by")).toContainText(english);
    await page.goto("/admin/stock");

    // The person's page now gives the date, in French; so does the mail.
    await mobile.reload();
    await expect(mobile.getByText(`Activation prévue : `)).toContainText(french);
    await expectNoSidewaysScroll(mobile);
    await expectAccessible(mobile);
    const mails = await mailbox(request, person);
    expect(mails.some((m) => m.subject.startsWith("Votre appareil est attendu le") && m.subject.includes(french))).toBe(true);

    // Cancelled, the date goes again (and the person is told).
    await seats.getByRole("button", { name: "Cancel delivery 1" }).click();
    await expect(seats.getByRole("status")).toHaveText("Cancelled. 1 person was told by e-mail.");
    await expect(seats.getByText("No delivery planned.")).toBeVisible();
    await mobile.reload();
    await expect(mobile.getByText("pas encore de date")).toBeVisible();

    // The supplier's plan as a file: checked, then planned; the person has a date again.
    const plan = page.getByRole("region", { name: "Delivery plan from a supplier" });
    await plan.getByLabel(/Delivery plan \(CSV/).setInputFiles({ name: "plan.csv", mimeType: "text/csv", buffer: Buffer.from(`pool,date,quantity,reference\nvdi_seat,${day},5,E2E-${Date.now()}\n`) });
    await plan.getByRole("button", { name: "Check the file" }).click();
    await expect(plan.getByText("The plan would add 1 delivery and move none.")).toBeVisible();
    await plan.getByRole("button", { name: "Plan these deliveries" }).click();
    await expect(plan.getByText("1 delivery planned, and none moved. 1 person got their new date by e-mail.")).toBeVisible();
    await expectAccessible(page);
    await mobile.reload();
    await expect(mobile.getByText(`Activation prévue : `)).toContainText(french);
    await phoneContext.close();
  } finally {
    await sql`update allocations set status = 'released', released_at = now(), release_reason = 'e2e cleanup' where kind = 'vdi_seat' and status = 'waiting'`;
    await sql`update planned_deliveries set status = 'cancelled' where status = 'planned'`;
    await sql`update resource_pools set capacity = in_use + 100 where kind = 'vdi_seat'`;
  }
});
