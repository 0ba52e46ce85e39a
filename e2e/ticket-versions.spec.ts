import { expect, expectAccessible, test } from "./fixtures";
import { agent, agentPage, person, roster, staleRefusal, ticket } from "./ticket-setup";

// Issue 15 point 1: the agent's own claim, reply and note never make their next form stale;
// a colleague's change does, and then the page names what changed and keeps what was typed.

test("claim, reply, note, then status and assign without reloading: nothing is refused", async ({ browser, sql }) => {
  const me = await agent(sql, roster.agentA);
  const colleague = await agent(sql, roster.agentB);
  const who = await person(sql, roster.personA);
  const number = await ticket(sql, who.id, "My headset is not recognised by the laptop.", { category: "device_problem" });

  const page = await agentPage(browser, me.email);
  await page.goto(`/it/tickets/${number}`);
  await expect(page.getByText("My headset is not recognised by the laptop.")).toBeVisible();
  await expect(page.getByLabel("Assign to")).toHaveValue("");

  await page.getByRole("button", { name: "Claim this ticket" }).click();
  await expect(page.getByText(`Assigned to ${me.name}.`)).toBeVisible();
  // The assignee select shows who has it, not "Choose an agent".
  await expect(page.getByLabel("Assign to")).toHaveValue(me.id);

  await page.getByLabel("Public reply").fill("Please plug it into the other USB port and tell me if it works.");
  await page.getByRole("button", { name: "Send the reply", exact: true }).click();
  await expect(page.getByLabel("Public reply")).toHaveValue("");
  await expect(page.getByLabel("Status")).toHaveValue("waiting_for_employee");

  await page.getByLabel("Internal note").fill("Known issue with the USB-C dock firmware.");
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page.getByText("Known issue with the USB-C dock firmware.")).toBeVisible();

  await page.getByLabel("Status").selectOption("in_progress");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByText(/status changed: Waiting for employee → In progress/)).toBeVisible();

  await page.getByLabel("Assign to").selectOption(colleague.id);
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByText(`Assigned to ${colleague.name}.`)).toBeVisible();
  await expect(page.getByLabel("Assign to")).toHaveValue(colleague.id);

  await expect(page.getByText(staleRefusal)).toHaveCount(0);
  const [row] = await sql`select status, assignee_employee_id as assignee from tickets where number = ${number}`;
  expect(row).toEqual({ status: "in_progress", assignee: colleague.id });
  await expectAccessible(page);
});

test("two agents on one ticket: the one whose page is older is told what changed, keeps the text, and sends it on the second try", async ({ browser, sql }) => {
  const first = await agent(sql, roster.agentA);
  const second = await agent(sql, roster.agentB);
  const who = await person(sql, roster.personB);
  const number = await ticket(sql, who.id, "The VPN drops every ten minutes.", { category: "vpn_blocked", assignee: first.id });

  const [mine, theirs] = await Promise.all([agentPage(browser, first.email), agentPage(browser, second.email)]);
  await Promise.all([mine.goto(`/it/tickets/${number}`), theirs.goto(`/it/tickets/${number}`)]);
  const text = "Please switch to the SSL profile in the VPN client; it keeps the connection.";
  await mine.getByLabel("Public reply").fill(text);

  // Meanwhile the colleague answers and resolves.
  await theirs.getByLabel("Public reply").fill("This is a known provider problem; it is fixed now.");
  await theirs.getByRole("button", { name: "Send and resolve" }).click();
  await expect(theirs).not.toHaveURL(new RegExp(`/it/tickets/${number}(\\?|$)`));

  await mine.getByRole("button", { name: "Send the reply", exact: true }).click();
  const conflict = mine.getByRole("alert").filter({ hasText: "Someone changed this ticket meanwhile" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("The status is now “Resolved”.");
  await expect(conflict).toContainText(`${second.name} replied.`);
  await expect(conflict).toContainText("What you typed is still here");
  await expect(mine.getByLabel("Public reply")).toHaveValue(text);
  await expect(mine.getByText("This is a known provider problem; it is fixed now.")).toBeVisible();
  await expectAccessible(mine);

  // Having read it, the agent sends the same text again: it goes (a reply to a resolved ticket is allowed).
  await mine.getByRole("button", { name: "Send the reply", exact: true }).click();
  await expect(mine.getByLabel("Public reply")).toHaveValue("");
  await expect(conflict).toHaveCount(0);
  const replies = await sql`select body from ticket_events where kind = 'reply' and ticket_id = (select id from tickets where number = ${number}) order by id`;
  expect(replies.map((r) => r.body)).toEqual(["This is a known provider problem; it is fixed now.", text]);

  // The other way round: the first agent reassigns; the colleague's older assign form is told who has it now.
  await theirs.goto(`/it/tickets/${number}`);
  await mine.getByLabel("Assign to").selectOption(second.id);
  await mine.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(mine.getByText(`Assigned to ${second.name}.`)).toBeVisible();
  await theirs.getByLabel("Assign to").selectOption(first.id);
  await theirs.getByRole("button", { name: "Assign", exact: true }).click();
  const told = theirs.getByRole("alert").filter({ hasText: "Someone changed this ticket meanwhile" });
  await expect(told).toContainText(`It is now assigned to ${second.name}.`);
  await expect(theirs.getByLabel("Assign to")).toHaveValue(second.id);
});
