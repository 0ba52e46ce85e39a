"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

/** The form's summary message, announced to screen readers. */
export function FormError({ error, id }: { error: { key: string; values?: Record<string, string | number> } | string | null; id?: string }) {
  const t = useTranslations("errors");
  if (!error) return null;
  const { key, values } = typeof error === "string" ? { key: error, values: undefined } : error;
  return (
    <Notice tone="error" id={id}>
      {t(key as never, values as never)}
    </Notice>
  );
}
