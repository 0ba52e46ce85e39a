import type postgres from "postgres";
import { expect, expectAccessible, officeWorkers, signIn, test } from "./fixtures";

// Issue 15 points 2, 5 and 9, as an agent sees the queue: the person's first words, the provider
// and the test's verdict, the age, "New reply" once the person answered (and the SLA restarted),
// "#20" found as the queue writes it, and bulk feedback that never shows the last result while
// the next operation runs. Roster offsets 63–64 (people) and 79, 77 (agents): this spec's own.

const base = { baseURL: process.env.E2E_BASE_URL, locale: "en-GB" };

/** A person from the roster made an IT agent, so no other spec's sign-in spoils ours. */
async function agentAt(sql: postgres.Sql, offset: number): Promise<string> {
  const [email] = await officeWorkers(sql, 1, offset);
  await sql`insert into employee_roles (employee_id, role) select id, 'it_agent' from employees where work_email = ${email} on conflict do nothing`;
  return email;
}

test("a row shows the person's words, provider, verdict and age; their answer marks it 'New reply' and restarts its SLA", async ({ browser, sql }) => {
  const [helpEmail, testedEmail] = await officeWorkers(sql, 2, 63);
  const [agentEmail, colleagueEmail] = [await agentAt(sql, 79), await agentAt(sql, 77)];

  // One person asks for help from their status page, in their own words (two lines).
  const employee = await (await browser.newContext(base)).newPage();
  await signIn(employee, helpEmail);
  await employee.getByText("I need help").click();
  await employee.getByLabel("What happens?").fill("Teams freezes every ten minutes during calls.\nIt started on Monday after the update.");
  await employee.getByRole("button", { name: "Send to IT" }).click();
  const number = Number((await employee.getByText(/Request #\d+ sent to IT\./).innerText()).match(/#(\d+)/)![1]);

  // Another one's self-test found UDP blocked on Salt (the ticket the portal raises carries the test).
  const [tested] = await sql`
    with t as (
      insert into tickets (employee_id, category, priority, summary, snapshot, created_at, sla_due_at)
      select id, 'vpn_blocked', 'normal', 'Self-test: VPN blocked', '{"connectivity": {"isp": "salt", "verdict": "udp_blocked"}}'::jsonb, now() - interval '3 hours', now() - interval '1 hour'
        from employees where work_email = ${testedEmail} returning id, employee_id, number::int)
    insert into ticket_events (ticket_id, actor_employee_id, kind, public, body) select id, employee_id, 'employee_message', true, 'The VPN never connects from home.' from t
    returning (select number from t)`;

  const agent = await (await browser.newContext(base)).newPage();
  await signIn(agent, agentEmail);
  await agent.goto("/it");
  // The number as the queue writes it.
  await agent.getByLabel("Search: name, employee number, e-mail or ticket number").fill(`#${tested.number}`);
  await agent.getByRole("button", { name: "Show" }).click();
  const testedRow = agent.getByRole("row").filter({ has: agent.getByRole("link", { name: `#${tested.number}` }) });
  await expect(testedRow).toContainText("The VPN never connects from home.");
  await expect(testedRow).toContainText("Internet: Salt · VPN over UDP blocked (SSL profile)");
  await expect(testedRow).toContainText("Opened 3 hours ago");
  await expect(testedRow).toContainText("Overdue");
  await expect(agent.getByRole("row")).toHaveCount(2);
  await expectAccessible(agent);

  await agent.getByLabel("Search: name, employee number, e-mail or ticket number").fill(`# ${number}`);
  await agent.getByRole("button", { name: "Show" }).click();
  const row = agent.getByRole("row").filter({ has: agent.getByRole("link", { name: `#${number}` }) });
  await expect(row).toContainText("Teams freezes every ten minutes during calls.");
  await expect(row).not.toContainText("It started on Monday");
  await expect(row).not.toContainText("New reply");
  // The row's link carries the filter, so the ticket page can offer the next ticket of it.
  await expect(row.getByRole("link", { name: `#${number}` })).toHaveAttribute("href", new RegExp(`^/it/tickets/${number}\\?from=`));

  // IT answers (from the queue's bulk bar), the person answers back.
  await row.getByRole("checkbox", { name: `Select ticket #${number}` }).check();
  await agent.getByLabel("Action").selectOption("reply");
  await agent.getByLabel("Public reply").fill("Please close other video apps and try again.");
  await agent.getByRole("button", { name: "Apply to 1 ticket" }).click();
  await expect(agent.getByText("Done for 1 ticket.")).toBeVisible();
  await expect(row).toContainText("Waiting for employee");
  await sql`update tickets set sla_due_at = now() - interval '2 hours' where number = ${number}`;

  await employee.goto("/");
  await employee.getByLabel(`Your answer to request #${number}`).fill("Still freezing, even with nothing else open.");
  await employee.getByRole("button", { name: "Send my answer" }).click();
  await expect(employee.getByText("Still freezing, even with nothing else open.")).toBeVisible();

  // A colleague's queue (another agent, at the same time) shows the answer came in.
  const colleague = await (await browser.newContext(base)).newPage();
  await signIn(colleague, colleagueEmail);
  await colleague.goto(`/it?q=${encodeURIComponent(`#${number}`)}`);
  const seen = colleague.getByRole("row").filter({ has: colleague.getByRole("link", { name: `#${number}` }) });
  await expect(seen).toContainText("New reply");
  await expect(seen).toContainText("In progress");
  // Reopened: due again a normal ticket's 24 hours from the answer, no longer overdue.
  await expect(seen).not.toContainText("Overdue");
  await expect(seen).toContainText(/in (23|24) hours/);
  await expectAccessible(colleague);
  const [due] = await sql`select sla_due_at > now() + interval '23 hours' as moved from tickets where number = ${number}`;
  expect(due.moved).toBe(true);

  await agent.reload();
  await expect(row).toContainText("New reply");
});

test("bulk feedback: the last result goes when the next operation starts, which shows it is working, and stays when the list empties", async ({ browser, sql }) => {
  const people = await officeWorkers(sql, 3, 71);
  const agentEmail = await agentAt(sql, 76);
  const tickets = await sql`
    insert into tickets (employee_id, category, summary, snapshot, assignee_employee_id, status)
    select e.id, 'device_problem', 'bulk feedback', '{}'::jsonb, (select id from employees where work_email = ${agentEmail}), 'in_progress'
      from employees e where e.work_email in ${sql(people)} returning number::int`;
  expect(tickets.length).toBe(3);
  // Only these three in the agent's list, so the last operation empties it.
  await sql`
    update tickets set assignee_employee_id = null
     where assignee_employee_id = (select id from employees where work_email = ${agentEmail})
       and status not in ('resolved', 'closed') and number not in ${sql(tickets.map((t) => t.number as number))}`;

  const agent = await (await browser.newContext(base)).newPage();
  await signIn(agent, agentEmail);
  await agent.goto("/it?assignee=me");
  const [first, second, third] = tickets.map((t) => t.number as number).sort((a, b) => a - b);
  for (const n of [first, second]) await agent.getByRole("checkbox", { name: `Select ticket #${n}` }).check();
  await agent.getByLabel("Action").selectOption("resolve");
  await agent.getByRole("button", { name: "Apply to 2 tickets" }).click();
  const result = agent.getByRole("status").filter({ hasText: /Done for|Working/ });
  await expect(result).toHaveText("Done for 2 tickets.");

  // The next operation is held back a little on its way to the server, to see it working.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await agent.route("**/it?**", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await agent.getByRole("checkbox", { name: `Select ticket #${third}` }).check();
  await agent.getByLabel("Action").selectOption("resolve");
  await agent.getByRole("button", { name: "Apply to 1 ticket" }).click();
  await expect(agent.getByRole("button", { name: "Working…" })).toBeDisabled();
  await expect(agent.locator("section[aria-busy=true]")).toBeVisible();
  await expect(result).toHaveText("Working…");
  await expect(agent.getByText("Done for 2 tickets.")).toHaveCount(0);
  await expectAccessible(agent);
  release();
  // The list is now empty: the result is still said beside it.
  await expect(agent.getByText("No ticket matches these filters.")).toBeVisible();
  await expect(result).toHaveText("Done for 1 ticket.");
  await expect(agent.getByRole("button", { name: "Working…" })).toHaveCount(0);
});
