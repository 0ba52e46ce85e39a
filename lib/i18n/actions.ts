"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { z } from "zod";
import { users } from "@/db/schema";
import { defineAction } from "@/lib/auth/action";
import { env } from "@/lib/config/env";
import { locales, localeCookie } from "./config";
import { localeCookieOptions } from "./locale-cookie";

const setLocaleSchema = z.object({ locale: z.enum(locales, { error: "localeInvalid" }) });

const setLocaleAction = defineAction({
  name: "user.set_locale",
  // The cookie set here would make Next re-render the page anyway; the browser asks for nothing more.
  refreshesPage: true,
  schema: setLocaleSchema,
  access: "public",
  async handler({ locale }, { person, tx }) {
    (await cookies()).set(localeCookie, locale, localeCookieOptions(env().PUBLIC_URL));
    if (person) await tx.update(users).set({ locale }).where(eq(users.id, person.userId));
    return { locale };
  },
  audit: ({ locale }, _result, { person }) => (person ? { action: "user.set_locale", targetType: "user", targetId: person.userId, details: { locale } } : null),
});

/** Remembers the language in a cookie and, when signed in, on the user. */
export async function setLocale(input: { locale: string }) {
  return setLocaleAction(input as { locale: "fr" });
}
