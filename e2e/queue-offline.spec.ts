import type { Page } from "@playwright/test";
import type postgres from "postgres";
import { expect, signIn, test } from "./fixtures";
import { agent, person } from "./ticket-setup";

// The queue refreshes itself every 20 s. A refresh that gets no answer made Next fall back to
// reloading the whole page: with the link lost, or the instance restarting, the agent got the
// browser's error page instead of the queue, and lost the tickets they had selected.
// Own people: offsets 10 (the agent) and 11, 12 of the office workers, used by no other spec.

async function ticketFor(sql: postgres.Sql, employeeId: string, agentId: string): Promise<number> {
  const [row] = await sql`
    insert into tickets (employee_id, category, summary, snapshot, assignee_employee_id, status)
    values (${employeeId}, 'device_problem', 'queue offline', '{}'::jsonb, ${agentId}, 'in_progress') returning number::int`;
  return row.number as number;
}

const queueHeading = (page: Page) => page.getByRole("heading", { level: 1, name: "IT queue" });

test("the queue's own refresh waits for an answer: no error page, the selection kept, and it resumes", async ({ page, sql }) => {
  const me = await agent(sql, 10);
  const [first, second] = [await person(sql, 11), await person(sql, 12)];
  const selected = await ticketFor(sql, first.id, me.id);
  await signIn(page, me.email);
  await page.clock.install();
  await page.goto("/it?assignee=me");
  const box = page.getByRole("checkbox", { name: `Select ticket #${selected}` });
  await box.check();

  // The instance is gone (the browser itself is online): every request is refused.
  await page.route("**/*", (route) => route.abort("connectionrefused"));
  await page.clock.runFor(45_000);
  await expect(queueHeading(page)).toBeVisible();
  await expect(box).toBeChecked();

  // The link itself is lost.
  await page.unroute("**/*");
  await page.context().setOffline(true);
  await page.clock.runFor(45_000);
  await expect(queueHeading(page)).toBeVisible();
  await expect(box).toBeChecked();

  // Back: the next refresh shows what came in meanwhile.
  await page.context().setOffline(false);
  const later = await ticketFor(sql, second.id, me.id);
  await page.clock.runFor(25_000);
  await expect(page.getByRole("checkbox", { name: `Select ticket #${later}` })).toBeVisible();
  await expect(box).toBeChecked();
});
