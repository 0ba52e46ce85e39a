import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { renderEmailHtml } from "../layout";
import type { EmailMessage } from "../message";

export function signInEmail(input: { to: string; locale: Locale; firstName: string; link: string; minutes: number }): EmailMessage {
  const t = createTranslator({ locale: input.locale, messages: messagesByLocale[input.locale], namespace: "email.signIn" });
  const greeting = t("greeting", { name: input.firstName });
  const intro = t("intro", { minutes: input.minutes });
  const ignore = t("ignore");
  const footer = t("footer");
  return {
    to: input.to,
    subject: t("subject"),
    text: [greeting, "", intro, "", input.link, "", ignore, "", footer].join("\n"),
    html: renderEmailHtml({
      lang: input.locale,
      heading: t("subject"),
      paragraphs: [greeting, intro],
      action: { label: t("button"), url: input.link },
      footer: `${ignore} ${footer}`,
    }),
  };
}
