import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentPerson } from "@/lib/auth/session";
import { defaultLocale, isLocale, localeCookie, negotiateLocale, type Locale } from "./config";
import { messagesByLocale } from "./messages";

/** Language: the switcher's cookie, then the signed-in person's saved choice, then the browser's. */
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  let locale: Locale | null = isLocale(fromCookie) ? fromCookie : null;
  if (!locale) {
    const person = await getCurrentPerson().catch(() => null);
    locale = person?.locale ?? null;
  }
  locale ??= negotiateLocale((await headers()).get("accept-language")) ?? defaultLocale;
  return { locale, messages: messagesByLocale[locale], timeZone: "Europe/Zurich" };
});
