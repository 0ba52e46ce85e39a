import "server-only";
import { getServerSession } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import { forbidden, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { toDatabaseUnavailable, isDatabaseUnavailable } from "@/lib/db/errors";
import { loadPersonByUserId, type CurrentPerson } from "@/lib/roster/queries";
import { hasRole, type Role } from "./roles";
import { authOptions } from "./options";

export type SessionRequest = { cookies: Record<string, string>; headers: Record<string, string> };

/**
 * The adapter, with a note of the first error any of its methods throws.
 * next-auth catches adapter errors while reading a session and answers "no
 * session" (core/routes/session.js logs SESSION_ERROR and returns an empty
 * body): without this note a database outage would sign everybody out.
 */
function noticingFailures(adapter: Adapter, failures: unknown[]): Adapter {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(adapter)) {
    wrapped[name] =
      typeof method === "function"
        ? async (...args: unknown[]) => {
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              failures.push(error);
              throw error;
            }
          }
        : method;
  }
  return wrapped as Adapter;
}

/**
 * The person a request's session cookie belongs to, or null when there is no
 * valid session. Throws DatabaseUnavailableError when the database cannot be
 * reached: "we could not check" is never "signed out".
 */
export async function personFromSession(request: SessionRequest): Promise<CurrentPerson | null> {
  const options = authOptions();
  const failures: unknown[] = [];
  const adapter = options.adapter ? noticingFailures(options.adapter, failures) : undefined;
  // The (req, res, options) form reads the cookies given here instead of next/headers;
  // cookie refreshes are dropped, as in the server-component form.
  const res = { getHeader() {}, setCookie() {}, setHeader() {} };
  let session;
  try {
    session = await getServerSession(request as never, res as never, { ...options, adapter });
  } catch (error) {
    throw toDatabaseUnavailable(error);
  }
  // Other adapter failures (a malformed cookie value, say) keep next-auth's answer: no session.
  const outage = failures.find(isDatabaseUnavailable);
  if (outage) throw toDatabaseUnavailable(outage);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  try {
    return await loadPersonByUserId(userId);
  } catch (error) {
    throw toDatabaseUnavailable(error);
  }
}

/**
 * The signed-in person, re-read from the database on every request (once per
 * render thanks to `cache`): a deactivated employee or a revoked role takes
 * effect immediately, whatever the browser still holds.
 */
export const getCurrentPerson = cache(async (): Promise<CurrentPerson | null> => {
  let request: SessionRequest;
  try {
    const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
    request = {
      headers: Object.fromEntries(headerList),
      cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
    };
  } catch (error) {
    // Outside a request (a script, a test) there is no cookie, hence nobody.
    if (error instanceof Error && /outside a request scope/.test(error.message)) return null;
    throw error;
  }
  return personFromSession(request);
});

async function currentPath(): Promise<string> {
  const path = (await headers()).get("x-passerelle-path");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/** For pages: sends a visitor without a session to sign-in, and back here afterwards. */
export async function requirePerson(): Promise<CurrentPerson> {
  const person = await getCurrentPerson();
  if (!person) {
    const path = await currentPath();
    // From the home page, no way back is recorded: each role then lands in its own area.
    redirect(path === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return person;
}

/** For pages: a signed-in person without the role gets the 403 page. */
export async function requireRole(role: Role | readonly Role[]): Promise<CurrentPerson> {
  const person = await requirePerson();
  if (!hasRole(person.roles, role)) forbidden();
  return person;
}
