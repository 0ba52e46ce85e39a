import { answerEligibility, expect, expectAccessible, expectNoSidewaysScroll, mailbox, officeWorkers, signIn, test, demo } from "./fixtures";
import { agentPage } from "./ticket-setup";

// Issue 17 point 4 as the person and HR see it: answers that need a review tell the person who
// decides and by when; HR decides in its review queue; the person's page and mailbox then have
// the answer. Own person: the office worker at offset 8 of the demo roster.

test("a person under review sees who decides and by when, then the decision", async ({ browser, page, sql, request }) => {
  const [person] = await officeWorkers(sql, 1, 8);
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, person);
  await answerEligibility(page, { confidentialPaper: "Yes" });
  await expect(page.getByText("Your situation needs a closer look")).toBeVisible();

  // The status page: HR decides, by the review ticket's due time (two working days, 17:00 in Zurich).
  await page.goto("/");
  const [ticket] = await sql<{ number: number; due: Date }[]>`
    select t.number::int as number, t.sla_due_at as due from tickets t join employees e on e.id = t.employee_id
     where e.work_email = ${person} and t.category = 'eligibility_review' and t.status not in ('resolved', 'closed')`;
  const due = new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Zurich" }).format(ticket.due);
  await expect(page.getByText(`HR decides on your situation by ${due}`)).toBeVisible();
  expect(due).toContain("5:00");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // HR, whom the person was told decides, finds the review in its queue and decides it there.
  const [{ name }] = await sql<{ name: string }[]>`select first_name || ' ' || last_name as name from employees where work_email = ${person}`;
  const hr = await agentPage(browser, demo.hr);
  await hr.goto("/hr");
  await hr.getByRole("link", { name: /^Eligibility reviews: \d+ waiting/ }).click();
  await expect(hr.getByRole("heading", { level: 1, name: "Eligibility reviews" })).toBeVisible();
  const row = hr.getByRole("row").filter({ hasText: name });
  await expectAccessible(hr);
  await row.getByRole("button", { name: `${name} can telework` }).click();
  await expect(row.getByRole("status")).toHaveText(`Decision recorded for ${name}: Can telework. They have been told by e-mail.`);
  await hr.context().close();

  // The person has the decision, on the page and by mail.
  await page.reload();
  await expect(page.getByText("HR decides on your situation by")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Choose my device" })).toBeVisible();
  // In the language on file for them (French for this roster), whatever the browser reads.
  await expect.poll(async () => (await mailbox(request, person)).map((m) => m.subject)).toContain("Décision : vous pouvez travailler à domicile");
});
