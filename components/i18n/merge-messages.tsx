"use client";

import { NextIntlClientProvider, useLocale, useMessages, type AbstractIntlMessages } from "next-intl";
import { useMemo, type ReactNode } from "react";
import { mergeMessages } from "@/lib/i18n/client-namespaces";

/**
 * A nested NextIntlClientProvider replaces its parent's messages; merging
 * here, in the browser, lets each layout send only its own namespaces instead
 * of repeating the ones above it. Locale, time zone, now and formats are
 * inherited from the parent provider.
 */
export function MergeMessages({ messages, children }: { messages: AbstractIntlMessages; children: ReactNode }) {
  const parent = useMessages();
  const locale = useLocale();
  const merged = useMemo(() => mergeMessages(parent, messages) as AbstractIntlMessages, [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
