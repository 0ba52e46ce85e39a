import { expect, expectAccessible, officeWorkers, signIn, test } from "./fixtures";

test("an employee volunteers for on-site days from a phone", async ({ page, sql }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const [email] = await officeWorkers(sql, 1, 90);
  await signIn(page, email);
  await page.getByRole("link", { name: "On-site duty: say which days you can come in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "On-site duty" })).toBeVisible();
  const days = page.getByRole("group", { name: "Days I can work on site" }).getByRole("checkbox");
  await expect(days).toHaveCount(10);
  await days.nth(0).check();
  await days.nth(2).check();
  await page.getByRole("button", { name: "Save my days" }).click();
  await expect(page.getByText("Saved: 2 days.")).toBeVisible();
  await expect(page).toHaveTitle(/On-site duty/);
  await expectAccessible(page);
  await page.reload();
  await expect(days.nth(0)).toBeChecked();
  await expect(days.nth(1)).not.toBeChecked();
  const [row] = await sql`select count(*)::int as n from onsite_volunteers v join employees e on e.id = v.employee_id where e.work_email = ${email}`;
  expect(row.n).toBe(2);
});
