import { expect, expectAccessible, officeWorkers, signIn, test } from "./fixtures";

// Issue 15 point 4 (the queue's part): the first ticket is a few keys away, j/k walk the rows,
// Enter opens, x selects for a bulk action, "/" searches, "?" lists the keys. Roster offsets
// 65–67 (people) and 78 (agent): this spec's own.

test("keyboard only: the first ticket in a few Tabs, j/k/x/Enter on the rows, / to search, ? to list the keys", async ({ browser, sql }) => {
  const people = await officeWorkers(sql, 3, 65);
  const [agentEmail] = await officeWorkers(sql, 1, 78);
  await sql`insert into employee_roles (employee_id, role) select id, 'it_agent' from employees where work_email = ${agentEmail} on conflict do nothing`;
  // Three tickets of this agent, the most urgent first in the queue.
  const rows = await sql`
    insert into tickets (employee_id, category, priority, summary, snapshot, assignee_employee_id, status)
    select e.id, 'device_problem', p.priority::ticket_priority, 'keyboard', '{}'::jsonb, (select id from employees where work_email = ${agentEmail}), 'in_progress'
      from employees e join (values (${people[0]}, 'urgent'), (${people[1]}, 'high'), (${people[2]}, 'normal')) p(email, priority) on p.email = e.work_email
    returning number::int, priority`;
  const byPriority = (p: string) => rows.find((r) => r.priority === p)!.number as number;
  const [first, second, third] = [byPriority("urgent"), byPriority("high"), byPriority("normal")];

  const agent = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "en-GB" })).newPage();
  await signIn(agent, agentEmail);
  await agent.goto("/it?assignee=me");
  await expect(agent.getByRole("link", { name: `#${first}` })).toBeVisible();

  // From the top of the page: skip to the content, then to the first ticket, and open it.
  let tabs = 0;
  const tab = async () => {
    tabs += 1;
    await agent.keyboard.press("Tab");
  };
  await tab();
  await expect(agent.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await agent.keyboard.press("Enter");
  await tab();
  await expect(agent.getByRole("link", { name: "Skip to the first ticket" })).toBeFocused();
  await agent.keyboard.press("Enter");
  await expect(agent.getByRole("link", { name: `#${first}` })).toBeFocused();
  expect(tabs).toBeLessThanOrEqual(3);
  // Focus moved without a fragment in the address (a history entry Back could not restore).
  expect(new URL(agent.url()).hash).not.toBe("#first-ticket");
  await agent.keyboard.press("Enter");
  await expect(agent).toHaveURL(new RegExp(`/it/tickets/${first}\\?from=assignee%3Dme$`));

  // Back to the queue by its address: the layout's "Skip to content" left a #main history entry.
  await agent.goto("/it?assignee=me");
  await expect(agent.getByRole("link", { name: `#${first}` })).toBeVisible();
  // j and k move through the rows; x selects the row for a bulk action.
  await agent.locator("body").click({ position: { x: 1, y: 1 } });
  await agent.keyboard.press("j");
  await expect(agent.getByRole("link", { name: `#${first}` })).toBeFocused();
  await agent.keyboard.press("j");
  await agent.keyboard.press("j");
  await expect(agent.getByRole("link", { name: `#${third}` })).toBeFocused();
  await agent.keyboard.press("k");
  await expect(agent.getByRole("link", { name: `#${second}` })).toBeFocused();
  await agent.keyboard.press("x");
  await expect(agent.getByRole("checkbox", { name: `Select ticket #${second}` })).toBeChecked();
  await expect(agent.getByRole("heading", { name: "1 ticket selected" })).toBeVisible();
  await expect(agent.getByRole("link", { name: `#${second}` })).toBeFocused();
  await agent.keyboard.press("x");
  await expect(agent.getByRole("checkbox", { name: `Select ticket #${second}` })).not.toBeChecked();

  // "/" goes to the search; typing there is typing, not shortcuts; Escape leaves it.
  await agent.keyboard.press("/");
  const search = agent.getByLabel("Search: name, employee number, e-mail or ticket number");
  await expect(search).toBeFocused();
  await agent.keyboard.type(`#${third}`);
  await expect(search).toHaveValue(`#${third}`);
  await agent.keyboard.press("Enter");
  await expect(agent.getByRole("link", { name: `#${first}` })).toHaveCount(0);
  await expect(agent.getByRole("link", { name: `#${third}` })).toBeVisible();

  // "?" lists the keys.
  await agent.locator("body").click({ position: { x: 1, y: 1 } });
  await agent.keyboard.press("?");
  const help = agent.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const text of ["Next ticket", "Previous ticket", "Open the selected ticket", "Select or unselect the ticket for a bulk action", "Search the queue"]) await expect(help).toContainText(text);
  await expectAccessible(agent);
  await agent.keyboard.press("Escape");
  await expect(help).toBeHidden();
  // Enter opens the row j chose, with the filter in the address.
  await agent.keyboard.press("j");
  await agent.keyboard.press("Enter");
  await expect(agent).toHaveURL(new RegExp(`/it/tickets/${third}\\?from=`));
  await agent.goBack();
  await expect(agent.getByRole("link", { name: `#${third}` })).toBeVisible();
});
