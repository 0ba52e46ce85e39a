import "server-only";
import type { DbOrTx } from "@/db/client";
import { env } from "@/lib/config/env";
import { getContact } from "@/lib/roster/queries";
import { enqueueEmail } from "./outbox";
import { noticeEmail, type NoticeKey } from "./templates/notice-email";

/**
 * Queues a notice to an employee in the caller's transaction. Someone with no
 * address on file gets none (the status page still shows everything).
 */
export async function notifyEmployee(tx: DbOrTx, employeeId: string, key: NoticeKey, values: Record<string, string | number> = {}, path = "/"): Promise<void> {
  const contact = await getContact(tx, employeeId);
  if (!contact.address) return;
  await enqueueEmail(tx, noticeEmail({ to: contact.address, locale: contact.locale, firstName: contact.firstName, key, values, link: new URL(path, env().PUBLIC_URL).toString() }));
}
