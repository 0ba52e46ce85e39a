import "server-only";
import { sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { DbOrTx } from "@/db/client";
import { env } from "@/lib/config/env";
import { formatDay, formatNumber } from "@/lib/i18n/format";
import { messagesByLocale } from "@/lib/i18n/messages";
import { renderEmailHtml } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import { getSetting } from "@/lib/settings/queries";
import { crisisSummarySettingsSchema, defaultCrisisSummarySettings } from "@/lib/settings/schemas";
import { funnel, sinceYesterday, ticketsByAge } from "./dashboard";
import { funnelSteps, stuck } from "./funnel";
import { forecastText } from "./forecast-text";
import { dashboardPools } from "./overview";
import { rolloutForecast } from "./rollout-forecast";

/** Zurich's date and hour now: the summary goes out once a day, at the configured hour. */
function zurichNow(now: Date): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Zurich", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}

/**
 * Queues the crisis cell's daily summary when its hour has come and today's has not gone
 * yet. The day is claimed with one conditional write, so many instances send it once.
 */
export async function sendCrisisSummaryIfDue(tx: DbOrTx, now = new Date()): Promise<{ sent: number }> {
  const settings = await getSetting("crisis_summary", crisisSummarySettingsSchema, defaultCrisisSummarySettings, tx);
  if (settings.recipients.length === 0) return { sent: 0 };
  const { date, hour } = zurichNow(now);
  if (hour < settings.hour) return { sent: 0 };
  const claimed = await tx.execute(sql`
    insert into app_meta (key, value) values ('crisis_summary_sent', ${date})
    on conflict (key) do update set value = excluded.value, updated_at = now() where app_meta.value < excluded.value
    returning key`);
  if (claimed.length === 0) return { sent: 0 };

  const t = createTranslator({ locale: settings.language, messages: messagesByLocale[settings.language], namespace: "email.crisisSummary" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const ta = createTranslator({ locale: settings.language, messages: messagesByLocale[settings.language], namespace: "admin" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const [steps, pools, tickets, since] = await Promise.all([funnel("site", tx), dashboardPools(tx), ticketsByAge(tx), sinceYesterday(tx)]);
  // Read after the others: a transaction's statements run one at a time anyway.
  const forecast = await rolloutForecast(tx);
  const blocked = stuck(steps.overall);
  // Figures as strings in the summary's language, Swiss style (2’003 in German): ICU would write 2.003.
  const n = (value: number) => formatNumber(settings.language, value);
  const forecastWords = forecastText(forecast, ta, n, (iso) => formatDay(settings.language, iso));
  const paragraphs = [
    t("funnel"),
    ...funnelSteps.map((s) => `${ta(`funnel.steps.${s}`)}: ${n(steps.overall[s])}${blocked[s] ? ` (${t("stuck", { count: n(blocked[s]) })})` : ""}`),
    t("capacity"),
    ...pools.map((p) => `${ta(`capacity.kinds.${p.kind}`)}: ${ta("capacity.used", { used: n(p.inUse), capacity: n(p.capacity) })}, ${ta("capacity.queue", { waiting: p.waiting, n: n(p.waiting) })}`),
    forecastWords.headline,
    ...forecastWords.lines,
    t("tickets", { open: n(tickets.reduce((a, r) => a + r.under1 + r.under3 + r.older, 0)), older: n(tickets.reduce((a, r) => a + r.older, 0)) }),
    t("since", { signedIn: n(since.signedIn), opened: n(since.ticketsOpened), resolved: n(since.ticketsResolved), reserved: n(since.devicesReserved) }),
  ];
  const subject = t("subject", { date });
  const link = new URL("/admin", env().PUBLIC_URL).toString();
  const footer = t("footer");
  for (const to of settings.recipients) {
    await enqueueEmail(tx, {
      to,
      subject,
      text: [...paragraphs, "", `${t("open")}: ${link}`, "", footer].join("\n"),
      html: renderEmailHtml({ lang: settings.language, heading: subject, paragraphs, action: { label: t("open"), url: link }, footer }),
    });
  }
  return { sent: settings.recipients.length };
}
