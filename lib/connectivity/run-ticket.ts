import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";

// A run of the self-test is authenticated once, when it starts (a server action with the
// session, role and database). The probe routes then check this signed ticket and nothing
// else: a ping that reads the session and the employee from the database measures the
// server's queue, not the line. The browser sends it in a header, never in a URL, so no
// access log or referrer ever carries it.

// The header is named once, in the code the browser runs too.
export { probeTicketHeader as ticketHeader } from "./measure-throughput";

export type RunTicket = { testId: string; employeeId: string; expiresAt: number };

const purpose = "passerelle:probe-run-ticket:v1";

/** A key of its own, derived from the server secret, so a ticket is good for nothing else. */
function key(): Buffer {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(purpose).digest();
}

function sign(payload: string): Buffer {
  return createHmac("sha256", key()).update(payload).digest();
}

export function issueRunTicket(testId: string, employeeId: string, ttlMs: number, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ t: testId, e: employeeId, x: now + ttlMs })).toString("base64url");
  return `${payload}.${sign(payload).toString("base64url")}`;
}

/** The run a ticket stands for, or null when it is forged, altered, malformed or expired. */
export function verifyRunTicket(ticket: string | null | undefined, now = Date.now()): RunTicket | null {
  if (!ticket || ticket.length > 512) return null;
  const [payload, signature, extra] = ticket.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = sign(payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { t, e, x } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { t: unknown; e: unknown; x: unknown };
    if (typeof t !== "string" || typeof e !== "string" || typeof x !== "number" || x <= now) return null;
    return { testId: t, employeeId: e, expiresAt: x };
  } catch {
    return null;
  }
}
