import "server-only";
import { getCurrentPerson } from "@/lib/auth/session";
import type { CurrentPerson } from "@/lib/roster/queries";
import { isRunningTestOf } from "./service";

export const noStore = { "Cache-Control": "no-store, no-transform", "Content-Encoding": "identity" };

/**
 * Probe routes serve only a signed-in person running their own test; anything
 * else gets a short JSON error and no traffic.
 */
export async function probeCaller(request: Request, needsTest: boolean): Promise<{ person: CurrentPerson; testId: string | null } | Response> {
  const person = await getCurrentPerson();
  if (!person) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  const testId = new URL(request.url).searchParams.get("test");
  if (!needsTest) return { person, testId };
  if (!testId || !/^[0-9a-f-]{36}$/.test(testId) || !(await isRunningTestOf(testId, person.employeeId))) {
    return Response.json({ error: "test_not_found" }, { status: 404, headers: noStore });
  }
  return { person, testId };
}
