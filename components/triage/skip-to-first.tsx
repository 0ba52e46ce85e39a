"use client";

import { useTranslations } from "next-intl";

/**
 * "Skip to the first ticket": the page content's first stop. It moves focus itself instead of
 * following "#first-ticket": a fragment navigation adds a history entry the App Router cannot
 * restore, so Back from the opened ticket would leave the ticket on screen.
 */
export function SkipToFirst() {
  const t = useTranslations("it");
  return (
    <a
      href="#first-ticket"
      onClick={(event) => {
        const target = document.getElementById("first-ticket");
        if (!target) return;
        event.preventDefault();
        target.focus();
      }}
      className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900"
    >
      {t("queue.skipToFirst")}
    </a>
  );
}
