import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, outbox, verificationTokens } from "@/db/schema";
import { hashVerificationToken, isSignInLinkValid, issueSignInLink } from "@/lib/auth/sign-in-link";
import { db } from "@/lib/db";
import { findActiveEmployeeByEmail } from "@/lib/roster/queries";
import { createEmployee } from "../support/factories";

const token = "a".repeat(64);
const link = (email: string) =>
  `http://127.0.0.1:3999/api/auth/callback/email?callbackUrl=${encodeURIComponent("http://127.0.0.1:3999/it")}&token=${token}&email=${encodeURIComponent(email)}`;
const inTenMinutes = () => new Date(Date.now() + 600_000);

async function mailsTo(address: string) {
  return db().select().from(outbox).where(eq(outbox.toAddress, address));
}

describe("issueSignInLink", () => {
  test("a work address on file gets one token and one mail, linking to the confirmation page", async () => {
    const person = await createEmployee({ workEmail: "Marie.Curie@Work.test", language: "de" });
    await issueSignInLink({ identifier: "marie.curie@work.test", token, expires: inTenMinutes(), url: link("marie.curie@work.test") });

    const mails = await mailsTo("marie.curie@work.test");
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Ihr Anmeldelink für Passerelle");
    expect(mails[0].links).toEqual([
      `http://127.0.0.1:3999/signin/confirm?token=${token}&email=marie.curie%40work.test&callbackUrl=http%3A%2F%2F127.0.0.1%3A3999%2Fit`,
    ]);
    const tokens = await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, "marie.curie@work.test"));
    expect(tokens).toHaveLength(1);
    expect(tokens[0].token).toBe(hashVerificationToken(token));
    expect(tokens[0].token).not.toContain(token);
    const audits = await db().select().from(auditLog).where(eq(auditLog.targetId, person.id));
    expect(audits.map((a) => a.action)).toEqual(["auth.link_requested"]);
  });

  test("a private address on file works too", async () => {
    await createEmployee({ workEmail: null, privateEmail: "home.person@private.test" });
    await issueSignInLink({ identifier: "home.person@private.test", token, expires: inTenMinutes(), url: link("home.person@private.test") });
    expect(await mailsTo("home.person@private.test")).toHaveLength(1);
  });

  test.each([
    ["an unknown address", "stranger@nowhere.test", {}],
    ["a deactivated employee", "gone@work.test", { workEmail: "gone@work.test", active: false }],
  ])("%s gets no token and no mail", async (_label, address, employee) => {
    if (Object.keys(employee).length) await createEmployee(employee);
    const [before] = await db().select({ n: count() }).from(outbox);
    await issueSignInLink({ identifier: address, token, expires: inTenMinutes(), url: link(address) });
    const [after] = await db().select({ n: count() }).from(outbox);
    expect(after.n).toBe(before.n);
    expect(await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, address))).toHaveLength(0);
  });

  test("the confirmation page can check a link without using it up, and refuses an expired one", async () => {
    await createEmployee({ workEmail: "check@work.test" });
    await issueSignInLink({ identifier: "check@work.test", token, expires: inTenMinutes(), url: link("check@work.test") });
    expect(await isSignInLinkValid("check@work.test", token)).toBe(true);
    expect(await isSignInLinkValid("check@work.test", token)).toBe(true);
    expect(await isSignInLinkValid("check@work.test", "b".repeat(64))).toBe(false);
    expect(await isSignInLinkValid("other@work.test", token)).toBe(false);

    await createEmployee({ workEmail: "late@work.test" });
    await issueSignInLink({ identifier: "late@work.test", token, expires: new Date(Date.now() - 1000), url: link("late@work.test") });
    expect(await isSignInLinkValid("late@work.test", token)).toBe(false);
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
