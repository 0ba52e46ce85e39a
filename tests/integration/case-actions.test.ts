import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { requestDevice } from "@/lib/devices/service";
import { assignSerialFor, grantPriorityFor, markEligibilityReviewed, sendSignInLinkFor } from "@/lib/triage/case-actions";
import { getCaseSteps } from "@/lib/onboarding/queries";
import { raiseTicket } from "@/lib/tickets/service";
import { createEligibleEmployees, createEmployee, seedJourney } from "../support/factories";
import { inTransaction } from "../support/in-transaction";
import { refusal } from "../support/refusal";

const tx = inTransaction;

beforeAll(seedJourney);

test("queue priority puts a person ahead of everyone waiting and promotes when a unit frees", async () => {
  await db().execute(sql`update resource_pools set capacity = in_use, daily_activation_limit = null where kind = 'vdi_seat'`);
  const [first, second, urgent] = await createEligibleEmployees(3);
  for (const p of [first, second, urgent]) await tx((t) => requestDevice(t, p.id, "vdi"));
  const ticket = await tx((t) => raiseTicket(t, { employeeId: urgent.id, category: "device_problem", summary: "urgent" }));
  const agent = await createEmployee();
  // The ticket page shows the person's place in the queue, the same as their own page.
  const { getTicketDetail } = await import("@/lib/triage/queries");
  const { getDeviceOverview } = await import("@/lib/devices/queries");
  const before = (await getTicketDetail(ticket.number))!.device!;
  expect(before).toMatchObject({ kind: "vdi_seat", status: "waiting" });
  expect(before.position).toBe((await getDeviceOverview(urgent.id)).request!.position);
  expect(await tx((t) => grantPriorityFor(t, agent.id, ticket.number))).toEqual({ promoted: 0 });
  expect((await getTicketDetail(ticket.number))!.device!.position).toBe(1);
  await db().execute(sql`update resource_pools set capacity = in_use + 1 where kind = 'vdi_seat'`);
  const { promoteAllQueues } = await import("@/lib/devices/service");
  await tx((t) => promoteAllQueues(t));
  expect((await getCaseSteps(urgent.id)).device).toBe("issued");
  expect((await getCaseSteps(first.id)).device).toBe("waiting");
  expect(await refusal(tx((t) => grantPriorityFor(t, agent.id, ticket.number)))).toBe("notWaiting");
});

test("serials, eligibility reviews and sign-in links act on the ticket's own employee and leave a trail", async () => {
  const person = await createEmployee({ workEmail: null, privateEmail: "only.private@home.test" });
  const other = await createEmployee();
  const agent = await createEmployee();
  const ticket = await tx((t) => raiseTicket(t, { employeeId: person.id, category: "eligibility_review", summary: "review" }));

  await tx((t) => assignSerialFor(t, agent.id, ticket.number, "TA-100003"));
  const otherTicket = await tx((t) => raiseTicket(t, { employeeId: other.id, category: "token_problem", summary: "x" }));
  expect(await refusal(tx((t) => assignSerialFor(t, agent.id, otherTicket.number, "TA-100003")))).toBe("serialUnavailable");

  await tx((t) => markEligibilityReviewed(t, agent.id, ticket.number, "eligible"));
  expect((await getCaseSteps(person.id)).eligibility).toBe("eligible");

  expect(await refusal(tx((t) => sendSignInLinkFor(t, agent.id, ticket.number, "work")))).toBe("noSuchAddress");
  await tx((t) => sendSignInLinkFor(t, agent.id, ticket.number, "private"));
  const mails = (await db().execute(sql`select links from outbox where to_address = 'only.private@home.test' and links::text like '%/signin/confirm%'`)) as unknown as { links: string[] }[];
  expect(mails).toHaveLength(1);
  expect(mails[0].links[0]).toMatch(/\/signin\/confirm\?token=[0-9a-f]{64}&email=only.private%40home.test/);

  const events = (await db().execute(sql`select kind from ticket_events where ticket_id = ${ticket.id} order by id`)) as unknown as { kind: string }[];
  // The decision ends the review ticket (status), with no second mail: the decision mail answers it.
  expect(events.map((e) => e.kind)).toEqual(["opened", "serial_assigned", "eligibility_reviewed", "status", "sign_in_link_sent"]);
});
