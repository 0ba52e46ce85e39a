import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, outbox, verificationTokens } from "@/db/schema";
import { hashVerificationToken, isSignInLinkValid, issueSignInLink } from "@/lib/auth/sign-in-link";
import { db } from "@/lib/db";
import { findActiveEmployeeByEmail } from "@/lib/roster/queries";
import { createEmployee } from "../support/factories";
import { inTransaction } from "../support/in-transaction";

const callbackUrl = "http://127.0.0.1:3999/it";

async function mailsTo(address: string) {
  return db().select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(outbox.id);
}

async function tokensOf(address: string) {
  return db().select().from(verificationTokens).where(eq(verificationTokens.identifier, address));
}

/** The raw token of a mailed link, as the person's browser would send it back. */
const tokenIn = (link: string) => new URL(link).searchParams.get("token")!;

const issue = (identifier: string, requestedAt?: Date) => inTransaction((tx) => issueSignInLink(tx, { identifier, callbackUrl, requestedAt }));

describe("issueSignInLink", () => {
  test("a work address on file gets one token and one mail, linking to the confirmation page", async () => {
    const person = await createEmployee({ workEmail: "Marie.Curie@Work.test", language: "de" });
    expect(await issue("marie.curie@work.test")).toBe(true);

    const mails = await mailsTo("marie.curie@work.test");
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Ihr Anmeldelink für Passerelle");
    expect(mails[0].links).toHaveLength(1);
    const token = tokenIn(mails[0].links[0]);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(mails[0].links[0]).toBe(
      `http://127.0.0.1:3999/signin/confirm?token=${token}&email=marie.curie%40work.test&callbackUrl=http%3A%2F%2F127.0.0.1%3A3999%2Fit`,
    );
    const tokens = await tokensOf("marie.curie@work.test");
    expect(tokens).toHaveLength(1);
    expect(tokens[0].token).toBe(hashVerificationToken(token));
    expect(tokens[0].token).not.toContain(token);
    // Ten minutes from the request, by the database's clock.
    expect(Math.abs(tokens[0].expires.getTime() - Date.now() - 600_000)).toBeLessThan(30_000);
    const audits = await db().select().from(auditLog).where(eq(auditLog.targetId, person.id));
    expect(audits.map((a) => a.action)).toEqual(["auth.link_requested"]);
  });

  test("a private address on file works too", async () => {
    await createEmployee({ workEmail: null, privateEmail: "home.person@private.test" });
    expect(await issue("home.person@private.test")).toBe(true);
    expect(await mailsTo("home.person@private.test")).toHaveLength(1);
  });

  test.each([
    ["an unknown address", "stranger@nowhere.test", {}],
    ["a deactivated employee", "gone@work.test", { workEmail: "gone@work.test", active: false }],
  ])("%s gets no token and no mail", async (_label, address, employee) => {
    if (Object.keys(employee).length) await createEmployee(employee);
    const [before] = await db().select({ n: count() }).from(outbox);
    expect(await issue(address)).toBe(false);
    const [after] = await db().select({ n: count() }).from(outbox);
    expect(after.n).toBe(before.n);
    expect(await tokensOf(address)).toHaveLength(0);
  });

  test("the confirmation page can check a link without using it up, and refuses an expired one", async () => {
    await createEmployee({ workEmail: "check@work.test" });
    await issue("check@work.test");
    const token = tokenIn((await mailsTo("check@work.test"))[0].links[0]);
    expect(await isSignInLinkValid("check@work.test", token)).toBe(true);
    expect(await isSignInLinkValid("check@work.test", token)).toBe(true);
    expect(await isSignInLinkValid("check@work.test", "b".repeat(64))).toBe(false);
    expect(await isSignInLinkValid("other@work.test", token)).toBe(false);

    await createEmployee({ workEmail: "late@work.test" });
    await issue("late@work.test", new Date(Date.now() - 11 * 60_000));
    const late = await mailsTo("late@work.test");
    // A request older than a link's lifetime gets no link at all.
    expect(late).toHaveLength(0);
    expect(await tokensOf("late@work.test")).toHaveLength(0);
  });
});

describe("the newest link replaces every earlier one", () => {
  test("after a second link, the first one no longer works", async () => {
    await createEmployee({ workEmail: "twice@work.test" });
    await issue("twice@work.test");
    await issue("twice@work.test");
    const [first, second] = (await mailsTo("twice@work.test")).map((m) => tokenIn(m.links[0]));
    expect(await isSignInLinkValid("twice@work.test", first)).toBe(false);
    expect(await isSignInLinkValid("twice@work.test", second)).toBe(true);
    expect(await tokensOf("twice@work.test")).toHaveLength(1);
  });

  test("two links issued at the same moment leave exactly one usable", async () => {
    await createEmployee({ workEmail: "race@work.test" });
    await Promise.all(Array.from({ length: 6 }, () => issue("race@work.test")));
    const tokens = await tokensOf("race@work.test");
    expect(tokens).toHaveLength(1);
    const valid = [];
    for (const mail of await mailsTo("race@work.test")) {
      if (await isSignInLinkValid("race@work.test", tokenIn(mail.links[0]))) valid.push(mail);
    }
    expect(valid).toHaveLength(1);
  });

  test("a request handled late never replaces the link of a newer one", async () => {
    await createEmployee({ workEmail: "late.worker@work.test" });
    const now = Date.now();
    expect(await issue("late.worker@work.test", new Date(now))).toBe(true);
    expect(await issue("late.worker@work.test", new Date(now - 60_000))).toBe(false);
    const mails = await mailsTo("late.worker@work.test");
    expect(mails).toHaveLength(1);
    expect(await isSignInLinkValid("late.worker@work.test", tokenIn(mails[0].links[0]))).toBe(true);
  });

  test("a link for another address is left alone", async () => {
    await createEmployee({ workEmail: "one@work.test" });
    await createEmployee({ workEmail: "two@work.test" });
    await issue("one@work.test");
    await issue("two@work.test");
    expect(await tokensOf("one@work.test")).toHaveLength(1);
    expect(await tokensOf("two@work.test")).toHaveLength(1);
  });
});

describe("findActiveEmployeeByEmail", () => {
  test("matches case-insensitively and trimmed, on work or private address", async () => {
    const person = await createEmployee({ workEmail: "Anna.Keller@Work.test", privateEmail: "Anna@Home.test" });
    expect((await findActiveEmployeeByEmail("  ANNA.KELLER@work.TEST "))?.id).toBe(person.id);
    expect((await findActiveEmployeeByEmail("anna@home.test"))?.id).toBe(person.id);
    expect(await findActiveEmployeeByEmail("anna.keller@work.test.evil")).toBeNull();
    expect(await findActiveEmployeeByEmail("")).toBeNull();
  });
});
