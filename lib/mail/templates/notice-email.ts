import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { renderEmailHtml } from "../layout";
import type { EmailMessage } from "../message";

export type NoticeKey = "ticketReply" | "ticketResolved" | "ticketResolvedWithAnswer" | "routerReserved" | "deviceReserved" | "deviceWaiting" | "devicePromoted" | "vdiReady" | "collectionBooked" | "shippingBooked" | "tokenActivated" | "ticketOpened" | "timesheetReminder" | "timesheetReturned" | "deviceCollected" | "deviceShipped" | "deviceDated" | "deviceUndated" | "reviewEligible" | "reviewNotEligible";

/**
 * A short notice in the recipient's language: subject, greeting, one paragraph
 * (ICU message with `values`), and a button back to the portal.
 */
export function noticeEmail(input: {
  to: string;
  locale: Locale;
  firstName: string;
  key: NoticeKey;
  values?: Record<string, string | number>;
  link: string;
}): EmailMessage {
  // Keys are built from `key` at run time; the catalogue test guarantees they exist in every language.
  const t = createTranslator({ locale: input.locale, messages: messagesByLocale[input.locale], namespace: "email" }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const values = localiseValues(input.values ?? {}, input.locale);
  const greeting = t("greeting", { name: input.firstName });
  const body = t(`${input.key}.body`, values);
  const button = t("openPortal");
  const footer = t("footer");
  return {
    to: input.to,
    subject: t(`${input.key}.subject`, values),
    text: [greeting, "", body, "", `${button}: ${input.link}`, "", footer].join("\n"),
    html: renderEmailHtml({ lang: input.locale, heading: t(`${input.key}.subject`, values), paragraphs: [greeting, body], action: { label: button, url: input.link }, footer }),
  };
}

/** A "YYYY-MM" month reads as the month's name in the recipient's language ("novembre 2026"). */
function localiseValues(values: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      const month = typeof value === "string" ? value.match(/^(\d{4})-(0[1-9]|1[0-2])$/) : null;
      if (!month) return [key, value];
      const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
      return [key, new Intl.DateTimeFormat(`${locale}-CH`, { month: "long", year: "numeric", timeZone: "UTC" }).format(date)];
    }),
  );
}
