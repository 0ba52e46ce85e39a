"use client";

import { useTranslations } from "next-intl";
import { SkipLink } from "@/components/ui/skip-link";

/** "Skip to the first ticket": the queue content's first stop (focus moves itself, see SkipLink). */
export function SkipToFirst() {
  const t = useTranslations("it.queue");
  return (
    <SkipLink targetId="first-ticket" className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900">
      {t("skipToFirst")}
    </SkipLink>
  );
}
