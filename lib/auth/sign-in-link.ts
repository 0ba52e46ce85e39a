import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users, verificationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { enqueueEmail } from "@/lib/mail/outbox";
import { signInEmail } from "@/lib/mail/templates/sign-in-email";
import { findActiveEmployeeByEmail } from "@/lib/roster/queries";

export const signInLinkMinutes = 10;

/** next-auth 4 stores sha256(token + secret) and checks the link's token the same way. */
export function hashVerificationToken(token: string): string {
  return createHash("sha256").update(`${token}${env().NEXTAUTH_SECRET}`).digest("hex");
}

/** The mailed link opens our confirmation page, not the callback: a scanner's GET uses nothing up. */
export function confirmationLink(input: { token: string; email: string; callbackUrl?: string | null }): string {
  const link = new URL("/signin/confirm", env().PUBLIC_URL);
  link.searchParams.set("token", input.token);
  link.searchParams.set("email", input.email);
  if (input.callbackUrl) link.searchParams.set("callbackUrl", input.callbackUrl);
  return link.toString();
}

/**
 * Issues a sign-in link to an address on the roster, inside the caller's
 * transaction: a fresh token (only its hash is stored), the mail queued with it,
 * and every earlier link of that address deleted, so the newest link is the only
 * one that works. Returns false, doing nothing, for an address not on the roster,
 * a request older than a link's lifetime, or one overtaken by a newer link.
 *
 * `requestedAt` (default: now) sets the expiry, so a request handled late can
 * tell that a newer one was already served. Links of one address are issued one
 * at a time (a transaction-scoped advisory lock): without it, two transactions
 * would each delete the other's uncommitted token and both links would work.
 */
export async function issueSignInLink(
  tx: DbOrTx,
  input: { identifier: string; callbackUrl?: string | null; requestedAt?: Date },
): Promise<boolean> {
  const identifier = input.identifier;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in-link:${identifier}`}, 0))`);
  // As text: postgres.js takes no Date in a raw statement.
  const requestedAt = input.requestedAt?.toISOString() ?? null;
  const [{ expires, fresh }] = (await tx.execute(sql`
    select coalesce(${requestedAt}::timestamptz, now()) + make_interval(mins => ${signInLinkMinutes}) as expires,
           coalesce(${requestedAt}::timestamptz, now()) + make_interval(mins => ${signInLinkMinutes}) > now() as fresh
  `)) as unknown as { expires: string | Date; fresh: boolean }[];
  if (!fresh) return false;

  const person = await findActiveEmployeeByEmail(identifier, tx);
  if (!person) return false;

  const expiry = new Date(expires);
  // A link already issued for a later request stays the newest: this one is dropped.
  const newer = await tx
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, identifier), gt(verificationTokens.expires, expiry)))
    .limit(1);
  if (newer.length > 0) return false;

  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, identifier));
  const token = randomBytes(32).toString("hex");
  await tx.insert(verificationTokens).values({ identifier, token: hashVerificationToken(token), expires: expiry });

  const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.employeeId, person.id));
  const locale: Locale = isLocale(user?.locale) ? user.locale : person.language;
  await enqueueEmail(
    tx,
    signInEmail({
      to: identifier,
      locale,
      firstName: person.firstName,
      link: confirmationLink({ token, email: identifier, callbackUrl: input.callbackUrl }),
      minutes: signInLinkMinutes,
    }),
  );
  await recordAudit(tx, { actorEmployeeId: person.id, action: "auth.link_requested", targetType: "employee", targetId: person.id });
  return true;
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
