import "server-only";
import { createTranslator } from "next-intl";
import { cookies, headers } from "next/headers";
import { chooseLocale, localeCookie, type Locale } from "./config";
import { messagesByLocale } from "./messages";

type Values = Record<string, string | number>;
type Translate = { (key: string, values?: Values): string; has(key: string): boolean };

// One translator per language for the life of the process: the catalogue never changes while it runs.
const translators = new Map<Locale, Translate>();

function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "errors" }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** An `errors.*` message in a language; a key without a message reads as the generic one, never as the raw key. */
export function errorText(locale: Locale, key: string, values?: Values): string {
  const t = translator(locale);
  return t.has(key) ? t(key, values ?? {}) : t("unexpected");
}

/** The current request's language (as lib/i18n/request.ts chooses it); outside a request, the person's or the default. */
export async function requestLocale(personLocale: string | null | undefined): Promise<Locale> {
  try {
    const [jar, head] = await Promise.all([cookies(), headers()]);
    return chooseLocale(jar.get(localeCookie)?.value, personLocale, head.get("accept-language"));
  } catch {
    // No request scope (a script, a test calling the action directly).
    return chooseLocale(null, personLocale, null);
  }
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
