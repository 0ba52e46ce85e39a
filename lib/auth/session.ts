import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { toDatabaseUnavailable } from "@/lib/db/errors";
import { loadPersonBySessionToken, renewSession, type CurrentPerson } from "@/lib/roster/queries";
import { hasRole, type Role } from "./roles";
import { authOptions } from "./options";

export type SessionRequest = { cookies: Record<string, string>; headers: Record<string, string> };

/** The cookie next-auth keeps the session token in: `__Secure-` prefixed behind https, as next-auth names it. */
function sessionCookieName(): string {
  // authOptions() sets NEXTAUTH_URL from PUBLIC_URL when it is missing, as next-auth reads it.
  authOptions();
  return process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * The person a request's session cookie belongs to, or null when there is no
 * valid session. Throws DatabaseUnavailableError when the database cannot be
 * reached: "we could not check" is never "signed out".
 *
 * One query for the session, the account, the employee and the roles, as next-auth's database
 * strategy would find them (an unexpired session of an active employee), without running
 * next-auth's whole handler and a second query on every page (issue 16). The session is
 * renewed as next-auth does, once its update age has passed.
 */
export async function personFromSession(request: SessionRequest): Promise<CurrentPerson | null> {
  const token = request.cookies[sessionCookieName()];
  if (!token) return null;
  const { maxAge = 30 * 24 * 3600, updateAge = 24 * 3600 } = authOptions().session ?? {};
  try {
    const found = await loadPersonBySessionToken(token, updateAge, maxAge);
    if (!found) return null;
    const { renewDue, ...person } = found;
    if (renewDue) await renewSession(token, maxAge);
    return person;
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
