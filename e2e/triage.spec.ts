import { demo, expect, expectAccessible, officeWorkers, signIn, test } from "./fixtures";

test.describe("IT triage queue", () => {
  test("a ticket from the journey is claimed and answered; the employee answers and it reopens", async ({ browser, sql }) => {
    const [employeeEmail] = await officeWorkers(sql, 1, 50);
    const [person] = await sql`select number, first_name || ' ' || last_name as name from employees where work_email = ${employeeEmail}`;
    const base = { baseURL: process.env.E2E_BASE_URL, locale: "en-GB" };

    const employee = await (await browser.newContext(base)).newPage();
    await signIn(employee, employeeEmail);
    await employee.getByText("I need help").click();
    await employee.getByLabel("What happens?").fill("My VPN client says the certificate is invalid.");
    await employee.getByRole("button", { name: "Send to IT" }).click();
    const sent = await employee.getByText(/Request #\d+ sent to IT\./).innerText();
    const number = Number(sent.match(/#(\d+)/)![1]);

    const agent = await (await browser.newContext(base)).newPage();
    await signIn(agent, demo.it);
    await expect(agent).toHaveURL(/\/it$/);
    await agent.getByLabel("Search: name, employee number, e-mail or ticket number").fill(person.number as string);
    await agent.getByRole("button", { name: "Show" }).click();
    await expect(agent.getByRole("link", { name: `#${number}` })).toBeVisible();
    await expectAccessible(agent);
    await agent.getByRole("link", { name: `#${number}` }).click();
    await expect(agent.getByRole("heading", { level: 1, name: `#${number} · ${person.name}` })).toBeVisible();
    await expect(agent.getByText("My VPN client says the certificate is invalid.")).toBeVisible();
    await agent.getByRole("button", { name: "Claim this ticket" }).click();
    await expect(agent.getByText("Assigned to Marco Demo.")).toBeVisible();
    await agent.getByLabel("Public reply").fill("Please install the new certificate from the IT page, then try again.");
    await agent.getByRole("button", { name: "Send the reply" }).click();
    await expect(agent.getByText("Waiting for employee", { exact: false }).first()).toBeVisible();
    await expectAccessible(agent);

    await employee.goto("/");
    await expect(employee.getByText("Please install the new certificate from the IT page, then try again.")).toBeVisible();
    await employee.getByLabel(`Your answer to request #${number}`).fill("Done, but it still fails.");
    await employee.getByRole("button", { name: "Send my answer" }).click();
    await expect(employee.getByText("Done, but it still fails.")).toBeVisible();

    await agent.reload();
    await expect(agent.getByText(/In progress/).first()).toBeVisible();
    await expect(agent.getByText(/reopened/)).toBeVisible();
    await expect(agent.getByText("Done, but it still fails.")).toBeVisible();
  });

  test("an incident answers and resolves several tickets at once", async ({ browser, sql }) => {
    const people = await officeWorkers(sql, 3, 60);
    const base = { baseURL: process.env.E2E_BASE_URL, locale: "en-GB" };
    for (const email of people) {
      const page = await (await browser.newContext(base)).newPage();
      await signIn(page, email);
      await page.goto("/token");
      await page.getByRole("button", { name: "Ask IT for help with my token" }).click();
      await expect(page.getByText(/Request #\d+ sent to IT\./)).toBeVisible();
      await page.context().close();
    }

    const agent = await (await browser.newContext(base)).newPage();
    await signIn(agent, demo.it);
    await agent.getByRole("link", { name: "Incidents: one cause, many people" }).click();
    const suggestion = agent.getByText(/Sign-in token: \d+ open tickets/);
    await expect(suggestion).toBeVisible();
    await expectAccessible(agent);
    await agent.getByRole("button", { name: /Group \d+ tickets into an incident/ }).click();
    const incident = agent.getByRole("article").filter({ hasText: "Sign-in token" }).first();
    await expect(incident).toContainText(/\d+ open of \d+/);
    await incident.getByLabel(/Reply to the \d+ open tickets/).fill("The token server was down; it works again. Please try once more.");
    await incident.getByRole("button", { name: "Send to everyone" }).click();
    await expect(agent.getByText(/Sent to \d+ tickets\./)).toBeVisible();

    const resolved = await sql`
      select count(*)::int as n from tickets t join employees e on e.id = t.employee_id
       where e.work_email in ${sql(people)} and t.category = 'token_problem' and t.status = 'resolved'`;
    expect(resolved[0].n).toBe(3);
  });

  test("employees cannot reach the queue", async ({ page }) => {
    await signIn(page, demo.employee);
    for (const path of ["/it", "/it/incidents", "/it/tickets/1"]) expect((await page.goto(path))?.status()).toBe(403);
  });
});
