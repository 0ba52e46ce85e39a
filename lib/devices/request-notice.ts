import "server-only";
import { randomUUID } from "node:crypto";
import type { Contact } from "@/lib/roster/queries";
import type { EmailMessage } from "@/lib/mail/message";
import { noticeFor } from "@/lib/mail/notify";
import type { NoticeKey } from "@/lib/mail/templates/notice-email";

// The device request's mail is rendered before the pool lock (rendering is milliseconds of
// CPU, ICU messages and HTML), but the queue position it tells is known only under the lock.
// So the waiting mail is rendered with a placeholder, filled in once the position is known.

/** A rendered notice, perhaps with a placeholder where the queue position goes. */
export type NoticeDraft = { message: EmailMessage; placeholder: string | null };

/**
 * Renders the notice; `withPosition`: the message's `{position}` is a placeholder. It is
 * unique per draft, so no text the person wrote (their first name) can hold it, and letters,
 * digits and hyphens pass the HTML escaping unchanged. Null: no address on file.
 */
export function draftNotice(contact: Contact, key: NoticeKey, path: string, withPosition: boolean): NoticeDraft | null {
  const placeholder = withPosition ? `position-${randomUUID()}` : null;
  const message = noticeFor(contact, key, placeholder ? { position: placeholder } : {}, path);
  return message && { message, placeholder };
}

/**
 * The notice with its position. A number in a plain ICU argument reads as its digits
 * (`String(n)`), in every language; the tests compare with a direct rendering.
 */
export function withPosition(draft: NoticeDraft | null, position: number | null): EmailMessage | null {
  if (!draft) return null;
  const { message, placeholder } = draft;
  if (!placeholder) return message;
  if (position === null) throw new Error("A waiting notice needs its queue position");
  const fill = (text: string) => text.replaceAll(placeholder, String(position));
  return { ...message, subject: fill(message.subject), text: fill(message.text), html: fill(message.html) };
}
