import "server-only";
import { z } from "zod";
import { getCurrentPerson } from "@/lib/auth/session";
import { parseQuery } from "@/lib/http/search-params";
import type { CurrentPerson } from "@/lib/roster/queries";
import { isRunningTestOf } from "./service";

const query = z.object({ test: z.uuid().optional() });

export const noStore = { "Cache-Control": "no-store, no-transform", "Content-Encoding": "identity" };

/**
 * Probe routes serve only a signed-in person running their own test; anything
 * else gets a short JSON error and no traffic.
 */
export async function probeCaller(request: Request, needsTest: boolean): Promise<{ person: CurrentPerson; testId: string | null } | Response> {
  const person = await getCurrentPerson();
  if (!person) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  // A malformed id is simply no test of theirs: the same 404 as someone else's.
  const parsed = parseQuery(query, new URL(request.url).searchParams);
  const testId = parsed.ok ? (parsed.data.test ?? null) : null;
  if (!needsTest) return { person, testId };
  if (!testId || !(await isRunningTestOf(testId, person.employeeId))) {
    return Response.json({ error: "test_not_found" }, { status: 404, headers: noStore });
  }
  return { person, testId };
}
