import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { loadPersonByUserId, type CurrentPerson } from "@/lib/roster/queries";
import { hasRole, type Role } from "./roles";
import { authOptions } from "./options";

/**
 * The signed-in person, re-read from the database on every request (once per
 * render thanks to `cache`): a deactivated employee or a revoked role takes
 * effect immediately, whatever the browser still holds.
 */
export const getCurrentPerson = cache(async (): Promise<CurrentPerson | null> => {
  let session;
  try {
    session = await getServerSession(authOptions());
  } catch (error) {
    // Outside a request (a script, a test) there is no cookie, hence nobody.
    if (error instanceof Error && /outside a request scope/.test(error.message)) return null;
    throw error;
  }
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return loadPersonByUserId(userId);
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
