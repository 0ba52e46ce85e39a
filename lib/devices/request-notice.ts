import "server-only";
import { randomUUID } from "node:crypto";
import type { Contact } from "@/lib/roster/queries";
import { escapeHtml, type EmailMessage } from "@/lib/mail/message";
import { noticeFor } from "@/lib/mail/notify";
import type { NoticeKey } from "@/lib/mail/templates/notice-email";

// The device request's mails, ready before the pool lock. Rendering one (ICU messages, HTML)
// costs milliseconds of CPU, and in one Node process every millisecond spent anywhere delays
// the request holding the pools' lock (its next statement waits for the event loop). So each
// notice is rendered once per language and link, with placeholders for the first name and
// the queue position; a request fills in the name, and the decision's statement the position.

/** Letters, digits and hyphens: unchanged by ICU and by the HTML escaping. Drawn per process. */
const namePlaceholder = `name-${randomUUID()}`;
const positionPlaceholder = `position-${randomUUID()}`;

const rendered = new Map<string, EmailMessage>();

function template(locale: Contact["locale"], key: NoticeKey, path: string, withPosition: boolean): EmailMessage {
  const id = `${locale} ${key} ${path} ${withPosition}`;
  let message = rendered.get(id);
  if (!message) {
    message = noticeFor({ address: "-", locale, firstName: namePlaceholder }, key, withPosition ? { position: positionPlaceholder } : {}, path)!;
    rendered.set(id, message);
  }
  return message;
}

/** A notice for one person; `placeholder`: where the queue position goes (null: it has none). */
export type NoticeDraft = { message: EmailMessage; placeholder: string | null };

/**
 * The notice as noticeEmail renders it (the tests compare), with the queue position still to
 * fill in when `withPosition`. Its placeholder is drawn per draft, and set before the name is:
 * no name, however written, can hold it. Null: no address on file.
 */
export function draftNotice(contact: Contact, key: NoticeKey, path: string, withPosition: boolean): NoticeDraft | null {
  if (!contact.address) return null;
  const placeholder = withPosition ? `position-${randomUUID()}` : null;
  const fill = (text: string, name: string) => (placeholder ? text.replaceAll(positionPlaceholder, placeholder) : text).replaceAll(namePlaceholder, name);
  const t = template(contact.locale, key, path, withPosition);
  const message = { to: contact.address, subject: fill(t.subject, contact.firstName), text: fill(t.text, contact.firstName), html: fill(t.html, escapeHtml(contact.firstName)) };
  return { message, placeholder };
}
