"use client";

import { Notice } from "@/components/ui/notice";
import { useErrorText, type Shown } from "./refusal";

/** The form's summary message, announced to screen readers. */
export function FormError({ error, id }: { error: Shown | string | null; id?: string }) {
  const text = useErrorText()(error);
  if (!text) return null;
  return (
    <Notice tone="error" id={id}>
      {text}
    </Notice>
  );
}
