import "server-only";
import { cache } from "react";
import { _createCache, _createIntlFormatters, createFormatter, createTranslator } from "next-intl";
import { getLocale, type getFormatter as nextGetFormatter, type getTranslations as nextGetTranslations } from "next-intl/server";
import { isLocale, defaultLocale, type Locale } from "./config";
import { messagesByLocale } from "./messages";

// next-intl's getTranslations keeps its parsed ICU messages for one request: every page parses
// again each message it shows, which was about a fifth of a page's server time in the HTTP
// bench's CPU profiles. The catalogue is fixed while the process runs, so the parsed messages
// and Intl formatters are kept per language for the life of the process, and a translator per
// language and namespace with them. Same translator, same messages and time zone as
// lib/i18n/request.ts gives next-intl: only the cache lives longer.

type Shared = { cache: ReturnType<typeof _createCache>; formatters: ReturnType<typeof _createIntlFormatters>; translators: Map<string, unknown> };
const holder = globalThis as unknown as { __passerelleTranslators?: Map<Locale, Shared> };
const byLocale = (holder.__passerelleTranslators ??= new Map());

function shared(locale: Locale): Shared {
  let entry = byLocale.get(locale);
  if (!entry) {
    const cache = _createCache();
    entry = { cache, formatters: _createIntlFormatters(cache), translators: new Map() };
    byLocale.set(locale, entry);
  }
  return entry;
}

/**
 * The request's language, as lib/i18n/request.ts chooses it for next-intl (the switcher's cookie,
 * the person's saved choice, the browser's). Outside a request (a script, a test calling an
 * action directly) there is none: `personLocale`, else the default.
 */
export async function requestLocale(personLocale?: string | null): Promise<Locale> {
  let requested: string | null = null;
  try {
    requested = await getLocale();
  } catch {
    requested = personLocale ?? null;
  }
  return isLocale(requested) ? requested : defaultLocale;
}

/** The process's translator for a language and namespace (built once, with the shared cache). */
export function translatorFor(locale: Locale, namespace?: string) {
  const entry = shared(locale);
  const key = namespace ?? "";
  let t = entry.translators.get(key);
  if (!t) {
    t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: namespace as never, timeZone: "Europe/Zurich", _cache: entry.cache, _formatters: entry.formatters });
    entry.translators.set(key, t);
  }
  return t;
}

/** A translator for the request's language, as next-intl's (server components call this one). */
async function translations(namespace?: string) {
  return translatorFor(await requestLocale(), namespace);
}

export const getTranslations = translations as unknown as typeof nextGetTranslations;

/** One "now" per request, as next-intl's: relative times within a page agree with each other. */
const requestNow = cache(() => new Date());

/**
 * Dates, numbers and relative times in the request's language, as next-intl's getFormatter, with
 * the process's Intl formatters: next-intl builds a new Intl.DateTimeFormat per request and per
 * format, a fifth of the status page's own rendering in its CPU profile.
 */
async function formatter() {
  const locale = await requestLocale();
  return createFormatter({
    locale,
    timeZone: "Europe/Zurich",
    _formatters: shared(locale).formatters,
    now: requestNow(),
  });
}

export const getFormatter = formatter as unknown as typeof nextGetFormatter;
