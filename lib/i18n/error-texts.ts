import "server-only";
import type { Locale } from "./config";
import { translatorFor } from "./server-translations";

type Values = Record<string, string | number>;
type Translate = { (key: string, values?: Values): string; has(key: string): boolean };

/** An `errors.*` message in a language; a key without a message reads as the generic one, never as the raw key. */
export function errorText(locale: Locale, key: string, values?: Values): string {
  const t = translatorFor(locale, "errors") as unknown as Translate;
  return t.has(key) ? t(key, values ?? {}) : t("unexpected");
}

/**
 * Each message key of a refusal with its text in the person's language, so the browser shows the
 * server's refusals without holding the whole `errors` catalogue (16 KB in French, on every page):
 * it keeps only the keys its forms check before sending (lib/i18n/client-namespaces.ts).
 */
export function errorTexts(locale: Locale, keys: Iterable<string>, values?: Values): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const key of keys) texts[key] ??= errorText(locale, key, values);
  return texts;
}
