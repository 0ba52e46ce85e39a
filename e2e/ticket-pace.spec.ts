import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { agent, agentPage, person, roster, staleRefusal, ticket } from "./ticket-setup";

// Issue 15 "done when": an agent resolves ten prepared tickets with canned replies, keyboard only.
// The spec counts what the agent does per ticket (at most three actions: open, canned reply,
// resolve; landing on the next ticket of the list is the page's doing) and checks that no
// stale-form refusal ever shows. It never measures time.

/** Waits until the ticket page's keys work (hydrated), so no key press is lost and none needs repeating. */
async function keysReady(page: Page, number: number) {
  await expect(page).toHaveURL(new RegExp(`/it/tickets/${number}\\?`));
  await expect(page.locator('nav[data-keys="ready"]')).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${number} ·`);
}

test("ten tickets, keyboard only: open, canned reply, resolve, and on to the next of the list", async ({ browser, sql }) => {
  const me = await agent(sql, roster.paceAgent);
  const people = await Promise.all(Array.from({ length: 10 }, (_, i) => person(sql, roster.pace + i)));
  const numbers: number[] = [];
  // Assigned to this agent, due one hour apart: the order of "Mine" in the queue.
  for (const [i, who] of people.entries()) numbers.push(await ticket(sql, who.id, `Ticket ${i + 1}: the VPN client refuses to connect at home.`, { category: "vpn_blocked", assignee: me.id, slaHours: i + 1 }));

  const page = await agentPage(browser, me.email);
  await page.goto("/it?assignee=me");
  await expect(page.getByRole("link", { name: `#${numbers[0]}`, exact: true })).toBeVisible();
  await page.waitForLoadState("networkidle");

  const actions = new Map<number, string[]>(numbers.map((n) => [n, []]));
  const keys = new Map<number, string[]>(numbers.map((n) => [n, []]));
  const press = async (number: number, action: string | null, key: string) => {
    if (action) actions.get(number)!.push(action);
    keys.get(number)!.push(key);
    await page.keyboard.press(key);
  };

  // Open: the queue's first row (j) and Enter — one action, two keys.
  await press(numbers[0], "open", "j");
  await expect(page.getByRole("link", { name: `#${numbers[0]}`, exact: true })).toBeFocused();
  await press(numbers[0], null, "Enter");

  for (const [i, number] of numbers.entries()) {
    await keysReady(page, number);
    await expect(page.getByText(`Ticket ${i + 1}: the VPN client refuses to connect at home.`)).toBeVisible();
    // The first canned reply ("Use the SSL VPN profile"), in this person's language, filled in.
    await press(number, "canned reply", "1");
    await expect(page.getByLabel("Public reply")).toHaveValue(new RegExp(`${people[i].firstName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\s\\S]*${number}`));
    await press(number, "resolve", "d");
    if (i < numbers.length - 1) {
      await keysReady(page, numbers[i + 1]);
      await expect(page.getByText(`Ticket #${number} is resolved`)).toBeVisible();
    }
    await expect(page.getByText(staleRefusal)).toHaveCount(0);
  }
  // After the last one, the list is empty: back on the queue with its filter.
  await expect(page).toHaveURL(/\/it\?assignee=me$/);

  for (const number of numbers) expect(actions.get(number)!.length, `actions on #${number}: ${actions.get(number)!.join(", ")}`).toBeLessThanOrEqual(3);
  expect([...keys.values()].flat().length).toBeLessThanOrEqual(3 * numbers.length);

  const rows = await sql`
    select t.number::int, t.status, e.first_name as "firstName",
           (select count(*)::int from ticket_events v where v.ticket_id = t.id and v.kind = 'reply') as replies,
           (select body from ticket_events v where v.ticket_id = t.id and v.kind = 'reply') as reply
      from tickets t join employees e on e.id = t.employee_id where t.number in ${sql(numbers)} order by t.number`;
  for (const row of rows) {
    expect(row.status, `#${row.number}`).toBe("resolved");
    expect(row.replies).toBe(1);
    expect(row.reply).toContain(row.firstName as string);
    expect(row.reply).toMatch(/SSL/);
  }
});
