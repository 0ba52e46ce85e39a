import type { Page } from "@playwright/test";
import { expect, expectAccessible, mailbox, nextMail, switchLanguage, test } from "./fixtures";
import { agent, agentPage, person, roster, ticket } from "./ticket-setup";

// Issue 15 points 3, 4, 6, 7 on the agent's ticket page, read in German: the conversation and
// the reply box on the first screen at 1366×768, every code in words, canned replies in the
// person's language, "send and resolve" then the next ticket, the keys and their "?" list.

const viewport = { width: 1366, height: 768 };

async function within(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = (await locator.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

test("in German at 1366×768: what the person asked and the reply box on the first screen, the case in words, c claims", async ({ browser, sql }) => {
  const me = await agent(sql, roster.reader);
  const who = await person(sql, roster.personB);
  await sql`update employees set language = 'de' where id = ${who.id}`;
  // The case as the portal stores it: codes everywhere.
  await sql`
    insert into onboarding_cases (employee_id, eligibility, eligibility_answers, eligibility_rule_id, eligibility_rules_version)
    values (${who.id}, 'eligible', ${sql.json({ workFromHome: "yes", confidentialPaper: "no", onSiteEquipment: "partly", homeWorkspace: "yes" })}, 'office_work', 1)
    on conflict (employee_id) do update set eligibility = excluded.eligibility, eligibility_answers = excluded.eligibility_answers,
      eligibility_rule_id = excluded.eligibility_rule_id, eligibility_rules_version = excluded.eligibility_rules_version`;
  await sql`insert into connectivity_tests (employee_id, status, isp, latency_ms, download_kbps, upload_kbps, udp_ok, verdict, completed_at)
            values (${who.id}, 'completed', 'Salt', 31, 48000, 9000, false, 'udp_blocked', now())`;
  await sql`insert into mfa_tokens (employee_id, type, status, secret_enc) values (${who.id}, 'totp', 'pending_verification', 'not-a-secret')`;
  const number = await ticket(sql, who.id, "Ich komme seit heute Morgen nicht mehr ins VPN. Der Client sagt: Zeitüberschreitung.", { category: "token_problem" });
  // A conversation already under way: the person's words stay on top, the reply box on the first screen.
  const [row] = await sql`select id from tickets where number = ${number}`;
  for (const [kind, body] of [
    ["reply", "Guten Tag, welche Version des VPN-Clients ist installiert?"],
    ["employee_message", "Version 5.2, glaube ich."],
    ["note", "Version 5.2 hat den bekannten Zertifikatsfehler."],
    ["reply", "Bitte installieren Sie Version 5.3 aus dem Software-Center."],
    ["employee_message", "Das Software-Center zeigt keine Version 5.3 an."],
    ["reply", "Wir prüfen das und melden uns."],
  ]) await sql`insert into ticket_events (ticket_id, actor_employee_id, kind, public, body) values (${row.id}, ${kind === "employee_message" ? who.id : me.id}, ${kind}, ${kind !== "note"}, ${body})`;

  const page = await agentPage(browser, me.email, viewport);
  await page.goto("/it");
  await switchLanguage(page, "Deutsch");
  await page.goto(`/it/tickets/${number}`);
  await expect(page.getByRole("heading", { name: `Was ${who.firstName} gefragt hat`, exact: false })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("ticket-1366x768.png") });
  await within(page, page.getByText("Ich komme seit heute Morgen nicht mehr ins VPN."));
  await within(page, page.getByLabel("Öffentliche Antwort"));
  // The latest entry shows next to the reply box; the earlier ones scroll above it.
  await within(page, page.getByText("Wir prüfen das und melden uns."));
  await expect(page.getByRole("region", { name: "Verlauf" })).toContainText("Das Software-Center zeigt keine Version 5.3 an.");
  await within(page, page.getByRole("button", { name: "Senden und als gelöst markieren" }));

  // Every code in words.
  const [job] = await sql`select job_family from employees where id = ${who.id}`;
  const families: Record<string, string> = { finance: "Finanzen", procurement: "Einkauf", legal: "Recht" };
  const aside = page.getByRole("complementary");
  await expect(aside).toContainText(`${families[job.job_family as string]} · unbefristet`);
  await expect(aside).toContainText("kann im Homeoffice arbeiten (Regel office_work, Version 1)");
  await expect(aside).toContainText("Lässt sich Ihre Arbeit von zu Hause aus erledigen?");
  await expect(aside).toContainText("Teilweise");
  await expect(aside).toContainText("Authenticator-App · wartet auf den ersten Code");
  await expect(aside).toContainText("UDP blockiert (SSL-Profil nötig)");
  const text = await page.locator("main").innerText();
  for (const code of ["workFromHome", "eligible", "udp_blocked", "pending_verification", "totp", "permanent", job.job_family as string, " yes"]) expect(text).not.toContain(code);
  await expect(page.getByLabel("Zuweisen an")).toHaveValue("");

  // c claims; the assignee select then shows who has it.
  await expect(page.locator('nav[data-keys="ready"]')).toHaveCount(1);
  await page.keyboard.press("c");
  await expect(page.getByText(`Zugewiesen an ${me.name}.`)).toBeVisible();
  await expect(page.getByLabel("Zuweisen an")).toHaveValue(me.id);
  // r goes to the reply box.
  await page.keyboard.press("r");
  await expect(page.getByLabel("Öffentliche Antwort")).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Tastenkürzel" });
  for (const line of ["Antwort schreiben", "«SSL-VPN-Profil verwenden»", "Als gelöst markieren", "Diese Liste anzeigen"]) await expect(help).toContainText(line);
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expectAccessible(page);

  // A long first message: its start and the reply box still on the first screen, the rest scrolls.
  const lines = Array.from({ length: 40 }, (_, i) => `Zeile ${i + 1}: Das VPN bricht nach einigen Minuten ab, auch nach dem Neustart des Routers.`);
  const long = await ticket(sql, who.id, lines.join("\n"), { category: "help_request" });
  await page.goto(`/it/tickets/${long}`);
  const asked = page.getByRole("region", { name: `Was ${who.firstName} gefragt hat` });
  await expect(asked).toContainText("Zeile 40:");
  // The message's region fits the first screen and opens at its start; the reply box follows it.
  await within(page, asked);
  expect((await asked.getByText("Zeile 1:", { exact: false }).boundingBox())!.y).toBeGreaterThanOrEqual((await asked.boundingBox())!.y - 1);
  await within(page, page.getByLabel("Öffentliche Antwort"));
  await within(page, page.getByRole("button", { name: "Senden und als gelöst markieren" }));
  // The rest of the message is read by scrolling its region, with the keyboard too.
  expect(await asked.evaluate((el) => el.scrollTop)).toBe(0);
  await asked.focus();
  await page.keyboard.press("End");
  await expect.poll(() => asked.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await expectAccessible(page);
});

test("canned replies go out in the person's language, the agent sees which; send and resolve opens the next ticket of the list", async ({ browser, sql }) => {
  const me = await agent(sql, roster.reader, true);
  const german = await person(sql, roster.personB);
  const french = await person(sql, roster.personA);
  await sql`update employees set language = 'de' where id = ${german.id}`;
  await sql`update employees set language = 'fr' where id = ${french.id}`;
  // Most urgent first in "Mine": the German person's, then the French person's.
  const first = await ticket(sql, german.id, "Mein Router blockiert das VPN.", { category: "gateway_unreachable", assignee: me.id, priority: "urgent", slaHours: 1 });
  const second = await ticket(sql, french.id, "Mon fournisseur bloque le VPN.", { category: "no_connectivity", assignee: me.id, priority: "urgent", slaHours: 2 });

  const page = await agentPage(browser, me.email, viewport);
  await page.goto("/it");
  await switchLanguage(page, "Deutsch");
  await page.goto(`/it/tickets/${first}?from=${encodeURIComponent("assignee=me")}`);
  await expect(page.getByText(`Diese Antwort geht auf Deutsch an ${german.firstName}`)).toBeVisible();
  await page.getByLabel("Textbaustein").selectOption({ label: "SSL-VPN-Profil verwenden" });
  await expect(page.getByLabel("Öffentliche Antwort")).toHaveValue(new RegExp(`^Guten Tag ${german.firstName}\\n\\nIhr Internetanbieter blockiert das Standard-VPN[\\s\\S]*Anfrage Nr\\. ${first}\\)$`));
  const before = (await mailbox(page.request, german.email)).length;
  await page.getByRole("button", { name: "Senden und als gelöst markieren" }).click();

  await expect(page).toHaveURL(new RegExp(`/it/tickets/${second}\\?from=assignee%3Dme&resolved=${first}$`));
  await expect(page.getByText(`Ticket Nr. ${first} ist gelöst und die Person informiert.`)).toBeVisible();
  const mail = await nextMail(page.request, german.email, before);
  expect(mail.text).toContain("Ihr Internetanbieter blockiert das Standard-VPN");
  expect(mail.text).toContain(`Guten Tag ${german.firstName}`);
  const [done] = await sql`select status from tickets where number = ${first}`;
  expect(done.status).toBe("resolved");

  // The French person's ticket: key 1 puts the same reply in French.
  await expect(page.getByText(`Diese Antwort geht auf Französisch an ${french.firstName}`)).toBeVisible();
  await expect(page.locator('nav[data-keys="ready"]')).toHaveCount(1);
  await page.keyboard.press("1");
  await expect(page.getByLabel("Öffentliche Antwort")).toHaveValue(new RegExp(`^Bonjour ${french.firstName},\\n\\nVotre fournisseur d’accès bloque le VPN standard`));
  await expectAccessible(page);

  // An admin adds a reply written in English only (the settings page, in German).
  await page.goto("/admin/settings");
  const editor = page.getByRole("region", { name: "Textbausteine der IT" });
  await expect(editor.getByLabel("Text auf Deutsch (Antwort 1)")).toHaveValue(/^Guten Tag \{firstName\}/);
  await editor.getByRole("button", { name: "Antwort hinzufügen" }).click();
  await editor.getByLabel("Kurzname der Antwort 4").fill("restart");
  await editor.getByRole("button", { name: /Speichern: Textbausteine der IT/ }).click();
  await expect(editor.getByText("Schreiben Sie diesen Text in mindestens einer Sprache.").first()).toBeVisible();
  for (const [label, value] of [["Titel auf Englisch (Antwort 4)", "Restart the laptop"], ["Titel auf Deutsch (Antwort 4)", "Laptop neu starten"], ["Titel auf Französisch (Antwort 4)", "Redémarrer le portable"], ["Text auf Englisch (Antwort 4)", "Hello {firstName}, please restart the laptop and try again."]]) await editor.getByLabel(label).fill(value);
  await expect(editor.getByText("Noch nicht geschrieben auf: Französisch, Deutsch")).toBeVisible();
  await expectAccessible(page);
  await editor.getByRole("button", { name: /Speichern: Textbausteine der IT/ }).click();
  await expect(editor.getByText("Gespeichert.")).toBeVisible();

  // For the German reader the English text goes in, and the agent is told.
  await sql`update tickets set status = 'in_progress', resolved_at = null where number = ${first}`;
  await page.goto(`/it/tickets/${first}`);
  await page.getByLabel("Textbaustein").selectOption({ label: "Laptop neu starten" });
  await expect(page.getByLabel("Öffentliche Antwort")).toHaveValue(`Hello ${german.firstName}, please restart the laptop and try again.`);
  await expect(page.getByText("Dieser Textbaustein hat noch keinen Text auf Deutsch: Der Text auf Englisch steht im Feld.")).toBeVisible();
});
