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

  await hr.goto("/hr?month=2026-09");
  await hr.getByLabel("Datei", { exact: true }).selectOption({ label: "CSV, eine Zeile pro mitarbeitende Person" });
  const [csv] = await Promise.all([hr.waitForEvent("download"), hr.getByRole("button", { name: "Herunterladen" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^kurzarbeit-2026-09-vorschau\.csv$/);
  const header = (await readFile((await csv.path())!, "utf8")).replace(/^\uFEFF/, "").split("\r\n")[0];
  expect(header.split(";").slice(0, 3)).toEqual(["Personalnummer", "Nachname", "Vorname"]);
});
