import { withoutQuery } from "@/lib/log/errors";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
};

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The http(s) links in a text body, in order, without duplicates. */
export function extractLinks(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
}

/**
 * Delay before the next delivery attempt: 30 s, 1 min, 2 min, … capped at one
 * hour, so a day-long SMTP outage costs about 30 tries per message.
 */
export function retryDelaySeconds(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  return Math.min(30 * 2 ** exponent, 3600);
}

/** After this many failed attempts a message is marked dead and shown to admins. */
export const maxDeliveryAttempts = 40;

/** Error text safe for the database and logs: addresses masked, length bounded. */
export function sanitizeError(error: unknown): string {
  const text = error instanceof Error ? withoutQuery(error.message) : String(error);
  return text.replace(/[^\s<>@"]+@[^\s<>@"]+/g, "[address]").slice(0, 500);
}
