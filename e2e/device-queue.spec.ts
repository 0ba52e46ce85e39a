import { expect, expectAccessible, officeWorkers, passEligibility, phone, requestDevice, signIn, test } from "./fixtures";

test("when the VDI pool is full, people wait in a visible queue and can leave it", async ({ browser, sql }) => {
  // Two office workers from the demo roster, on phones.
  const people = await officeWorkers(sql, 2, 0);
  await sql`update resource_pools set capacity = in_use where kind = 'vdi_seat'`;

  for (const [index, person] of people.entries()) {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, person);
    await passEligibility(page);
    await requestDevice(page, "VDI seat");
    await expect(page.getByText(`You are number ${index + 1} in the queue`)).toBeVisible();
    await expect(page.getByText("All units are taken and no delivery covers your place yet")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // The status page says the same, on the device step itself: the place and why there is no date (issue 13 point 9).
    await page.goto("/");
    const device = page.getByRole("region", { name: "Steps" }).getByRole("listitem").filter({ hasText: "Device" });
    await expect(device.getByText("VDI seat: in the queue")).toBeVisible();
    await expect(device.getByText(`You are number ${index + 1} in the queue`)).toBeVisible();
    await expect(device.getByText("All units are taken and no delivery covers your place yet")).toBeVisible();
    await expectAccessible(page);

    if (index === 1) {
      await page.goto("/device");
      await page.getByRole("button", { name: "Cancel my request" }).click();
      await page.getByRole("button", { name: "Yes, cancel" }).click();
      await expect(page.getByRole("button", { name: "Request this device" })).toBeVisible();
    }
    await context.close();
  }
  // Leave the pool as other journeys expect it: room, and nobody left waiting.
  await sql`update allocations set status = 'released', released_at = now(), release_reason = 'e2e cleanup' where kind = 'vdi_seat' and status = 'waiting'`;
  await sql`update resource_pools set capacity = in_use + 100 where kind = 'vdi_seat'`;
});
