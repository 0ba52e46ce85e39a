import { demo, expect, expectAccessible, signIn, test } from "./fixtures";

// January 2026: a month no spec enters hours in. Nobody has entered anything there, in any unit:
// HR's overview says so once, naming the units with their counts (issue 16: it had one notice
// per unit, each with ten names), and each unit's page names the people.
const month = "2026-01";

test("a warning every unit shares is one notice on the overview, and each unit's page names the people", async ({ page, sql }) => {
  await signIn(page, demo.hr);
  await page.goto(`/hr?month=${month}`);
  const checks = page.locator("section", { has: page.getByRole("heading", { name: "Checks before export" }) });
  const nothing = checks.getByRole("status").filter({ hasText: "entered nothing" });
  await expect(nothing).toHaveCount(1);
  const units = nothing.getByRole("link");
  const count = await units.count();
  expect(count).toBeGreaterThan(1);
  await expect(nothing).toContainText(new RegExp(`^Warning · ${count} units`));
  await expect(nothing).toContainText("The names are on each unit's page.");
  await expectAccessible(page);

  const first = units.first();
  const unit = (await first.textContent())!;
  const [{ people }] = await sql`
    select count(*)::int as people from employees e join org_units o on o.id = e.org_unit_id where o.name = ${unit} and e.active`;
  expect(people).toBeGreaterThan(0);
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: unit })).toBeVisible();
  const own = page.getByRole("status").filter({ hasText: "entered nothing" });
  await expect(own).toContainText(`Warning · ${unit}`);
  // The names, as before: "Name (number)".
  await expect(own).toContainText(/\(\w+\)/);
});
