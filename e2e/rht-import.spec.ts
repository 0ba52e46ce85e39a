import { readFile } from "node:fs/promises";
import { demo, expect, expectAccessible, officeWorkers, signIn, test } from "./fixtures";

// September 2026, in German: a month and a language no other spec uses for HR.
test("HR imports daily hours in German: a bad file is refused whole, a good one lands, and the export speaks German", async ({ browser, sql }) => {
  const [email] = await officeWorkers(sql, 1, 80);
  const [person] = await sql`select number from employees where work_email = ${email}`;
  const hr = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-GB", acceptDownloads: true })).newPage();
  await signIn(hr, demo.hr);
  // German for this browser only (the language cookie), so HR's saved choice stays as other specs expect.
  await hr.context().addCookies([{ name: "passerelle-locale", value: "de", url: process.env.E2E_BASE_URL! }]);
  await hr.goto("/hr?month=2026-09");
  await expect(hr.getByRole("heading", { level: 1, name: "Kurzarbeit" })).toBeVisible();
  await hr.getByRole("link", { name: "Tagesstunden aus einer CSV-Datei importieren" }).click();
  await expect(hr.getByRole("heading", { level: 1, name: "Tagesstunden importieren" })).toBeVisible();
  await expectAccessible(hr);

  const file = (lines: string[]) => ({ name: "stunden.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await hr.getByLabel("CSV-Datei").setInputFiles(file(["employee_number;date;worked", `${person.number};2026-09-01;4:00`, `${person.number};2026-09-02;25:00`]));
  await hr.getByRole("button", { name: "Importieren" }).click();
  await expect(hr.getByText("1 Problem gefunden")).toBeVisible();
  await expect(hr.getByRole("cell", { name: "Ein Tag hat höchstens 24 Stunden." })).toBeVisible();
  await expectAccessible(hr);
  const [before] = await sql`select count(*)::int as n from timesheet_days d join employees e on e.id = d.employee_id where e.number = ${person.number} and d.day >= '2026-09-01'`;
  expect(before.n).toBe(0);

  await hr.getByLabel("CSV-Datei").setInputFiles(file(["employee_number;date;worked", `${person.number};2026-09-01;4:00`, `${person.number};02.09.2026;4:00`]));
  await hr.getByRole("button", { name: "Datei prüfen" }).click();
  await expect(hr.getByText("2 Zeilen für 1 Mitarbeitende und 1 Personenmonate.")).toBeVisible();
  await hr.getByRole("button", { name: "Importieren" }).click();
  await expect(hr.getByText("Importiert", { exact: true })).toBeVisible();
  const [after] = await sql`select count(*)::int as n from timesheet_days d join employees e on e.id = d.employee_id where e.number = ${person.number} and d.day >= '2026-09-01'`;
  expect(after.n).toBe(2);

  // A file over 10 MB (the size at which a proxied body used to be cut) is read to its last line:
  // eleven rows padded with 1 MB of blanks each (trimmed away), then one wrong row at line 13.
  const pad = " ".repeat(1024 * 1024);
  const days = ["03", "04", "07", "08", "09", "10", "11", "14", "15", "16", "17"];
  const big = file(["employee_number;date;worked", ...days.map((d) => `${person.number};2026-09-${d};4:00${pad}`), `${person.number};2026-09-18;25:00`]);
  expect(big.buffer.length).toBeGreaterThan(11 * 1024 * 1024);
  await hr.getByLabel("CSV-Datei").setInputFiles(big);
  await hr.getByRole("button", { name: "Datei prüfen" }).click();
  await expect(hr.getByText("1 Problem gefunden")).toBeVisible({ timeout: 30_000 });
  await expect(hr.getByRole("cell", { name: "Ein Tag hat höchstens 24 Stunden." })).toBeVisible();
  await expect(hr.getByRole("cell", { name: "13", exact: true })).toBeVisible();

  await hr.goto("/hr?month=2026-09");
  await hr.getByLabel("Datei", { exact: true }).selectOption({ label: "CSV, eine Zeile pro mitarbeitende Person" });
  const [csv] = await Promise.all([hr.waitForEvent("download"), hr.getByRole("button", { name: "Herunterladen" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^kurzarbeit-2026-09-vorschau\.csv$/);
  const header = (await readFile((await csv.path())!, "utf8")).replace(/^\uFEFF/, "").split("\r\n")[0];
  expect(header.split(";").slice(0, 3)).toEqual(["Personalnummer", "Nachname", "Vorname"]);
});

// Only checks (no balance is written): HR's own number, so no roster offset is needed.
test("HR checks a file of opening overtime balances: its own form below the hours, a bad line listed, a good file counted", async ({ browser, sql }) => {
  const [me] = await sql`select number from employees where work_email = ${demo.hr}`;
  const hr = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-GB" })).newPage();
  await signIn(hr, demo.hr);
  await hr.goto("/hr/import");
  const section = hr.getByRole("region", { name: "Opening overtime balances" });
  await expect(section.getByText(/(has|have) an opening balance/)).toBeVisible();
  const file = (lines: string[]) => ({ name: "balances.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await hr.getByLabel("Balances file (CSV)").setInputFiles(file(["employee_number;balance;date", `${me.number};-3:30;2026-03-02`, `${me.number};1:00;2026-03-02`]));
  await hr.getByRole("button", { name: "Check the balances" }).click();
  await expect(section.getByText("1 problem found")).toBeVisible();
  await expect(section.getByRole("cell", { name: "This employee already appears on line 2." })).toBeVisible();
  await expectAccessible(hr);
  await hr.getByLabel("Balances file (CSV)").setInputFiles(file(["employee_number;balance;date", `${me.number};-3:30;2026-03-02`]));
  await hr.getByRole("button", { name: "Check the balances" }).click();
  await expect(section.getByText("1 lines for 1 employees, 0 of them unchanged.")).toBeVisible();
  await expect(section.getByText("The file is correct")).toBeVisible();
  const [stored] = await sql`select count(*)::int as n from rht_overtime_openings o join employees e on e.id = o.employee_id where e.number = ${me.number}`;
  expect(stored.n).toBe(0);
});
