import { fork } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Tx } from "@/db/client";
import { db } from "@/lib/db";
import { getContact } from "@/lib/roster/queries";
import { noticeEmail } from "@/lib/mail/templates/notice-email";
import { asPerson, personOf } from "../support/request-person";
import { createEligibleEmployees, seedJourney } from "../support/factories";
import { watched } from "./device-critical-section.watch";

// Issue 16 point 3: the pool row lock covers the take-or-queue decision only. A storm through
// the real action keeps every count exact; a retry or a crash leaves nothing behind; and the
// work that does not decide (the contact, the mails, the receipt) happens before the lock.

// Only the session lookup is replaced: each simulated request carries its person.
vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);
const { requestDeviceAction } = await import("@/lib/devices/actions");
const { queuePosition, requestDevice } = await import("@/lib/devices/service");
const { requestDeviceAsAction } = await import("@/lib/devices/request-action");

const observer = postgres(process.env.DATABASE_URL!, { max: 3, onnotice: () => {} });
beforeAll(seedJourney);
afterAll(() => observer.end({ timeout: 5 }));

type Person = Awaited<ReturnType<typeof createEligibleEmployees>>[number];

/** `free` VDI seats (no wave), nobody waiting. */
async function openVdi(free: number) {
  await db().execute(sql`update allocations set status = 'released', released_at = now() where kind = 'vdi_seat' and status = 'waiting'`);
  await db().execute(sql`update resource_pools set capacity = in_use + ${free}, daily_activation_limit = null where kind = 'vdi_seat'`);
}

async function pool(kind: string) {
  const [row] = (await db().execute(sql`
    select p.capacity, p.in_use,
           (select count(*)::int from allocations a where a.pool_id = p.id and a.status in ('reserved', 'issued')) as held,
           (select count(*)::int from allocations a where a.pool_id = p.id and a.status = 'waiting') as waiting,
           coalesce((select sum(used)::int from activation_days d where d.pool_id = p.id), 0) as activations
      from resource_pools p where p.kind = ${kind}`)) as unknown as { capacity: number; in_use: number; held: number; waiting: number; activations: number }[];
  return row;
}

/** What a person left behind: requests, mails, audit rows. */
async function traces(person: Person) {
  const [row] = (await db().execute(sql`
    select (select count(*)::int from allocations where employee_id = ${person.id}) as allocations,
           (select count(*)::int from outbox where to_address = ${person.workEmail}) as mails,
           (select count(*)::int from audit_log where actor_employee_id = ${person.id} and action = 'device.request') as audits`)) as unknown as { allocations: number; mails: number; audits: number }[];
  return row;
}

/** The mail the person should have got, rendered directly. */
async function expectedMail(person: Person, key: "vdiReady" | "deviceWaiting" | "deviceReserved", position?: number) {
  const contact = await getContact(db(), person.id);
  return noticeEmail({ to: contact.address!, locale: contact.locale, firstName: contact.firstName, key, values: position === undefined ? {} : { position }, link: "http://127.0.0.1:3999/device" });
}

/** A transaction handle that logs each statement as it is sent (./device-critical-section.watch). */
const events: string[] = [];
const recorded = (tx: Tx): Tx => watched(tx, { sent: (text) => events.push(text) });

/**
 * A person told "busy" (no connection came free within the action's wait: a loaded machine)
 * sends again, as they would; the refused attempt did nothing (the tests check it).
 */
async function untilAnswered<T extends { ok: boolean; formError?: string }>(send: () => Promise<T>): Promise<T> {
  for (;;) {
    const answer = await send();
    if (answer.ok || answer.formError !== "busy") return answer;
  }
}

const locksPool = (text: string) => /from resource_pools .*for update/.test(text);

describe("the pool lock covers the decision only", () => {
  test("after the pool is locked, the action runs one statement, deciding and writing it all (receipt and audit too); the contact and the mails come before", async () => {
    await openVdi(1);
    for (const expected of ["issued", "waiting"]) {
      const [person] = await createEligibleEmployees(1, { jobFamily: "call_centre_agent" });
      events.length = 0;
      // The action's handler, in a transaction like defineAction's (which then only commits).
      const result = await db().transaction((tx) => requestDeviceAsAction(recorded(tx), person.id, { path: "vdi" }, 120));
      expect(result.status).toBe(expected);
      const locked = events.findIndex(locksPool);
      expect(locked).toBeGreaterThan(0);
      // Only the statement sent with the lock: it decides, and writes the request, the unit, the
      // wave's count, the mail with its position, the receipt's answer and the audit row.
      const underLock = events.slice(locked + 1);
      expect(underLock).toHaveLength(1);
      for (const part of [/count\(\*\).* from allocations/, /insert into allocations/, /update resource_pools set in_use/, /insert into activation_days/, /insert into outbox/, /update action_receipts/, /insert into audit_log/]) {
        expect(underLock[0]).toMatch(part);
      }
      expect(underLock[0]).not.toMatch(/users|employees/);
      expect(events.slice(0, locked).some((e) => /left join users/.test(e))).toBe(true);
      const [audit] = (await db().execute(sql`select target_type, target_id, details from audit_log where actor_employee_id = ${person.id} and action = 'device.request'`)) as unknown as { target_type: string; target_id: string; details: unknown }[];
      expect(audit).toEqual({ target_type: "allocation", target_id: result.allocationId, details: { path: "vdi", status: expected, employeeId: person.id } });
    }
  });

  test("while a request's contact read is held up, nobody holds the pool: another transaction takes its lock at once", async () => {
    await openVdi(5);
    const [person] = await createEligibleEmployees(1, { jobFamily: "call_centre_agent" });
    const stall = await observer.reserve();
    try {
      await stall`begin`;
      await stall`lock table users in access exclusive mode`;
      const pending = db().transaction((tx) => requestDevice(tx, person.id, "vdi"));
      // Wait (by state, not by time) until the request is stuck on the contact read.
      for (;;) {
        const [row] = await observer`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%left join users%'`;
        if (row.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // A lone statement (its own transaction): NOWAIT fails at once if the request holds the row.
      const free = await observer`select id from resource_pools where kind = 'vdi_seat' for update nowait`.then(
        () => true,
        (error: { code?: string }) => {
          if (error.code === "55P03") return false;
          throw error;
        },
      );
      expect(free).toBe(true);
      await stall`commit`;
      expect((await pending).status).toBe("issued");
    } finally {
      await stall`rollback`;
      stall.release();
    }
  });
});

describe("a storm through the real action", () => {
  test("300 people at once for 100 VDI seats: 100 issued, 200 queued 1…200 in the order they were told, one mail and one audit each", async () => {
    await openVdi(100);
    const before = await pool("vdi_seat");
    const people = await createEligibleEmployees(300, { jobFamily: "call_centre_agent" });
    const answers = await Promise.all(people.map((p) => asPerson(personOf(p), () => untilAnswered(() => requestDeviceAction({ path: "vdi" })))));
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const results = answers.map((a) => (a.ok ? a.data : null)!);
    expect(results.filter((r) => r.status === "issued")).toHaveLength(100);
    expect(results.filter((r) => r.status === "waiting")).toHaveLength(200);
    const after = await pool("vdi_seat");
    expect(after).toMatchObject({ in_use: before.in_use + 100, held: before.held + 100, waiting: 200, capacity: before.capacity });
    expect(after.in_use).toBe(after.held);

    const told: number[] = [];
    for (const [i, person] of people.entries()) {
      expect(await traces(person)).toEqual({ allocations: 1, mails: 1, audits: 1 });
      const [mail] = (await db().execute(sql`select subject, text_body as text, html_body as html from outbox where to_address = ${person.workEmail}`)) as unknown as { subject: string; text: string; html: string }[];
      if (results[i].status === "issued") {
        const expected = await expectedMail(person, "vdiReady");
        expect(mail).toEqual({ subject: expected.subject, text: expected.text, html: expected.html });
        continue;
      }
      // The position in the mail is where the person stands once everyone has been answered.
      const position = await queuePosition(db(), results[i].allocationId);
      const expected = await expectedMail(person, "deviceWaiting", position);
      expect(mail).toEqual({ subject: expected.subject, text: expected.text, html: expected.html });
      told.push(position);
    }
    expect(told.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  }, 120_000);

  test("60 people at once for laptops while only 25 VPN licences are free: 25 reserved with their licence, 35 queued", async () => {
    await db().execute(sql`update allocations set status = 'released', released_at = now() where kind = 'laptop' and status = 'waiting'`);
    await db().execute(sql`update resource_pools set capacity = in_use + 40, daily_activation_limit = null where kind = 'laptop'`);
    await db().execute(sql`update resource_pools set capacity = in_use + 25, daily_activation_limit = null where kind = 'vpn_licence'`);
    const people = await createEligibleEmployees(60, { jobFamily: "engineer" });
    const answers = await Promise.all(people.map((p) => asPerson(personOf(p), () => untilAnswered(() => requestDeviceAction({ path: "laptop" })))));
    const statuses = answers.map((a) => (a.ok ? a.data.status : "refused"));
    expect(statuses.filter((s) => s === "reserved")).toHaveLength(25);
    expect(statuses.filter((s) => s === "waiting")).toHaveLength(35);
    const [laptop, vpn] = [await pool("laptop"), await pool("vpn_licence")];
    expect(laptop.in_use).toBe(laptop.held);
    expect(vpn.in_use).toBe(vpn.held);
    expect(vpn.in_use).toBe(vpn.capacity);
    const [licences] = (await db().execute(sql`
      select count(*)::int as n from allocations l join allocations v on v.parent_id = l.id and v.kind = 'vpn_licence' and v.status = 'reserved'
       where l.status = 'reserved' and l.employee_id in ${people.map((p) => p.id)}`)) as unknown as { n: number }[];
    expect(licences.n).toBe(25);
    for (const person of people) expect(await traces(person)).toEqual({ allocations: statuses[people.indexOf(person)] === "reserved" ? 2 : 1, mails: 1, audits: 1 });
  }, 60_000);
});

describe("the waiting mail, rendered before the position is known", () => {
  test("reads exactly as a direct rendering, in every language, whatever the name and the number", async () => {
    const { draftNotice } = await import("@/lib/devices/request-notice");
    for (const locale of ["fr", "de", "en"] as const) {
      for (const firstName of ["Zoé", `O'Brien <b>&amp;</b> {position} {name}`]) {
        for (const position of [1, 37, 1234, 12345]) {
          const contact = { address: "x@work.test", locale, firstName };
          const direct = noticeEmail({ to: contact.address, locale, firstName, key: "deviceWaiting", values: { position }, link: "http://127.0.0.1:3999/device" });
          // The statement fills the placeholder with `position::text`: the number's digits.
          const draft = draftNotice(contact, "deviceWaiting", "/device", true)!;
          const fill = (text: string) => text.replaceAll(draft.placeholder!, String(position));
          expect({ ...draft.message, subject: fill(draft.message.subject), text: fill(draft.message.text), html: fill(draft.message.html) }).toEqual(direct);
        }
        for (const [key, path] of [["vdiReady", "/device"], ["deviceReserved", "/device"], ["devicePromoted", "/device"], ["routerReserved", "/connectivity"]] as const) {
          const direct = noticeEmail({ to: "x@work.test", locale, firstName, key, link: `http://127.0.0.1:3999${path}` });
          expect(draftNotice({ address: "x@work.test", locale, firstName }, key, path, false)).toEqual({ message: direct, placeholder: null });
        }
      }
    }
  });
});

describe("retries and crashes leave no trace", () => {
  test("asking again (double click, retry after the receipt's window) changes nothing", async () => {
    await openVdi(1);
    const [taken, queued] = await createEligibleEmployees(2, { jobFamily: "call_centre_agent" });
    for (const person of [taken, queued]) {
      const first = await asPerson(personOf(person), () => requestDeviceAction({ path: "vdi" }));
      const state = [await pool("vdi_seat"), await traces(person)];
      const clicks = await Promise.all([1, 2, 3].map(() => asPerson(personOf(person), () => requestDeviceAction({ path: "vdi" }))));
      const later = await db().transaction((tx) => requestDevice(tx, person.id, "vdi"));
      for (const again of clicks) expect(again).toEqual(first);
      expect(later).toEqual({ ...(first.ok ? first.data : {}), created: false });
      expect([await pool("vdi_seat"), await traces(person)]).toEqual(state);
    }
  });

  test("a failure after the decision, in the same transaction, rolls everything back (taken or queued)", async () => {
    await openVdi(1);
    const [taker, holder, waiter] = await createEligibleEmployees(3, { jobFamily: "call_centre_agent" });
    const crashed = async (person: Person, status: string) => {
      const before = await pool("vdi_seat");
      let decided = "";
      await expect(
        db().transaction(async (tx) => {
          decided = (await requestDevice(tx, person.id, "vdi")).status;
          throw new Error("crash after the decision");
        }),
      ).rejects.toThrow("crash after the decision");
      expect(decided).toBe(status);
      expect(await pool("vdi_seat")).toEqual(before);
      expect(await traces(person)).toEqual({ allocations: 0, mails: 0, audits: 0 });
    };
    await crashed(taker, "issued");
    expect((await db().transaction((tx) => requestDevice(tx, holder.id, "vdi"))).status).toBe("issued");
    await crashed(waiter, "waiting");
  });

  test("the app process dies right after the unit is taken: no unit, no request, no mail, and the seat is still free", async () => {
    await openVdi(1);
    const [person] = await createEligibleEmployees(1, { jobFamily: "call_centre_agent" });
    const before = await pool("vdi_seat");
    const child = fork(path.join(import.meta.dirname, "device-critical-section.child.ts"), [person.id], { execArgv: ["--import", "tsx"], env: process.env, stdio: "inherit" });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const decided = await new Promise<{ pid: number }>((resolve, reject) => {
      child.once("message", (m) => resolve(m as { pid: number }));
      child.once("exit", (code) => reject(new Error(`the request process ended (${code}) before taking the unit`)));
    });
    // Taken, not committed: the seat is held by the dying request's transaction.
    expect(await observer`select 1 from resource_pools where kind = 'vdi_seat' for update skip locked`).toHaveLength(0);
    child.kill("SIGKILL");
    await exited;
    // PostgreSQL ends the orphaned transaction when it sees the connection gone (a state, not a delay).
    while ((await observer`select 1 from pg_stat_activity where pid = ${decided.pid}`).length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await pool("vdi_seat")).toEqual(before);
    expect(await traces(person)).toEqual({ allocations: 0, mails: 0, audits: 0 });
    // The seat it nearly took is there for the next request.
    expect((await db().transaction((tx) => requestDevice(tx, person.id, "vdi"))).status).toBe("issued");
  }, 60_000);
});
