import { defaultLocale, isLocale, type Locale } from "./config";

// Numbers shown to people, in their language's conventions for Switzerland. next-intl's
// format.number uses the bare language tag ("de" writes 2.003, as in Germany), and the
// ICU data differ between Node and browsers for de-CH (U+0027 here, U+2019 in recent
// Chromium): these helpers pick the Swiss variant and settle the separator, so a server-
// rendered figure and the same figure rendered in the browser are identical.

/** The tag Intl formats numbers with, per portal language. French and English in Switzerland write numbers as in France and in English; German does not. */
const numberLocales: Record<Locale, string> = { fr: "fr", de: "de-CH", en: "en" };

/** Swiss German groups thousands with a right single quotation mark: 2’003. */
const groupSeparators: Partial<Record<Locale, string>> = { de: "’" };

export function numberLocale(locale: string): string {
  return numberLocales[isLocale(locale) ? locale : defaultLocale];
}

/**
 * Formatters kept for the life of the process (or the page, in the browser): building an
 * Intl.NumberFormat loads its locale data each time, and the dashboard formats hundreds of
 * figures per view; that alone was a tenth of its server time (CPU profile, HTTP bench).
 * The options a page uses are few and fixed, so the map stays small.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Locale, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = options ? `${language} ${JSON.stringify(options)}` : language;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocales[language], options);
    if (numberFormats.size < 500) numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  const language = isLocale(locale) ? locale : defaultLocale;
  const group = groupSeparators[language];
  const format = numberFormat(language, options);
  if (!group) return format.format(value);
  return format
    .formatToParts(value)
    .map((part) => (part.type === "group" ? group : part.value))
    .join("");
}

/** A speed measured in kbit/s, shown in Mbit/s with one decimal ("113,8 Mbit/s"); "–" when not measured. */
export function formatMbps(locale: string, kbps: number | null | undefined): string {
  if (kbps === null || kbps === undefined) return "–";
  return `${formatNumber(locale, kbps / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} Mbit/s`;
}

/** A delay in whole milliseconds ("2’003 ms"); "–" when not measured. */
export function formatMs(locale: string, ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  return `${formatNumber(locale, Math.round(ms))} ms`;
}

/** A "YYYY-MM-DD" day written out in full, the Swiss way of the language ("mardi, 15 décembre 2026"): mails and texts built outside a page. */
export function formatDay(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(`${isLocale(locale) ? locale : defaultLocale}-CH`, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}
