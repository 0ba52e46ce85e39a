"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

/** The form's summary message, announced to screen readers. */
export function FormError({ errorKey, values, id }: { errorKey: string | null; values?: Record<string, string | number>; id?: string }) {
  const t = useTranslations("errors");
  if (!errorKey) return null;
  return (
    <Notice tone="error" id={id}>
      {t(errorKey as never, values as never)}
    </Notice>
  );
}
