import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { findActiveEmployeeByEmail, loadPersonByUserId } from "@/lib/roster/queries";
import { passerelleAdapter } from "./adapter";
import { safeCallbackPath } from "./callback-url";
import { normalizeEmail, signInSchema } from "./schema";
import { signInLinkMinutes } from "./sign-in-link";
import { kickSignInRequests, recordSignInRequest } from "./sign-in-requests";

const holder = globalThis as unknown as { __passerelleAuth?: NextAuthOptions };

/** Built on first use, not at import: `next build` loads this module without a database. */
export function authOptions(): NextAuthOptions {
  if (holder.__passerelleAuth) return holder.__passerelleAuth;
  const config = env();
  process.env.NEXTAUTH_URL ??= config.PUBLIC_URL;
  holder.__passerelleAuth = {
    adapter: passerelleAdapter(),
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "database", maxAge: 7 * 24 * 3600, updateAge: 24 * 3600 },
    providers: [
      EmailProvider({
        maxAge: signInLinkMinutes * 60,
        from: config.MAIL_FROM,
        // Mail goes through our outbox; next-auth never opens an SMTP connection.
        server: { jsonTransport: true } as never,
        normalizeIdentifier(identifier) {
          const parsed = signInSchema.safeParse({ email: identifier });
          if (!parsed.success) throw new Error("Invalid email address format.");
          return normalizeEmail(parsed.data.email);
        },
        // The same single write for every address; next-auth's token is not kept (the
        // worker mints the mailed one), and the roster is read only by the worker.
        async sendVerificationRequest({ identifier, url }) {
          await recordSignInRequest(db(), { identifier, url });
          kickSignInRequests();
        },
      }),
    ],
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    callbacks: {
      async signIn({ user, email }) {
        // At request time every address gets the same answer; the roster is
        // checked by the sign-in worker. When a link is used, check again:
        // the person may have been deactivated since the mail left.
        if (email?.verificationRequest) return true;
        if (user.id && user.id !== user.email) return (await loadPersonByUserId(user.id)) !== null;
        return user.email ? (await findActiveEmployeeByEmail(user.email)) !== null : false;
      },
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl) ?? "/start"}`;
      },
      async session({ session, user }) {
        return { ...session, user: { id: user.id } } as typeof session;
      },
    },
    events: {
      async signIn({ user }) {
        const person = user.id ? await loadPersonByUserId(user.id) : null;
        await recordAudit(db(), { actorEmployeeId: person?.employeeId ?? null, action: "auth.sign_in", targetType: "user", targetId: user.id });
      },
      async signOut(message) {
        const userId = "session" in message ? (message.session as { userId?: string } | null)?.userId : undefined;
        const person = userId ? await loadPersonByUserId(userId) : null;
        await recordAudit(db(), { actorEmployeeId: person?.employeeId ?? null, action: "auth.sign_out", targetType: "user", targetId: userId });
      },
    },
    logger: {
      error: (code) => logger.error({ code }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
  return holder.__passerelleAuth;
}
