import type { Page } from "@playwright/test";
import type postgres from "postgres";
import { expect, expectAccessible, expectNoSidewaysScroll, officeWorkers, passEligibility, signIn, switchLanguage, test } from "./fixtures";

// Issue 13 points 6, 7 and 9, as a person sees them on a phone: a "no" shows no device or token
// step, names the roster fact that decided it, and offers what to do instead with the HR contact
// (in French and German); while waiting, the device step says where the person stands.
// Own people: office workers at offsets 41–43, shop-floor workers at offset 41 of their own list.
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

/** Production operators with a work address and a permanent contract (no other spec signs them in). */
async function shopFloorWorkers(sql: postgres.Sql, count: number, offset: number): Promise<string[]> {
  const rows = await sql`
    select work_email from employees
     where work_email like '%@transalpina.test' and active and job_family = 'production_operator' and contract_type = 'permanent'
     order by number offset ${offset} limit ${count}`;
  return rows.map((r) => r.work_email as string);
}

async function answer(page: Page, answers: [string, string][]) {
  await page.goto("/eligibility");
  for (const [question, choice] of answers) await page.getByRole("group", { name: question }).getByLabel(choice).check();
  await page.getByRole("button", { name: "Check my eligibility" }).click();
}

const officeAnswers: [string, string][] = [
  ["Can your work be done from home?", "Yes"],
  ["Do you work with confidential paper documents?", "No"],
  ["Does your work need equipment that must stay on site?", "No"],
  ["Do you have a place at home where you can work?", "Yes"],
];

/** The demo's HR contact (db/seed/journey.ts), linked by mail, phone and web page. */
async function expectHrContact(page: Page, region: string) {
  const panel = page.getByRole("region", { name: region });
  await expect(panel.locator('a[href="mailto:rh@transalpina.test"]')).toBeVisible();
  await expect(panel.locator('a[href="tel:+41215550100"]')).toBeVisible();
  await expect(panel.locator('a[href="https://intranet.transalpina.test/hr"]')).toBeVisible();
  await expect(panel.locator('a[href="/onsite"]')).toBeVisible();
  await expect(panel.locator('a[href="/timesheet"]')).toBeVisible();
}

test("a production operator, in French: no device or token step, the roster fact named, what to do instead and HR", async ({ page, sql }) => {
  const [person] = await shopFloorWorkers(sql, 1, 41);
  expect(person, "a production operator at offset 41 with a work address").toBeTruthy();
  await signIn(page, person);
  // The same answers as an office worker: the roster decides.
  await answer(page, officeAnswers);
  await expect(page.getByText("Telework is not possible for your position").first()).toBeVisible();
  await expect(page.getByText("Your job family in the HR roster: Production")).toBeVisible();
  await expect(page.getByText("Your answers cannot change this")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Change your answers" })).toHaveCount(0);
  await expectAccessible(page);

  // The switch is a server action setting a cookie: navigating before it answers would cancel it.
  await switchLanguage(page, "Français");
  await page.goto("/");
  await expect(page.getByText("Le télétravail n’est pas possible pour votre poste").first()).toBeVisible();
  await expect(page.getByText("Votre famille de métiers dans le registre RH : Production")).toBeVisible();
  await expect(page.getByText("Vos réponses ne peuvent pas changer cela")).toBeVisible();
  await expect(page.getByText(/modifiez vos réponses/)).toHaveCount(0);
  const steps = page.getByRole("region", { name: "Étapes" });
  await expect(steps.getByRole("listitem")).toHaveCount(1);
  await expect(steps.getByText("Jeton de connexion")).toHaveCount(0);
  await expect(steps.getByText("Appareil")).toHaveCount(0);
  await expectHrContact(page, "Ce que vous pouvez faire à la place");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // /token: no enrollment, but why and what to do instead.
  await page.goto("/token");
  await expect(page.getByRole("heading", { level: 1, name: "Jeton de connexion" })).toBeVisible();
  await expect(page.getByText("Pas besoin de jeton de connexion", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Configurer une application d’authentification" })).toHaveCount(0);
  await expect(page.getByLabel("Numéro de série")).toHaveCount(0);
  await expectHrContact(page, "Ce que vous pouvez faire à la place");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // /device: no request form, no way back to the questions.
  await page.goto("/device");
  await expect(page.getByText("Aucun appareil nécessaire", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Demander cet appareil" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Aller aux questions d’éligibilité" })).toHaveCount(0);
  await expectHrContact(page, "Ce que vous pouvez faire à la place");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("an office worker whose answer decided, in German: no token step, the way back to the answers, HR", async ({ page, sql }) => {
  const [person] = await officeWorkers(sql, 1, 41);
  expect(person, "an office worker at offset 41 of the demo roster").toBeTruthy();
  await signIn(page, person);
  await answer(page, officeAnswers.map(([q, a]) => (q.startsWith("Does your work need equipment") ? [q, "Yes"] : [q, a])));
  await expect(page.getByText("Telework is not possible for your position").first()).toBeVisible();

  // The switch is a server action setting a cookie: navigating before it answers would cancel it.
  await switchLanguage(page, "Deutsch");
  await page.goto("/");
  await expect(page.getByText("Homeoffice ist für Ihre Stelle nicht möglich").first()).toBeVisible();
  await expect(page.getByText("Ihre Arbeit braucht Geräte, die am Standort bleiben müssen.")).toBeVisible();
  // Answers decided it: other answers could change it, so the way back is offered (and no roster fact named).
  await expect(page.getByRole("link", { name: "Meine Antworten prüfen" })).toBeVisible();
  await expect(page.getByText(/im HR-Verzeichnis:/)).toHaveCount(0);
  const steps = page.getByRole("region", { name: "Schritte" });
  await expect(steps.getByText("Anmelde-Token")).toHaveCount(0);
  await expect(steps.getByText("Gerät")).toHaveCount(0);
  await expectHrContact(page, "Was Sie stattdessen tun können");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page.goto("/token");
  await expect(page.getByText("Kein Anmelde-Token nötig", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Authenticator-App einrichten" })).toHaveCount(0);
  await expectHrContact(page, "Was Sie stattdessen tun können");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("a reserved laptop shows its collection slot on the status page and is not ticked done; a VDI seat reads 'VDI seat ready'", async ({ page, sql }) => {
  const [laptopPerson, vdiPerson] = await officeWorkers(sql, 2, 42);
  expect(vdiPerson, "office workers at offsets 42–43 of the demo roster").toBeTruthy();
  await signIn(page, laptopPerson);
  await passEligibility(page);
  await page.goto("/device");
  await page.getByLabel(/^Company laptop/).check();
  await page.getByRole("button", { name: "Request this device" }).click();
  await expect(page.getByText("A laptop is reserved for you")).toBeVisible();
  await page.getByLabel("Collect it at a site").check();
  await page.getByLabel("Collection time").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Your choice")).toBeVisible();
  const collect = (await page.getByText(/^Collect at /).innerText()).trim();

  // The status page's device step: reserved (not done), with the slot as /device says it.
  await page.goto("/");
  const steps = page.getByRole("region", { name: "Steps" });
  const device = steps.getByRole("listitem").filter({ hasText: "Device" });
  await expect(device.getByText("Company laptop reserved, to collect")).toBeVisible();
  await expect(device.getByText(collect)).toBeVisible();
  expect(collect).toMatch(/^Collect at .+ on .+/);
  await expect(device.getByText("(done)")).toHaveCount(0);
  await expect(device.getByText("Handed over")).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // A VDI seat is assigned, not handed over: the step is done and says so.
  await page.context().clearCookies();
  await signIn(page, vdiPerson);
  await passEligibility(page);
  await page.goto("/device");
  await page.getByLabel(/^VDI seat/).check();
  await page.getByRole("button", { name: "Request this device" }).click();
  await expect(page.getByText("Your VDI seat is ready")).toBeVisible();
  await page.goto("/");
  const vdiStep = page.getByRole("region", { name: "Steps" }).getByRole("listitem").filter({ hasText: "Device" });
  await expect(vdiStep.getByText("VDI seat ready")).toBeVisible();
  await expect(vdiStep.getByText("(done)")).toBeAttached();
  await expect(page.getByText(/Handed over/)).toHaveCount(0);
  await expectAccessible(page);
});
