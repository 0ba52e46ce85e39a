"use server";

import { cookies, headers } from "next/headers";
import { defineAction } from "@/lib/auth/action";
import { defaultLocale, isLocale, localeCookie, negotiateLocale, type Locale } from "@/lib/i18n/config";
import type { CurrentPerson } from "@/lib/roster/queries";
import { eligibilityRulesSchema, holidayRemovalSchema, holidaySchema, settingSchema } from "./form-schemas";
import { addHoliday, publishEligibilityRules, removeHoliday, saveSetting } from "./service";

const admin = { roles: ["admin"] } as const;

/**
 * The language the page is read in, decided as lib/i18n/request.ts does (the switcher's
 * cookie, then the person's choice, then the browser's), so a refusal names its places in
 * the page's language. Read without the database, inside the action's transaction. Outside
 * a request (scripts, tests) there are no cookies nor headers: the person's choice, else the default.
 */
async function readerLocale(person: CurrentPerson | null): Promise<Locale> {
  let fromCookie: string | undefined;
  let acceptLanguage: string | null = null;
  try {
    fromCookie = (await cookies()).get(localeCookie)?.value;
    acceptLanguage = (await headers()).get("accept-language");
  } catch {
    // called outside a request
  }
  if (isLocale(fromCookie)) return fromCookie;
  return person?.locale ?? negotiateLocale(acceptLanguage) ?? defaultLocale;
}

const save = defineAction({
  name: "setting.update",
  refreshesPage: true,
  schema: settingSchema,
  access: admin,
  handler: async (i, { person, tx }) => saveSetting(tx, i.key, i.value, i.version, await readerLocale(person), i.confirmed),
  audit: (i, r) => ({ action: "setting.update", targetType: "setting", targetId: i.key, details: { before: r.before, after: r.after } }),
});

const rules = defineAction({
  name: "eligibility.rules_publish",
  refreshesPage: true,
  schema: eligibilityRulesSchema,
  access: admin,
  handler: async (i, { person, tx }) => publishEligibilityRules(tx, person!.employeeId, i.value, i.basedOn, await readerLocale(person)),
  audit: (_i, r) => ({ action: "eligibility.rules_publish", targetType: "eligibility_rules", targetId: String(r.version) }),
});

const addDay = defineAction({
  name: "holiday.add",
  refreshesPage: true,
  schema: holidaySchema,
  access: admin,
  handler: (i, { tx }) => addHoliday(tx, i),
  audit: (i) => ({ action: "holiday.add", targetType: "public_holiday", targetId: `${i.canton}:${i.day}`, details: { name: i.name } }),
});

const removeDay = defineAction({
  name: "holiday.remove",
  refreshesPage: true,
  schema: holidayRemovalSchema,
  access: admin,
  handler: (i, { tx }) => removeHoliday(tx, i),
  audit: (i) => ({ action: "holiday.remove", targetType: "public_holiday", targetId: `${i.canton}:${i.day}` }),
});

export async function saveSettingAction(input: unknown) {
  return save(input as never);
}
export async function publishEligibilityRulesAction(input: unknown) {
  return rules(input as never);
}
export async function addHolidayAction(input: unknown) {
  return addDay(input as never);
}
export async function removeHolidayAction(input: unknown) {
  return removeDay(input as never);
}
