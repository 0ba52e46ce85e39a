import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { users, verificationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { enqueueEmail } from "@/lib/mail/outbox";
import { signInEmail } from "@/lib/mail/templates/sign-in-email";
import { findActiveEmployeeByEmail } from "@/lib/roster/queries";

export const signInLinkMinutes = 10;

/** next-auth 4 stores sha256(token + secret); we write the row ourselves, with the mail. */
export function hashVerificationToken(token: string): string {
  return createHash("sha256").update(`${token}${env().NEXTAUTH_SECRET}`).digest("hex");
}

/** The mailed link opens our confirmation page, not the callback: a scanner's GET uses nothing up. */
export function confirmationLink(callbackUrl: string): string {
  const callback = new URL(callbackUrl);
  const link = new URL("/signin/confirm", env().PUBLIC_URL);
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = callback.searchParams.get(key);
    if (value) link.searchParams.set(key, value);
  }
  return link.toString();
}

/**
 * Called by next-auth's sendVerificationRequest. For an address on the roster it
 * stores the (hashed) token and queues the mail in one transaction; for any
 * other address it does nothing. The HTTP answer is the same either way.
 */
export async function issueSignInLink(input: { identifier: string; token: string; expires: Date; url: string }): Promise<void> {
  const person = await findActiveEmployeeByEmail(input.identifier);
  if (!person) return;
  await db().transaction(async (tx) => {
    const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.employeeId, person.id));
    const locale: Locale = isLocale(user?.locale) ? user.locale : person.language;
    await tx.insert(verificationTokens).values({
      identifier: input.identifier,
      token: hashVerificationToken(input.token),
      expires: input.expires,
    });
    await enqueueEmail(
      tx,
      signInEmail({
        to: input.identifier,
        locale,
        firstName: person.firstName,
        link: confirmationLink(input.url),
        minutes: signInLinkMinutes,
      }),
    );
    await recordAudit(tx, { actorEmployeeId: person.id, action: "auth.link_requested", targetType: "employee", targetId: person.id });
  });
}

/** Whether a link is still usable, without using it up (for the confirmation page). */
export async function isSignInLinkValid(identifier: string, token: string): Promise<boolean> {
  const rows = await db()
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.identifier, identifier),
        eq(verificationTokens.token, hashVerificationToken(token)),
        gt(verificationTokens.expires, new Date()),
      ),
    );
  return rows.length > 0;
}
