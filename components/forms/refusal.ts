"use client";

import { useTranslations } from "next-intl";
import type { ActionFailure } from "@/lib/auth/action-result";

type Values = Record<string, string | number>;

/** A refusal as shown: its key (for the code), values, and the server's text when it sent one. */
export type Shown = { key: string; values?: Values; text?: string };

export type { ActionFailure };

/**
 * What to show of an action's refusal: the named field's message, else the form's (unless it only
 * says "see the fields"), else the first field's; with its text in the person's language, as the
 * server wrote it (the browser holds only the messages of its own forms' checks).
 */
export function refusalOf(result: ActionFailure, field?: string): Shown {
  const fields = Object.values(result.fieldErrors ?? {}).flat();
  const specific = result.formError && result.formError !== "invalidInput" ? result.formError : undefined;
  const key = (field ? result.fieldErrors?.[field]?.[0] : undefined) ?? specific ?? fields[0] ?? result.formError ?? "unexpected";
  return { key, values: result.values, text: result.messages?.[key] };
}

/**
 * The text of a refusal: the server's, else the browser's own message for a check it ran (its
 * forms' schemas), else the generic one, never a raw key.
 */
export function useErrorText(): (error: Shown | string | null | undefined) => string | undefined {
  const te = useTranslations("errors");
  return (error) => {
    if (!error) return undefined;
    const { key, values, text } = typeof error === "string" ? { key: error, values: undefined, text: undefined } : error;
    if (text) return text;
    return te.has(key as never) ? te(key as never, (values ?? {}) as never) : te("unexpected");
  };
}
