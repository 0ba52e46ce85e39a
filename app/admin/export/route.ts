import { getLocale } from "next-intl/server";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { funnel } from "@/lib/admin/dashboard";
import { funnelSteps } from "@/lib/admin/funnel";
import { recordAudit } from "@/lib/audit/record";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentPerson } from "@/lib/auth/session";
import { csvLine } from "@/lib/csv/write";
import { db } from "@/lib/db";
import { pageQuery } from "@/lib/http/search-params";
import { poolStatuses } from "@/lib/devices/stock-queries";
import type { Locale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

const query = z.object({ by: z.enum(["site", "unit"]).catch("site") });

/** The dashboard's figures as CSV (funnel per site or unit, then stock), for admins. */
export async function GET(request: Request) {
  const person = await getCurrentPerson();
  if (!person) return new Response("Sign in first.", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!hasRole(person.roles, ["admin"])) return new Response("Forbidden.", { status: 403, headers: { "Cache-Control": "no-store" } });
  // A dashboard link: anything but "unit" (junk included) shows the default grouping.
  const { by } = pageQuery(query, new URL(request.url).searchParams) ?? { by: "site" as const };
  const locale = (await getLocale()) as Locale;
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "admin" }) as unknown as (key: string) => string;
  const [steps, pools] = await Promise.all([funnel(by), poolStatuses()]);
  const lines = [
    csvLine([t(`funnel.group.${by}`), ...funnelSteps.map((s) => t(`funnel.steps.${s}`))]),
    csvLine([t("funnel.overall"), ...funnelSteps.map((s) => steps.overall[s])]),
    ...steps.groups.map((g) => csvLine([g.group, ...funnelSteps.map((s) => g.counts[s])])),
    "\r\n",
    csvLine([t("capacity.title"), t("export.capacity"), t("export.inUse"), t("export.waiting"), t("export.dailyLimit")]),
    ...pools.map((p) => csvLine([t(`capacity.kinds.${p.kind}`), p.capacity, p.inUse, p.waiting, p.dailyLimit])),
  ];
  await recordAudit(db(), { actorEmployeeId: person.employeeId, action: "dashboard.export", details: { by } });
  return new Response(`\uFEFF${lines.join("")}`, {
    headers: { "Cache-Control": "no-store", "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="passerelle-dashboard-${by}-${new Date().toISOString().slice(0, 10)}.csv"` },
  });
}
