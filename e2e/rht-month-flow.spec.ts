import { readFile } from "node:fs/promises";
import { demo, expect, expectAccessible, signIn, test } from "./fixtures";

// March 2026: a month no other spec uses. HR alone takes a unit's month from the import
// to the declaration (issue 14): import every active employee's days through the real
// form, submit all imported months in one action, approve, lock, download.
const month = "2026-03";

test("HR imports a unit's month, submits all imported months at once, approves, locks and downloads it", async ({ browser, sql }) => {
  // The unit with the fewest active employees (at least one), so the test stays short.
  const [unit] = await sql`
    select o.id, o.name from org_units o join employees e on e.org_unit_id = o.id and e.active
     group by o.id, o.name order by count(*), o.name limit 1`;
  // Every planned working day of March for each of them: weekdays within the employment, not a public holiday of their canton.
  const rows = await sql`
    select e.number, d::date::text as day
      from employees e left join sites s on s.id = e.site_id,
           generate_series(${`${month}-01`}::date, ${`${month}-01`}::date + interval '1 month' - interval '1 day', interval '1 day') as d
     where e.org_unit_id = ${unit.id} and e.active and extract(isodow from d) <= 5
       and (e.employed_from is null or e.employed_from <= d) and (e.employed_until is null or e.employed_until >= d)
       and not exists (select 1 from public_holidays h where h.day = d::date and h.canton in ('CH', coalesce(s.canton, 'CH')))
     order by e.number, d`;
  const numbers = [...new Set(rows.map((r) => r.number as string))];
  expect(numbers.length).toBeGreaterThan(0);
  // Half a day worked (every contract plans at least 50 %), the rest lost.
  const csv = ["employee_number;date;worked", ...rows.map((r) => `${r.number};${r.day};4:00`)].join("\n");

  const hr = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-GB", acceptDownloads: true })).newPage();
  await signIn(hr, demo.hr);
  await hr.goto(`/hr?month=${month}`);
  await hr.getByRole("link", { name: "Import daily hours from a CSV file" }).click();
  await expect(hr.getByRole("heading", { level: 1, name: "Import daily hours" })).toBeVisible();
  await hr.getByLabel("CSV file").setInputFiles({ name: "hours.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await hr.getByRole("button", { name: "Import", exact: true }).click();
  await expect(hr.getByText("Imported", { exact: true })).toBeVisible();
  await expect(hr.getByText(`${rows.length} lines for ${numbers.length} employees and ${numbers.length} employee-months.`)).toBeVisible();

  // The unit's page: every imported month is a draft until submitted, in one action for all.
  await hr.goto(`/hr/units/${unit.id}?month=${month}`);
  await expect(hr.getByRole("heading", { level: 1, name: unit.name as string })).toBeVisible();
  const months = numbers.length === 1 ? "1 month" : `${numbers.length} months`;
  await expect(hr.getByText(numbers.length === 1 ? "1 imported month is still in draft" : `${numbers.length} imported months are still in draft`)).toBeVisible();
  await expectAccessible(hr);
  await hr.getByRole("button", { name: "Submit all imported months" }).click();
  await expect(hr.getByText(`of ${unit.name} on the employees' behalf?`)).toBeVisible();
  await hr.getByRole("button", { name: `Yes, submit ${months}` }).click();
  await expect(hr.getByRole("status").getByText(`${months} submitted.`)).toBeVisible();
  await expect(hr.getByRole("button", { name: "Submit all imported months" })).toBeHidden();
  for (const number of numbers) await expect(hr.getByRole("row").filter({ hasText: number })).toContainText("Submitted");
  await expectAccessible(hr);
  const [audit] = await sql`select details from audit_log where action = 'rht.submit_imported' and target_id = ${`${month}:${unit.id}`}`;
  expect(audit.details).toEqual({ month, unitId: unit.id, submitted: numbers.length, refused: 0 });

  // Approve and lock the unit's month, then download its declaration.
  await hr.goto(`/hr?month=${month}`);
  const row = hr.getByRole("row").filter({ has: hr.getByRole("rowheader", { name: unit.name as string, exact: true }) });
  await row.getByRole("button", { name: `Approve ${unit.name}` }).click();
  await expect(row).toContainText("Approved");
  await row.getByRole("button", { name: `Lock ${unit.name}…` }).click();
  await row.getByRole("button", { name: `Yes, lock ${unit.name} for good` }).click();
  await expect(row).toContainText("Locked");

  await hr.getByLabel("Units in the file", { exact: true }).selectOption({ label: unit.name as string });
  await hr.getByLabel("File", { exact: true }).selectOption({ label: "CSV, one row per employee" });
  const [download] = await Promise.all([hr.waitForEvent("download"), hr.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^short-time-work-2026-03-.*\.csv$/);
  expect(download.suggestedFilename()).not.toContain("preview");
  const lines = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
  const header = lines[0].split(";");
  for (const number of numbers) {
    const cells = lines.filter((l) => l.startsWith(`${number};`));
    expect(cells, `one row for ${number}`).toHaveLength(1);
    const worked = rows.filter((r) => r.number === number).length * 4;
    expect(cells[0].split(";")[header.indexOf("Hours worked")]).toBe(String(worked));
  }
});
