import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { CurrentPerson } from "@/lib/roster/queries";
import { db } from "@/lib/db";
import { createEligibleEmployees, createEmployee, grantRole, seedJourney } from "../support/factories";
import { inTransaction } from "../support/in-transaction";
import { refused } from "../support/refusal";

// The session is the one thing replaced (for the action): everything behind it is real.
const current: { person: CurrentPerson | null } = { person: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentPerson: async () => current.person }));

const { passerelleAdapter } = await import("@/lib/auth/adapter");
const { hashVerificationToken, issueSignInLink } = await import("@/lib/auth/sign-in-link");
const { getContact } = await import("@/lib/roster/queries");
const { chooseContactAddressAction } = await import("@/lib/roster/contact-actions");
const { requestDevice } = await import("@/lib/devices/service");
const { requestHelp } = await import("@/lib/tickets/service");
const { bulkUpdate, claimTicket, replyToTicket } = await import("@/lib/triage/service");
const { returnMonth } = await import("@/lib/rht/periods");
const { createWave, sendDueInvitations } = await import("@/lib/roster/waves");

beforeAll(seedJourney);

/** Signs in exactly as next-auth does with a mailed link: the token is used once, through the adapter. */
async function signInWith(address: string) {
  expect(await inTransaction((tx) => issueSignInLink(tx, { identifier: address }))).toBe(true);
  const [mail] = (await db().execute(sql`select links from outbox where to_address = ${address} order by id desc limit 1`)) as unknown as { links: string[] }[];
  const token = new URL(mail.links[0]).searchParams.get("token")!;
  const used = await passerelleAdapter().useVerificationToken!({ identifier: address, token: hashVerificationToken(token) });
  expect(used?.identifier).toBe(address);
}

const lastMailId = async () => ((await db().execute(sql`select coalesce(max(id), 0)::int as id from outbox`)) as unknown as { id: number }[])[0].id;
const mailsSince = async (id: number) => (await db().execute(sql`select to_address as "to", subject from outbox where id > ${id} order by id`)) as unknown as { to: string; subject: string }[];

const as = (e: { id: string; number: string; firstName: string; lastName: string }) => {
  current.person = { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: "", locale: "en", language: "en", roles: ["employee"] };
};

/** Every kind of mail the portal writes to a person about their case, each from its real domain function. */
async function everyKindOfMail(employeeId: string): Promise<string[]> {
  const before = await lastMailId();
  const agent = await createEmployee();
  await grantRole(agent.id, "it_agent");
  await inTransaction((tx) => requestDevice(tx, employeeId, "laptop")); // device reserved / queued
  const { number } = await inTransaction((tx) => requestHelp(tx, employeeId, { category: "help_request", description: "Nothing works" })); // IT has your request
  const { version } = await inTransaction((tx) => claimTicket(tx, agent.id, number));
  await inTransaction((tx) => replyToTicket(tx, agent.id, number, "Please restart.", version)); // IT's reply
  await inTransaction((tx) => bulkUpdate(tx, agent.id, randomUUID(), [number], { kind: "resolve" })); // resolution
  await db().execute(sql`insert into timesheet_months (employee_id, month, status, submitted_at) values (${employeeId}, '2026-10-01', 'submitted', now())`);
  await inTransaction((tx) => returnMonth(tx, employeeId, "2026-10")); // month given back
  const mails = await mailsSince(before);
  expect(mails.length).toBeGreaterThanOrEqual(5);
  return [...new Set(mails.map((m) => m.to))];
}

describe("the contact address", () => {
  test("until the first sign-in mail goes to the work address, else the private one", async () => {
    const both = await createEmployee({ workEmail: "both.never@work.test", privateEmail: "both.never@home.test" });
    const home = await createEmployee({ workEmail: null, privateEmail: "only.home@home.test" });
    expect((await getContact(db(), both.id)).address).toBe("both.never@work.test");
    expect((await getContact(db(), home.id)).address).toBe("only.home@home.test");
  });

  test("signed in with the private address: every mail goes there, the sign-in link to the address typed", async () => {
    const [person] = await createEligibleEmployees(1, { workEmail: "anna.home@work.test", privateEmail: "Anna@Home.test" });
    await signInWith("anna@home.test");
    // The address on file, as spelled there.
    expect((await getContact(db(), person.id)).address).toBe("Anna@Home.test");
    expect(await everyKindOfMail(person.id)).toEqual(["Anna@Home.test"]);
  });

  test("chosen on the status page, it holds: a later sign-in with the other address does not change it", async () => {
    const [person] = await createEligibleEmployees(1, { workEmail: "ben.chooses@work.test", privateEmail: "ben@home.test" });
    await signInWith("ben@home.test");
    as(person);
    expect(await chooseContactAddressAction({ address: "ben.chooses@work.test" })).toEqual({ ok: true, data: { address: "ben.chooses@work.test" } });
    await signInWith("ben@home.test");
    expect((await getContact(db(), person.id)).address).toBe("ben.chooses@work.test");
    expect(await everyKindOfMail(person.id)).toEqual(["ben.chooses@work.test"]);
    const [audit] = (await db().execute(sql`select details from audit_log where action = 'employee.contact_address' and target_id = ${person.id}`)) as unknown as { details: { which: string } }[];
    expect(audit.details).toEqual({ which: "work" });
  });

  test("without a choice, the last sign-in decides", async () => {
    const person = await createEmployee({ workEmail: "cleo.last@work.test", privateEmail: "cleo@home.test" });
    await signInWith("cleo@home.test");
    expect((await getContact(db(), person.id)).address).toBe("cleo@home.test");
    await signInWith("cleo.last@work.test");
    expect((await getContact(db(), person.id)).address).toBe("cleo.last@work.test");
  });

  test("an unused, expired or wrong link changes nothing", async () => {
    const person = await createEmployee({ workEmail: "dan.wrong@work.test", privateEmail: "dan@home.test" });
    expect(await inTransaction((tx) => issueSignInLink(tx, { identifier: "dan@home.test" }))).toBe(true);
    expect(await passerelleAdapter().useVerificationToken!({ identifier: "dan@home.test", token: hashVerificationToken("0".repeat(64)) })).toBeNull();
    expect((await getContact(db(), person.id)).address).toBe("dan.wrong@work.test");
  });

  test("an address the roster import changed or removed is never used: back to the default", async () => {
    const person = await createEmployee({ workEmail: "eve.moved@work.test", privateEmail: "eve@home.test" });
    await signInWith("eve@home.test");
    await db().execute(sql`update employees set private_email = 'eve.new@home.test' where id = ${person.id}`);
    expect((await getContact(db(), person.id)).address).toBe("eve.moved@work.test");
    await db().execute(sql`update employees set work_email = null where id = ${person.id}`);
    expect((await getContact(db(), person.id)).address).toBe("eve.new@home.test");
  });

  test("an invitation wave writes to the contact address", async () => {
    const [unit] = (await db().execute(sql`insert into org_units (code, name) values ('CONTACT', 'Contact unit') returning id`)) as unknown as { id: string }[];
    const person = await createEmployee({ workEmail: "fay.wave@work.test", privateEmail: "fay@home.test", orgUnitId: unit.id });
    // A contact address set without a sign-in (e.g. by a later roster feature) is still the one used.
    await db().execute(sql`update employees set contact_email = 'fay@home.test', contact_email_chosen_at = now() where id = ${person.id}`);
    const admin = await createEmployee();
    const text = { subject: "Welcome {firstName}", body: "Sign in: {link}" };
    await inTransaction((tx) => createWave(tx, admin.id, { name: "Contact", siteId: "", orgUnitId: unit.id, perDay: 10, template: { fr: text, de: text, en: text } }));
    const before = await lastMailId();
    await inTransaction((tx) => sendDueInvitations(tx));
    expect((await mailsSince(before)).map((m) => m.to)).toEqual(["fay@home.test"]);
  });

  test("every mail to a person goes through getContact: no other code picks an address", () => {
    // A new mail path must use notifyEmployee (or getContact); the files allowed to address mail themselves:
    const allowed = new Set([
      "lib/mail/outbox.ts", // defines enqueueEmail
      "lib/mail/notify.ts", // getContact
      "lib/roster/waves.ts", // contactAddressSql, the same rule as getContact, for a whole wave
      "lib/devices/deliveries.ts", // contactAddressSql (lib/devices/queue-dates.ts), the same rule, for a whole queue whose dates moved
      "lib/auth/sign-in-link.ts", // the sign-in link goes to the address typed
      "lib/admin/crisis-summary.ts", // staff recipients from the settings, not a person on the roster
      "db/seed/crisis-tickets.ts", // the crisis data set's history of mails already sent (bench and demo), never delivered
    ]);
    const root = path.resolve(import.meta.dirname, "../..");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(tsx?|mjs)$/.test(name)) files.push(path.relative(root, full));
      }
    };
    for (const dir of ["lib", "app", "components", "db", "scripts"]) walk(path.join(root, dir));
    const senders = files.filter((f) => /\benqueueEmail\s*\(|insert into outbox|insert\(outbox\)/i.test(readFileSync(path.join(root, f), "utf8")));
    expect(senders.filter((f) => !allowed.has(f))).toEqual([]);
  });
});

describe("choosing the contact address", () => {
  test("only an address on file of one's own; anything else is a field error and changes nothing", async () => {
    const me = await createEmployee({ workEmail: "gil.me@work.test", privateEmail: "gil@home.test" });
    await createEmployee({ workEmail: "hal.other@work.test", privateEmail: "hal@home.test" });
    current.person = null;
    expect(await chooseContactAddressAction({ address: "gil@home.test" })).toEqual(refused("unauthenticated"));
    as(me);
    for (const address of ["hal@home.test", "hal.other@work.test", "stranger@evil.test"]) {
      expect(await chooseContactAddressAction({ address })).toEqual(refused("invalidInput", { address: ["contactAddressNotOnFile"] }));
    }
    for (const address of ["", "not an address", "x".repeat(400) + "@a.test"]) {
      const result = await chooseContactAddressAction({ address });
      expect(result.ok).toBe(false);
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toEqual(["address"]);
    }
    expect((await getContact(db(), me.id)).address).toBe("gil.me@work.test");
    // Case and spaces do not matter; the address on file is what is kept.
    expect(await chooseContactAddressAction({ address: "  GIL@home.test " })).toEqual({ ok: true, data: { address: "gil@home.test" } });
    expect((await getContact(db(), me.id)).address).toBe("gil@home.test");
  });
});
