import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db";
import { asPerson, personOf } from "../support/request-person";
import { createEligibleEmployees, createEmployee, seedJourney } from "../support/factories";

// Issue 13 point 2: "how can IT reach you" on the no-internet and "I need help" forms, stored on
// the ticket; IT sees it on the case card and in the queue row of no-connection tickets; nobody
// but the person and staff ever gets it. The session is the one thing replaced: the wrapper
// (role, zod, audit), the domain code and PostgreSQL run for real.
vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);

const { requestHelpAction } = await import("@/lib/tickets/actions");
const { noInternetAction } = await import("@/lib/connectivity/actions");
const { listOpenTickets } = await import("@/lib/tickets/service");
const { caseSnapshot } = await import("@/lib/onboarding/snapshot");
const { getContactChoice, getReach, phoneOnFile, ticketPhone } = await import("@/lib/contact/queries");
const { plansOf } = await import("./it-queue-scale-seed");
const { listQueue } = await import("@/lib/triage/queries");

beforeAll(seedJourney);

type Person = Awaited<ReturnType<typeof createEmployee>>;
const ticketOf = async (employeeId: string, category: string) =>
  ((await db().execute(sql`select number::int, contact_phone as "contactPhone" from tickets where employee_id = ${employeeId} and category = ${category}`)) as unknown as { number: number; contactPhone: string | null }[])[0];
const help = (person: Person, input: Record<string, unknown>) => asPerson(personOf(person), () => requestHelpAction({ category: "help_request", description: "Nothing works since this morning.", ...input }));

describe("the person gives a phone on the forms", () => {
  test("'I need help': a Swiss number is stored as E.164; asking again about the same thing updates it; emptied, it is removed", async () => {
    const person = await createEmployee();
    expect(await help(person, { phone: "079 123 45 67" })).toMatchObject({ ok: true });
    expect((await ticketOf(person.id, "help_request")).contactPhone).toBe("+41791234567");
    await help(person, { phone: "+33 6 12 34 56 78", description: "Still nothing works, please call." });
    const ticket = await ticketOf(person.id, "help_request");
    expect(ticket.contactPhone).toBe("+33612345678");
    expect((await db().execute(sql`select count(*)::int as n from tickets where employee_id = ${person.id}`))[0]).toEqual({ n: 1 });
    await help(person, { phone: "", description: "I will write instead of being called." });
    expect((await ticketOf(person.id, "help_request")).contactPhone).toBeNull();
  });

  test("a phone that is not one is a field error beside the field, and nothing is raised", async () => {
    const person = await createEmployee();
    for (const [phone, key] of [["abc", "phoneInvalid"], ["079 123 45", "phoneTooShort"], ["079\u0000 123 45 67", "invalidCharacters"]] as const) {
      const result = await help(person, { phone });
      expect(result).toMatchObject({ ok: false, fieldErrors: { phone: [key] } });
    }
    expect(await ticketOf(person.id, "help_request")).toBeUndefined();
  });

  test("no internet and no 4G: the phone goes on the high-priority ticket; with 4G it goes to the courier, read by the same rule", async () => {
    const [person, routed] = await createEligibleEmployees(2);
    const refused = await asPerson(personOf(person), () => noInternetAction({ coverage: "no", phone: "abc" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { phone: ["phoneInvalid"] } });
    expect(await asPerson(personOf(person), () => noInternetAction({ coverage: "no", phone: "0041 79 555 12 34" }))).toMatchObject({ ok: true, data: { outcome: "ticket" } });
    expect((await ticketOf(person.id, "no_connectivity")).contactPhone).toBe("+41795551234");
    // The same problem raised again through "I need help" updates the same ticket's phone.
    await help(person, { category: "no_connectivity", phone: "044 123 45 67", description: "Still no internet here at all." });
    expect((await ticketOf(person.id, "no_connectivity")).contactPhone).toBe("+41441234567");

    const courier = await asPerson(personOf(routed), () => noInternetAction({ coverage: "yes", street: "Rue du Lac 1", postcode: "1003", city: "Lausanne", phone: "call me" }));
    expect(courier).toMatchObject({ ok: false, fieldErrors: { phone: ["phoneInvalid"] } });
  });

  test("the form is prefilled with the phone last given on a ticket, else the roster's", async () => {
    const person = await createEmployee({ phone: "+41211234567" });
    const without = await createEmployee();
    expect(await phoneOnFile(db(), person.id)).toBe("+41211234567");
    expect(await phoneOnFile(db(), without.id)).toBeNull();
    await help(person, { phone: "079 123 45 67" });
    expect(await phoneOnFile(db(), person.id)).toBe("+41791234567");
    expect(await ticketPhone(db(), person.id, "help_request")).toBe("+41791234567");
    // The status page reads it with the person's addresses, in the one statement its contact card, promise and help form share.
    expect(await plansOf(() => getContactChoice(db(), person.id))).toHaveLength(1);
    expect(await getContactChoice(db(), person.id)).toMatchObject({ address: person.workEmail, phone: "+41791234567" });
    expect(await getContactChoice(db(), without.id)).toMatchObject({ address: without.workEmail, phone: null });
  });
});

describe("IT sees it; no other employee does", () => {
  test("the case card's 'how to reach' and the queue row of a no-connection ticket carry the phone", async () => {
    const [person] = await createEligibleEmployees(1, { phone: "+41311234567" });
    const agent = await createEmployee();
    await asPerson(personOf(person), () => noInternetAction({ coverage: "no", phone: "079 555 12 34" }));
    const { number } = await ticketOf(person.id, "no_connectivity");
    expect(await getReach(db(), personOf(agent, ["employee", "it_agent"]), number)).toEqual({ address: person.workEmail, phone: "+41795551234", rosterPhone: "+41311234567" });
    expect(await getReach(db(), personOf(agent, ["employee", "admin"]), number)).toMatchObject({ phone: "+41795551234" });

    const { rows } = await listQueue({ q: person.number }, agent.id);
    expect(rows.map((r) => [r.number, r.phone])).toEqual([[number, "+41795551234"]]);
    // Other categories keep their row as it was: the phone is on the case card.
    await help(person, { category: "device_problem", phone: "079 555 12 34", description: "The screen stays black." });
    const both = await listQueue({ q: person.number }, agent.id);
    expect(both.rows.map((r) => [r.category, r.phone]).sort()).toEqual([["device_problem", null], ["no_connectivity", "+41795551234"]]);
  });

  test("the person gets their own phone back; another employee gets it from no query", async () => {
    const [person] = await createEligibleEmployees(1, { phone: "+41311234567" });
    const other = await createEmployee();
    const hr = await createEmployee();
    await asPerson(personOf(person), () => noInternetAction({ coverage: "no", phone: "079 555 12 34" }));
    const { number } = await ticketOf(person.id, "no_connectivity");

    expect(await getReach(db(), personOf(person), number)).toMatchObject({ phone: "+41795551234" });
    expect((await listOpenTickets(db(), person.id)).map((t) => t.contactPhone)).toEqual(["+41795551234"]);

    // Another employee, or staff whose role is not IT, gets nothing about this ticket.
    expect(await getReach(db(), personOf(other), number)).toBeNull();
    expect(await getReach(db(), personOf(hr, ["employee", "hr"]), number)).toBeNull();
    const theirs = JSON.stringify([await listOpenTickets(db(), other.id), await phoneOnFile(db(), other.id), await ticketPhone(db(), other.id, "no_connectivity"), await caseSnapshot(db(), other.id)]);
    expect(theirs).not.toMatch(/795551234|311234567/);
    // The ticket's attached case and its audit trail do not copy the number either.
    const trails = JSON.stringify(await db().execute(sql`
      select t.snapshot, (select json_agg(a.details) from audit_log a where a.actor_employee_id = ${person.id}) as audits,
             (select json_agg(ev.body) from ticket_events ev where ev.ticket_id = t.id) as events
        from tickets t where t.number = ${number}`));
    expect(trails).not.toMatch(/795551234|311234567/);
  });
});
