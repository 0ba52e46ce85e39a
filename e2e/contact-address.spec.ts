import type { Page } from "@playwright/test";
import { demo, expect, expectAccessible, expectNoSidewaysScroll, mailbox, officeWorkers, phone, signIn, test } from "./fixtures";

// Issue 13 points 1 and 3, as a person at home sees them on a phone, in French: signed in with the
// private address, mail goes there; they switch to the work address; the request IT resolved stays
// on the status page with IT's last answer. Own people: demo roster offsets 21–29.
test.use(phone);

/** Waits for a mail to `to` whose subject matches. */
async function mailTo(page: Page, to: string, subject: RegExp) {
  let found: { subject: string; text: string } | undefined;
  await expect.poll(async () => (found = (await mailbox(page.request, to)).find((m) => subject.test(m.subject))) !== undefined, { timeout: 15_000, message: `a mail to ${to} matching ${subject}` }).toBe(true);
  return found!;
}

test("signed in with the private address, mail goes there; switched to work, it goes there; the resolved request stays with IT's answer", async ({ page, browser, sql }) => {
  const [work] = await officeWorkers(sql, 1, 21);
  expect(work, "an office worker at offset 21 of the demo roster").toBeTruthy();
  // The roster gives only some office workers a private address: this person gets one on file.
  const [row] = await sql`
    update employees set private_email = coalesce(private_email, 'contact.e2e.21@bluewin.test'), contact_email = null, contact_email_chosen_at = null
     where work_email = ${work} returning private_email`;
  const home = (row.private_email as string).toLowerCase();

  await signIn(page, home);
  await page.goto("/");
  await page.getByRole("button", { name: "Français" }).click();
  const card = page.getByRole("region", { name: "Votre e-mail pour Passerelle" });
  await expect(card).toContainText(`Les messages de Passerelle et de l’IT vont à ${home}.`);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // A notice: the request reaches IT, and the mail saying so goes to the private address.
  await page.getByText("J’ai besoin d’aide").click();
  await page.getByLabel("Que se passe-t-il ?").fill("Je n’ai pas accès à ma messagerie professionnelle depuis chez moi.");
  await page.getByRole("button", { name: "Envoyer à l’IT" }).click();
  const number = Number((await page.getByText(/Demande #\d+ envoyée à l’IT/).innerText()).match(/#(\d+)/)![1]);
  await mailTo(page, home, new RegExp(`#${number}`));
  await expect(page.getByText(`L’IT répond ici et par e-mail à ${home}.`, { exact: false })).toBeVisible();

  // Switch to the work address: the server takes only an address on file.
  await card.getByText("Changer d’adresse").click();
  await card.getByLabel(work).check();
  await card.getByRole("button", { name: "Utiliser cette adresse" }).click();
  await expect(card.getByText(`Enregistré : les messages vont désormais à ${work}.`)).toBeVisible();
  await expect(card).toContainText(`Les messages de Passerelle et de l’IT vont à ${work}.`);
  await expectAccessible(page);

  // IT answers and resolves; the reply form says where the answer goes.
  const agent = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-GB" })).newPage();
  await signIn(agent, demo.it);
  await agent.goto(`/it/tickets/${number}`);
  await expect(agent.getByText(`E-mailed to ${work} (the address the person chose or last signed in with)`)).toBeVisible();
  await agent.getByLabel("Public reply").fill("Votre messagerie est accessible sur webmail.transalpina.test avec votre jeton.");
  // One submit answers and resolves, then the agent is taken on to the next ticket (issue 15 point 4).
  await agent.getByRole("button", { name: "Send and resolve" }).click();
  await expect(agent).not.toHaveURL(new RegExp(`/it/tickets/${number}(\\?|$)`));
  await agent.context().close();
  const resolution = await mailTo(page, work, new RegExp(`#${number} est résolue`));
  expect(resolution.text).toContain("webmail.transalpina.test");

  // The resolved request stays, collapsed, with IT's last answer and the date.
  await page.reload();
  const closed = page.getByRole("region", { name: "Demandes précédentes" });
  await expect(closed.getByText(new RegExp(`Demande #${number} : .* — résolue le`))).toBeVisible();
  await expect(closed.getByText("webmail.transalpina.test", { exact: false })).toBeHidden();
  await closed.getByText(new RegExp(`Demande #${number} :`)).click();
  await expect(closed.getByText("Votre messagerie est accessible sur webmail.transalpina.test avec votre jeton.")).toBeVisible();
  await expect(closed.getByText(/Dernière réponse de l’IT/)).toBeVisible();
  // Its answer box appears once the request is opened (rendered only then), ready to reopen it.
  await expect(closed.getByLabel(`Votre réponse à la demande #${number}`)).toBeVisible();
  await expect(closed.getByRole("button", { name: "Envoyer ma réponse" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // Signing in again with the private address keeps the chosen work address.
  const later = await (await browser.newContext(phone)).newPage();
  await signIn(later, home);
  await later.goto("/");
  await expect(later.getByRole("region", { name: "Votre e-mail pour Passerelle" })).toContainText(`vont à ${work}.`);
  await later.context().close();
});
