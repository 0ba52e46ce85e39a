"use client";

import { useTranslations } from "next-intl";

/** Beside a header button whose request got no answer: nothing changed, try again. */
export function NoAnswer({ shown }: { shown: boolean }) {
  const t = useTranslations("shell");
  return shown ? (
    <p role="status" className="text-sm">
      {t("noAnswer")}
    </p>
  ) : null;
}
