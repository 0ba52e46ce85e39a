import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db";
import { asPerson, personOf } from "../support/request-person";
import { createEmployee, seedJourney } from "../support/factories";

vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);

const { requestHelpAction } = await import("@/lib/tickets/actions");
const { submitEligibilityAction } = await import("@/lib/eligibility/actions");
const { noInternetAction } = await import("@/lib/connectivity/actions");

beforeAll(seedJourney);

type Row = { tickets: number; events: number; audits: number };
async function traces(employeeId: string, auditAction: string): Promise<Row> {
  const [row] = (await db().execute(sql`
    select (select count(*)::int from tickets where employee_id = ${employeeId}) as tickets,
           (select count(*)::int from ticket_events ev join tickets t on t.id = ev.ticket_id where t.employee_id = ${employeeId}) as events,
           (select count(*)::int from audit_log where actor_employee_id = ${employeeId} and action = ${auditAction}) as audits`)) as unknown as Row[];
  return row;
}

/** The same submit, `n` times at once (a retry storm, two tabs, a double click), as one person. */
async function burst<T>(n: number, employee: Awaited<ReturnType<typeof createEmployee>>, call: () => Promise<T>): Promise<T[]> {
  const person = personOf(employee);
  return Promise.all(Array.from({ length: n }, () => asPerson(person, call)));
}

describe("an identical submit repeated within two minutes does the work once and answers the same", () => {
  test("20 identical 'I need help' submits: one ticket with the traces of one submit, the same ticket number for all", async () => {
    const input = { category: "device_problem", description: "The laptop does not start at all." };
    const once = await createEmployee();
    await burst(1, once, () => requestHelpAction(input));
    const reference = await traces(once.id, "ticket.help_requested");
    expect(reference).toMatchObject({ tickets: 1, audits: 1 });

    const e = await createEmployee();
    const answers = await burst(20, e, () => requestHelpAction(input));
    expect(answers.every((a) => a.ok)).toBe(true);
    const numbers = new Set(answers.map((a) => (a.ok ? a.data.number : null)));
    expect(numbers.size).toBe(1);
    expect(await traces(e.id, "ticket.help_requested")).toEqual(reference);
  });

  test("20 eligibility submits ending in review: one ticket and the events of one submit", async () => {
    const once = await createEmployee({ jobFamily: "finance" });
    const review = { workFromHome: "yes", confidentialPaper: "yes", onSiteEquipment: "no", homeWorkspace: "yes" };
    const [single] = await burst(1, once, () => submitEligibilityAction(review));
    expect(single).toMatchObject({ ok: true, data: { outcome: "review" } });
    const reference = await traces(once.id, "eligibility.decide");

    const e = await createEmployee({ jobFamily: "finance" });
    const answers = await burst(20, e, () => submitEligibilityAction(review));
    expect(answers.every((a) => a.ok && a.data.outcome === "review")).toBe(true);
    expect(await traces(e.id, "eligibility.decide")).toEqual(reference);
  });

  test("20 'no internet, no 4G' submits: one ticket, one event", async () => {
    const e = await createEmployee({ jobFamily: "finance" });
    await burst(1, e, () => submitEligibilityAction({ workFromHome: "yes", confidentialPaper: "no", onSiteEquipment: "no", homeWorkspace: "yes" }));
    const answers = await burst(20, e, () => noInternetAction({ coverage: "no" }));
    expect(answers.every((a) => a.ok)).toBe(true);
    const row = await traces(e.id, "connectivity.no_internet");
    expect(row.audits).toBe(1);
    expect(row.tickets).toBe(1);
    expect(row.events).toBe(1);
  });

  test("different content is new work, even back to an earlier text: A, B, A are three messages", async () => {
    const e = await createEmployee();
    const person = personOf(e);
    const a = { category: "device_problem", description: "First: the screen stays black." };
    const b = { category: "device_problem", description: "Second: now it beeps three times." };
    for (const input of [a, a, b, a]) expect((await asPerson(person, () => requestHelpAction(input))).ok).toBe(true);

    // What three distinct submits leave, for comparison.
    const other = await createEmployee();
    const c = { category: "device_problem", description: "Third: and now it is warm." };
    for (const input of [a, b, c]) await asPerson(personOf(other), () => requestHelpAction(input));
    expect(await traces(e.id, "ticket.help_requested")).toEqual(await traces(other.id, "ticket.help_requested"));
    expect((await traces(e.id, "ticket.help_requested")).audits).toBe(3);
  });

  test("receipts older than a day are purged; recent ones stay", async () => {
    const { purgeReceipts } = await import("@/lib/auth/receipts");
    await db().execute(sql`insert into action_receipts (actor, action, input_hash, created_at) values ('old', 'x', 'h', now() - interval '2 days'), ('new', 'x', 'h', now())`);
    await purgeReceipts(db());
    const left = (await db().execute(sql`select actor from action_receipts where actor in ('old', 'new')`)) as unknown as { actor: string }[];
    expect(left.map((r) => r.actor)).toEqual(["new"]);
  });

  test("a refused submit leaves no receipt: once corrected, the same content goes through", async () => {
    const e = await createEmployee();
    const person = personOf(e);
    const refused = await asPerson(person, () => requestHelpAction({ category: "device_problem", description: "short" }));
    expect(refused.ok).toBe(false);
    const withNul = await asPerson(person, () => requestHelpAction({ category: "device_problem", description: "Nul \u0000 inside the words" }));
    expect(withNul).toMatchObject({ ok: false, fieldErrors: { description: ["invalidCharacters"] } });
    expect((await asPerson(person, () => requestHelpAction({ category: "device_problem", description: "Now a proper description." }))).ok).toBe(true);
    expect(await traces(e.id, "ticket.help_requested")).toMatchObject({ tickets: 1, audits: 1 });
  });
});
