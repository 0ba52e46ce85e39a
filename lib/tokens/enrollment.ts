import "server-only";
import { eq } from "drizzle-orm";
import { employees } from "@/db/schema";
import { db } from "@/lib/db";
import { accountLabel, keyGroups } from "./manual-key";
import { pendingTotpSecret } from "./service";
import { totpUri } from "./totp";

export type PendingTotpEnrollment = {
  /** otpauth://totp/Passerelle:<account>?secret=…: the QR code's content and the "open in app" link. */
  uri: string;
  /** The same secret, in groups of four, for typing or copying. */
  keyGroups: string[];
};

/**
 * What the owner's enrollment page shows while a secret waits for its first code.
 * The URI only ever goes into the page (QR code and a link the phone hands to the
 * authenticator app): never into a URL our server is asked for, never into a log.
 */
export async function pendingTotpEnrollment(employeeId: string): Promise<PendingTotpEnrollment | null> {
  const secret = await pendingTotpSecret(employeeId);
  if (!secret) return null;
  const [employee] = await db().select({ workEmail: employees.workEmail, number: employees.number }).from(employees).where(eq(employees.id, employeeId));
  if (!employee) return null;
  return { uri: totpUri(secret, accountLabel(employee)), keyGroups: keyGroups(secret) };
}
