import { demo, expect, expectAccessible, expectNoSidewaysScroll, officeWorkers, passEligibility, signIn, test } from "./fixtures";

// Issue 13 point 2, as people see it: the person with no internet and no 4G tells IT how to reach
// them by phone (on a 360 px phone, in German), IT sees the number on the queue row and the case
// card as a tap-to-call link, and no other employee ever sees it.
// Own people: offsets 31 and 32 of the demo roster's office workers (31–39 are this spec's).

const phone = { e164: "+41795551234", shown: "+41 79 555 12 34" };
const roster = { e164: "+41215551234", shown: "+41 21 555 12 34" };
/** The number in any of the ways it could be printed. */
const anyForm = /555\s?12\s?34|5551234/;
const mobile = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

test("no internet and no 4G: the person gives a phone (a wrong one is refused beside the field), IT sees it, nobody else does", async ({ browser, sql }) => {
  const [personEmail, otherEmail] = await officeWorkers(sql, 2, 31);
  expect(otherEmail, "office workers at offsets 31 and 32 of the demo roster").toBeTruthy();
  await sql`update employees set phone = ${roster.e164} where work_email = ${personEmail}`;
  await sql`update employees set phone = null where work_email = ${otherEmail}`;
  const [person] = await sql`select number, first_name || ' ' || last_name as name from employees where work_email = ${personEmail}`;
  const base = { baseURL: process.env.E2E_BASE_URL, locale: "en-GB" };

  // The person, on a phone, in German.
  const context = await browser.newContext({ ...base, ...mobile });
  const page = await context.newPage();
  await signIn(page, personEmail);
  await passEligibility(page);
  await page.goto("/connectivity");
  await page.getByRole("button", { name: "Deutsch" }).click();
  await page.getByLabel("Nein, oder ich weiss es nicht").check();
  const field = page.getByLabel("Wie kann die IT Sie erreichen? (Telefon, freiwillig)");
  // Offered: the number HR has on file, written as people write it.
  await expect(field).toHaveValue(roster.shown);
  await expect(field).toHaveAttribute("type", "tel");

  await field.fill("abc");
  await page.getByRole("button", { name: "Die IT informieren" }).click();
  await expect(page.getByText("Geben Sie die Nummer in Ziffern ein, mit 0 am Anfang für eine Schweizer Nummer")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await field.fill("079 555 12 34");
  await page.getByRole("button", { name: "Die IT informieren" }).click();
  await expect(page.getByText("Die IT sucht mit Ihnen eine Lösung")).toBeVisible();
  // The number IT will call, so a wrong one is noticed while it can still be fixed.
  await expect(page.getByText("Die IT ruft Sie an unter")).toBeVisible();
  await expect(page.getByRole("link", { name: phone.shown })).toHaveAttribute("href", `tel:${phone.e164}`);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page.goto("/");
  await expect(page.getByText("Die IT kann Sie anrufen unter")).toBeVisible();
  await expect(page.getByRole("link", { name: phone.shown })).toHaveAttribute("href", `tel:${phone.e164}`);
  // "Ich brauche Hilfe" offers the number just given.
  await page.getByText("Ich brauche Hilfe").click();
  await expect(page.getByLabel("Wie kann die IT Sie erreichen? (Telefon, freiwillig)")).toHaveValue(phone.shown);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  const [ticket] = await sql`select t.number::int as number from tickets t join employees e on e.id = t.employee_id where e.work_email = ${personEmail} and t.category = 'no_connectivity'`;
  await context.close();

  // IT: the queue row of the no-connection ticket and the case card carry the number to call.
  const agent = await (await browser.newContext(base)).newPage();
  await signIn(agent, demo.it);
  await agent.getByLabel("Search: name, employee number, e-mail or ticket number").fill(person.number as string);
  await agent.getByRole("button", { name: "Show" }).click();
  const row = agent.getByRole("row").filter({ has: agent.getByRole("link", { name: `#${ticket.number}` }) });
  await expect(row.getByRole("link", { name: phone.shown })).toHaveAttribute("href", `tel:${phone.e164}`);
  await expectAccessible(agent);
  await row.getByRole("link", { name: `#${ticket.number}` }).click();
  await expect(agent.getByRole("heading", { level: 1, name: `#${ticket.number} · ${person.name}` })).toBeVisible();
  const reach = agent.getByRole("region", { name: "How to reach" });
  await expect(reach.getByText(personEmail)).toBeVisible();
  await expect(reach.getByRole("link", { name: phone.shown })).toHaveAttribute("href", `tel:${phone.e164}`);
  await expect(reach.getByRole("link", { name: roster.shown })).toHaveAttribute("href", `tel:${roster.e164}`);
  await expectAccessible(agent);

  // Another employee: none of their pages, nor the staff pages and exports they try, has the number.
  const other = await (await browser.newContext({ ...base, ...mobile })).newPage();
  await signIn(other, otherEmail);
  for (const path of ["/", "/connectivity", "/device", "/token", "/eligibility", "/it", `/it/tickets/${ticket.number}`]) {
    await other.goto(path);
    expect(await other.content(), path).not.toMatch(anyForm);
  }
  await other.goto("/");
  await other.getByText("I need help").click();
  await expect(other.getByLabel("How can IT reach you? (phone, optional)")).toHaveValue("");
  for (const path of ["/admin/roster/export", "/admin/export", "/hr/export", `/api/dev/mailbox?to=${encodeURIComponent(personEmail)}`]) {
    const response = await other.request.get(path);
    expect(await response.text(), path).not.toMatch(anyForm);
  }
});
