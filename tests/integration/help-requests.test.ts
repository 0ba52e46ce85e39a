import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { listOpenTickets, raiseTicket, requestHelp } from "@/lib/tickets/service";
import { createEmployee, seedJourney } from "../support/factories";

beforeAll(seedJourney);

test("asking twice about the same thing adds to one ticket; the employee sees their messages and IT's public replies, never internal notes", async () => {
  const person = await createEmployee();
  const other = await createEmployee();
  const first = await db().transaction((tx) => requestHelp(tx, person.id, { category: "device_problem", description: "The laptop does not start." }));
  const second = await db().transaction((tx) => requestHelp(tx, person.id, { category: "device_problem", description: "Still black screen <b>today</b>." }));
  expect(second.number).toBe(first.number);
  const [ticket] = (await db().execute(sql`select id from tickets where number = ${first.number}`)) as unknown as { id: string }[];
  await db().execute(sql`insert into ticket_events (ticket_id, kind, public, body) values (${ticket.id}, 'note', false, 'internal: charger missing'), (${ticket.id}, 'reply', true, 'We send you a new charger.')`);
  await db().transaction((tx) => raiseTicket(tx, { employeeId: other.id, category: "device_problem", summary: "x" }));

  const mine = await listOpenTickets(db(), person.id);
  expect(mine).toHaveLength(1);
  expect(mine[0].replies.map((r) => [r.fromEmployee, r.body])).toEqual([
    [true, "The laptop does not start."],
    [true, "Still black screen <b>today</b>."],
    [false, "We send you a new charger."],
  ]);
  const theirs = await listOpenTickets(db(), other.id);
  expect(theirs.flatMap((t) => t.replies)).toEqual([]);
});
