import { expect, expectAccessible, officeWorkers, passEligibility, phone, signIn, test } from "./fixtures";
import { agent, agentPage, person, ticket } from "./ticket-setup";

// A person who works with the keyboard (or a screen reader) presses a form's button: the button is
// disabled while the server works (no second submission), which takes the focus off it; when the
// answer is shown, the focus is back on the button, not on the page's start, whether the form stayed
// or came again with the page's new render. When the answer replaces the form, the keyboard is on
// the message it brought or changed (else the page's main content). Own people: demo roster offsets 15–18.

test("an employee's form keeps the keyboard on its button after saving", async ({ browser, sql }) => {
  const [work] = await officeWorkers(sql, 1, 15);
  expect(work, "an office worker at offset 15 of the demo roster").toBeTruthy();
  await sql`
    update employees set private_email = coalesce(private_email, 'keyboard.e2e.15@bluewin.test'), contact_email = null, contact_email_chosen_at = null
     where work_email = ${work}`;
  const page = await (await browser.newContext(phone)).newPage();
  await signIn(page, work);
  await page.goto("/");
  const card = page.getByRole("region", { name: "Your e-mail for Passerelle" });
  await card.getByText("Change the address").click();
  const [home] = await sql`select lower(private_email) as address from employees where work_email = ${work}`;
  await card.getByLabel(home.address as string).check();
  const save = card.getByRole("button", { name: "Use this address" });
  await save.focus();
  await page.keyboard.press("Enter");
  await expect(card.getByText(`Saved: mail now goes to ${home.address as string}.`)).toBeVisible();
  await expect(save).toBeFocused();

  // The header's language buttons: the page comes in German, the keyboard still on "Deutsch".
  const german = page.getByRole("button", { name: "Deutsch" });
  await german.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Ihre E-Mail-Adresse für Passerelle" })).toBeVisible();
  await expect(german).toHaveAttribute("aria-current", "true");
  await expect(german).toBeFocused();
  await expectAccessible(page);
});

test("an agent's ticket forms keep the keyboard on their button, also the form the page renders anew", async ({ browser, sql }) => {
  const me = await agent(sql, 16);
  const who = await person(sql, 17);
  const number = await ticket(sql, who.id, "The docking station does not charge the laptop.", { category: "device_problem", assignee: me.id });
  const page = await agentPage(browser, me.email);
  await page.goto(`/it/tickets/${number}`);
  await expect(page.getByText("The docking station does not charge the laptop.")).toBeVisible();

  // The note form stays on the page.
  await page.getByLabel("Internal note").fill("Dock firmware 1.2 is known to do this.");
  const addNote = page.getByRole("button", { name: "Add the note" });
  await addNote.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Dock firmware 1.2 is known to do this.")).toBeVisible();
  await expect(addNote).toBeFocused();

  // The status form is rendered anew with the status it now shows.
  await page.getByLabel("Status").selectOption("waiting_for_employee");
  const change = page.getByRole("button", { name: "Change status" });
  await change.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/status changed: In progress → Waiting for employee/)).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("waiting_for_employee");
  await expect(change).toBeFocused();

  // The person goes elsewhere while the server works: the focus stays where they went.
  await page.getByLabel("Status").selectOption("in_progress");
  await change.focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Internal note").focus();
  await expect(page.getByText(/status changed: Waiting for employee → In progress/)).toBeVisible();
  await expect(page.getByLabel("Internal note")).toBeFocused();

  // A button that takes the person to another page leaves the keyboard at that page's start,
  // even where the new page has the same button ("Send and resolve" opens the next ticket).
  const next = await ticket(sql, who.id, "The second screen stays black.", { assignee: me.id, slaHours: 48 });
  await page.goto(`/it/tickets/${number}?from=${encodeURIComponent("assignee=me")}`);
  await page.getByLabel("Public reply").fill("Please update the dock's firmware to 1.3; it fixes charging.");
  const sendAndResolve = page.getByRole("button", { name: "Send and resolve" });
  await sendAndResolve.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/it/tickets/${next}\\?`));
  await expect(page.getByText("The second screen stays black.")).toBeVisible();
  await expect(sendAndResolve).toBeVisible();
  await expect(sendAndResolve).not.toBeFocused();
  await expectAccessible(page);
});

test("a form replaced by its outcome leaves the keyboard on the outcome's message", async ({ browser, sql }) => {
  const [work] = await officeWorkers(sql, 1, 18);
  expect(work, "an office worker at offset 18 of the demo roster").toBeTruthy();
  const page = await (await browser.newContext(phone)).newPage();
  await signIn(page, work);
  await page.goto("/eligibility");
  await passEligibility(page);
  await page.goto("/device");
  await page.getByLabel(/^VDI seat/).check();
  const request = page.getByRole("button", { name: "Request this device" });
  await request.focus();
  await page.keyboard.press("Enter");
  const outcome = page.getByRole("status").filter({ hasText: /Your VDI seat is ready|You are number \d+ in the queue/ });
  await expect(outcome).toBeVisible();
  await expect(request).toHaveCount(0);
  // A screen reader reads the outcome next, not the page's header again.
  await expect(outcome).toBeFocused();
  await expectAccessible(page);
});

test("the queue's bulk action from the keyboard leaves the keyboard on its result", async ({ browser, sql }) => {
  const me = await agent(sql, 16);
  const who = await person(sql, 17);
  // A run stopped before the bulk action leaves these open; one open ticket per category and person.
  await sql`update tickets set status = 'closed', resolved_at = now() where employee_id = ${who.id} and category in ('token_problem', 'help_request') and status not in ('resolved', 'closed')`;
  const tickets = [await ticket(sql, who.id, "My codes are refused since this morning.", { category: "token_problem", assignee: me.id }), await ticket(sql, who.id, "Where do I find the VPN guide?", { category: "help_request", assignee: me.id })];
  const page = await agentPage(browser, me.email);
  await page.goto("/it?assignee=me");
  for (const number of tickets) {
    const box = page.getByRole("checkbox", { name: `Select ticket #${number}` });
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  await page.getByLabel("Action").selectOption("resolve");
  const apply = page.getByRole("button", { name: "Apply to 2 tickets" });
  await apply.focus();
  await page.keyboard.press("Enter");
  // The bar goes with the selection; its result region, always on the page, says what was done.
  const result = page.getByRole("status").filter({ hasText: "Done for 2 tickets." });
  await expect(result).toBeVisible();
  await expect(apply).toHaveCount(0);
  await expect(result).toBeFocused();
  await expectAccessible(page);
});
