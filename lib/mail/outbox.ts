import "server-only";
import { outbox } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { EmailMessage } from "./message";
import { extractLinks } from "./message";

/**
 * Queues an e-mail. Call it with the transaction of the change that causes the
 * mail, so the change and its mail commit (or roll back) together; the worker
 * delivers it afterwards, retrying while SMTP is down.
 */
export async function enqueueEmail(tx: DbOrTx, message: EmailMessage): Promise<number> {
  const [row] = await tx
    .insert(outbox)
    .values({
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html,
      links: extractLinks(message.text),
    })
    .returning({ id: outbox.id });
  return row.id;
}
