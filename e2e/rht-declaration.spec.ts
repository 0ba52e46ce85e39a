import { readFile } from "node:fs/promises";
import { demo, expect, expectAccessible, signIn, test } from "./fixtures";

// October 2026: a month no other spec touches, so the unit's checks are this spec's own.
const month = "2026-10";

test("an employee submits a week; HR approves, locks and downloads the declaration", async ({ browser, sql }) => {
  const [person] = await sql`
    select e.number, e.first_name, e.last_name, o.name as unit from employees e join org_units o on o.id = e.org_unit_id where e.work_email = ${demo.employee}`;
  const base = { baseURL: process.env.E2E_BASE_URL, locale: "en-GB" };

  // The employee fills the first full week (Monday 5 to Friday 9 October) and submits.
  const employee = await (await browser.newContext(base)).newPage();
  await signIn(employee, demo.employee);
  await employee.goto(`/timesheet?month=${month}`);
  for (const day of ["Mon, Oct 5", "Tue, Oct 6", "Wed, Oct 7", "Thu, Oct 8", "Fri, Oct 9"]) {
    await employee.getByLabel(`Hours worked on ${day}`, { exact: true }).fill("4:00");
  }
  await employee.getByLabel("Absence on Fri, Oct 2", { exact: true }).selectOption({ label: "Holiday" });
  await employee.getByLabel("Absence time on Fri, Oct 2", { exact: true }).fill("8:24");
  // Every other working day typed as nothing worked: an untouched day would stay empty and block the submission.
  const empty = employee.getByRole("row").filter({ hasText: "Not filled yet" });
  while ((await empty.count()) > 0) await empty.first().getByLabel(/^Hours worked on/).fill("0");
  await employee.getByRole("button", { name: "Save" }).click();
  await expect(employee.getByText("Saved.")).toBeVisible();
  await employee.getByRole("button", { name: "Submit the month" }).click();
  await expect(employee.getByText("This month is submitted. Changes now go through HR.")).toBeVisible();
  // Not HR: the export and the HR pages are refused.
  expect((await employee.request.get(`/hr/export?month=${month}`)).status()).toBe(403);
  expect((await employee.goto(`/hr?month=${month}`))!.status()).toBe(403);

  const hr = await (await browser.newContext({ ...base, acceptDownloads: true })).newPage();
  await signIn(hr, demo.hr);
  await hr.goto(`/hr?month=${month}`);
  await expect(hr.getByRole("heading", { level: 1, name: "Short-time work" })).toBeVisible();
  await expect(hr.getByRole("heading", { level: 2, name: "Checks before export" })).toBeVisible();
  await expectAccessible(hr);
  const row = hr.getByRole("row").filter({ has: hr.getByRole("rowheader", { name: person.unit as string, exact: true }) });
  await expect(row).toContainText("Open");

  // The employee's month as HR sees it: the AVS number is shown here, and only to HR.
  await hr.getByLabel("Employee number").fill(person.number as string);
  await hr.getByRole("button", { name: "Open", exact: true }).click();
  await expect(hr.getByRole("heading", { level: 1, name: `${person.last_name} ${person.first_name}` })).toBeVisible();
  await expect(hr.getByText("AVS number")).toBeVisible();
  await expect(hr.getByText("Submitted", { exact: true }).first()).toBeVisible();
  await expectAccessible(hr);

  // The unit's month: each employee with what is missing.
  await hr.goto(`/hr?month=${month}`);
  await row.getByRole("link", { name: person.unit as string, exact: true }).click();
  await expect(hr.getByRole("heading", { level: 1, name: person.unit as string })).toBeVisible();
  await expect(hr.getByRole("row").filter({ hasText: person.number as string })).toContainText("Submitted");
  await expectAccessible(hr);

  await hr.goto(`/hr?month=${month}`);
  await row.getByRole("button", { name: `Approve ${person.unit}` }).click();
  await expect(row).toContainText("Approved");
  await row.getByRole("button", { name: `Lock ${person.unit}…` }).click();
  await row.getByRole("button", { name: `Yes, lock ${person.unit} for good` }).click();
  await expect(row).toContainText("Locked");

  // After lock, the employee sees it declared and can change nothing.
  await employee.goto(`/timesheet?month=${month}`);
  await expect(employee.getByText("This month is locked: it has been declared.")).toBeVisible();
  await expect(employee.getByLabel("Hours worked on Mon, Oct 5", { exact: true })).toBeDisabled();

  await hr.getByLabel("Units in the file", { exact: true }).selectOption({ label: person.unit as string });
  await hr.getByLabel("File", { exact: true }).selectOption({ label: "CSV, one row per employee" });
  const [csv] = await Promise.all([hr.waitForEvent("download"), hr.getByRole("button", { name: "Download" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^short-time-work-2026-10-.*\.csv$/);
  expect(csv.suggestedFilename()).not.toContain("preview");
  const lines = (await readFile((await csv.path())!, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
  const header = lines[0].split(";");
  expect(header.slice(0, 4)).toEqual(["Employee number", "Last name", "First name", "AVS number"]);
  const cells = lines.find((l) => l.startsWith(`${person.number};`))!.split(";");
  // 5 days × 4:24 lost at 8:24 a day, and 8:24 of holiday; the other days count as lost too (nothing worked).
  expect(cells[header.indexOf("Holiday (h)")]).toBe("8.4");
  expect(cells[header.indexOf("Hours worked")]).toBe("20");
  expect(lines.some((l) => l.startsWith("Total;"))).toBe(true);

  await hr.getByLabel("File", { exact: true }).selectOption({ label: "Excel (XLSX, with the daily annex)" });
  const [xlsx] = await Promise.all([hr.waitForEvent("download"), hr.getByRole("button", { name: "Download" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe("PK"); // a zip container

  const [audit] = await sql`select count(*)::int as n from audit_log where action = 'rht.export' and details->>'month' = ${month}`;
  expect(audit.n).toBe(2);
});
