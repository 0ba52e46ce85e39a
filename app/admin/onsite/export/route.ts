import { createTranslator } from "next-intl";
import { z } from "zod";
import { getLocale } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentPerson } from "@/lib/auth/session";
import { csvLine } from "@/lib/csv/write";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/http/fields";
import { badRequest } from "@/lib/http/refuse";
import { parseQuery } from "@/lib/http/search-params";
import type { Locale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { onsiteRoster } from "@/lib/roster/onsite";

export const dynamic = "force-dynamic";

const query = z.object({ day: isoDate() });

/** The on-site roster of a day as CSV, for the crisis cell (admins); audited, since it holds contact details. */
export async function GET(request: Request) {
  const person = await getCurrentPerson();
  if (!person) return new Response("Sign in first.", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!hasRole(person.roles, ["admin"])) return new Response("Forbidden.", { status: 403, headers: { "Cache-Control": "no-store" } });
  const parsed = parseQuery(query, new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(request, parsed.reason, "Bad request: day must be a date as YYYY-MM-DD.");
  const { day } = parsed.data;
  const locale = (await getLocale()) as Locale;
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "admin.onsite" }) as unknown as (key: string) => string;
  const sites = await onsiteRoster(day);
  const lines = [
    csvLine([t("csv.site"), t("csv.number"), t("csv.name"), t("unit"), t("why"), t("csv.workEmail"), t("csv.privateEmail")]),
    ...sites.flatMap((s) => s.people.map((p) => csvLine([s.site, p.number, p.name, p.orgUnit, t(`reasons.${p.reason}`), p.workEmail, p.privateEmail]))),
  ];
  await recordAudit(db(), { actorEmployeeId: person.employeeId, action: "onsite.export", details: { day, people: lines.length - 1 } });
  return new Response(`\uFEFF${lines.join("")}`, {
    headers: { "Cache-Control": "no-store", "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="on-site-${day}.csv"` },
  });
}
