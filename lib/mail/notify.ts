import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { env } from "@/lib/config/env";
import { getContact, type Contact } from "@/lib/roster/queries";
import { extractLinks, type EmailMessage } from "./message";
import { enqueueEmail } from "./outbox";
import { noticeEmail, type NoticeKey } from "./templates/notice-email";

/**
 * The notice for a contact already read, rendered (null: no address on file). No database:
 * a caller holding a hot lock renders before taking it (lib/devices/place-request.ts).
 */
export function noticeFor(contact: Contact, key: NoticeKey, values: Record<string, string | number> = {}, path = "/"): EmailMessage | null {
  if (!contact.address) return null;
  return noticeEmail({ to: contact.address, locale: contact.locale, firstName: contact.firstName, key, values, link: new URL(path, env().PUBLIC_URL).toString() });
}

/**
 * Queues a notice to an employee in the caller's transaction. Someone with no
 * address on file gets none (the status page still shows everything).
 */
export async function notifyEmployee(tx: DbOrTx, employeeId: string, key: NoticeKey, values: Record<string, string | number> = {}, path = "/"): Promise<void> {
  const message = noticeFor(await getContact(tx, employeeId), key, values, path);
  if (message) await enqueueEmail(tx, message);
}

/**
 * The row enqueueEmail writes, as a statement to run inside a bigger one (a data-modifying
 * CTE): the device request writes its mail in the statement that decides it. Only `when` the
 * condition holds; `fill`: a placeholder replaced by a value the statement computes.
 */
export function outboxInsert(message: EmailMessage, options: { when?: SQL; fill?: { placeholder: string; value: SQL } } = {}): SQL {
  const { fill } = options;
  const filled = (text: string) => (fill ? sql`replace(${text}, ${fill.placeholder}, ${fill.value})` : sql`${text}`);
  return sql`insert into outbox (to_address, subject, text_body, html_body, links)
    select ${message.to}, ${filled(message.subject)}, ${filled(message.text)}, ${filled(message.html)}, ${JSON.stringify(extractLinks(message.text))}::jsonb
     where ${options.when ?? sql`true`}`;
}
