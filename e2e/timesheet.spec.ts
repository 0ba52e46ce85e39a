import { expect, expectAccessible, officeWorkers, signIn, test } from "./fixtures";

test("an employee enters a month of hours, with the rules checked as they type, and submits it", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 70);
  await signIn(page, person);
  await page.getByRole("link", { name: "Short-time work: enter my hours" }).click();
  await page.goto("/timesheet?month=2026-11");
  await expect(page.getByRole("heading", { level: 1, name: "My hours" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Hours worked on Mon, Nov 2", { exact: true }).fill("4:00");
  await page.getByLabel("Hours worked on Tue, Nov 3", { exact: true }).fill("9:00");
  await expect(page.getByText("More than planned: tick overtime if you really worked that long.")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Some fields need your attention.")).toBeVisible();
  await page.getByLabel("Overtime on Tue, Nov 3", { exact: true }).check();
  await page.getByLabel("Absence on Wed, Nov 4", { exact: true }).selectOption({ label: "Sickness" });
  await page.getByLabel("Absence time on Wed, Nov 4", { exact: true }).fill("8:24");
  await page.getByRole("button", { name: "Copy the day before (Thu, Nov 5)", exact: true }).click();
  await expect(page.getByLabel("Absence time on Thu, Nov 5", { exact: true })).toHaveValue("8:24");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Hours worked on Mon, Nov 2", { exact: true })).toHaveValue("4:00");
  // Untouched days stay empty, not lost (RHT-RULES.md, Decisions): 21 working days in November, 4 filled.
  const empty = page.getByRole("row").filter({ hasText: "Not filled yet" });
  await expect(empty).toHaveCount(17);
  await expect(page.getByText("17 working days are not filled yet.")).toBeVisible();
  // The page refreshes after the action, refused or not: its title never goes missing meanwhile
  // (a streamed <title> did, and axe caught the page without one).
  await page.evaluate(() => {
    const w = window as unknown as { untitled: number };
    w.untitled = 0;
    new MutationObserver(() => {
      if (!document.title) w.untitled += 1;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole("button", { name: "Submit the month" }).click();
  await expect(page.getByText("17 working days have no entry yet: save your hours for every working day before submitting.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { untitled: number }).untitled)).toBe(0);
  await expect(page).toHaveTitle(/My hours/);
  await expectAccessible(page);

  // Every other working day, then the month goes.
  while ((await empty.count()) > 0) await empty.first().getByLabel(/^Hours worked on/).fill("4:00");
  await expect(page.getByText("Every working day is filled.")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByRole("button", { name: "Submit the month" }).click();
  await expect(page.getByText("This month is submitted. Changes now go through HR.")).toBeVisible();
  await expect(page.getByLabel("Hours worked on Mon, Nov 2", { exact: true })).toBeDisabled();
});

test("HR sees each unit's month with the 10 % threshold", async ({ page }) => {
  await signIn(page, "hr@demo.test");
  await page.goto("/hr?month=2026-11");
  await expect(page.getByRole("heading", { level: 1, name: "Short-time work" })).toBeVisible();
  const table = page.getByRole("table", { name: "Units with their hours for the month" });
  await expect(table.getByRole("row")).not.toHaveCount(1);
  await expect(table.getByRole("columnheader", { name: "10 % threshold" })).toBeVisible();
  await expectAccessible(page);
});
