import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentPerson } from "@/lib/auth/session";
import { chooseLocale, isLocale, localeCookie } from "./config";
import { messagesByLocale } from "./messages";

/** Language: the switcher's cookie, then the signed-in person's saved choice, then the browser's. */
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  // The person is looked up only without the cookie (the lookup is a query).
  const person = isLocale(fromCookie) ? null : await getCurrentPerson().catch(() => null);
  const locale = chooseLocale(fromCookie, person?.locale, (await headers()).get("accept-language"));
  return { locale, messages: messagesByLocale[locale], timeZone: "Europe/Zurich" };
});
