import "server-only";
import { getLocale } from "next-intl/server";
import { formatNumber } from "./format";

/**
 * The server side's number formatter in the person's locale: use it instead of
 * next-intl's format.number, which formats German numbers as in Germany (2.003), not
 * as in Switzerland (2’003). See lib/i18n/format.ts.
 */
export async function getNumberFormatter(): Promise<(value: number, options?: Intl.NumberFormatOptions) => string> {
  const locale = await getLocale();
  return (value, options) => formatNumber(locale, value, options);
}
