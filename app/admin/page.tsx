import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { AdminNav } from "@/components/admin/admin-nav";
import { BurnDownChart, TicketAgeChart } from "@/components/admin/lazy-charts";
import { FunnelBars } from "@/components/admin/funnel-bars";
import { AutoRefresh } from "@/components/triage/auto-refresh";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { SectionCard } from "@/components/ui/section-card";
import { funnel, queueHistory, ticketsByAge, topIspFailures, type FunnelRow, type IspFailures, type QueueDay, type TicketAge } from "@/lib/admin/dashboard";
import { barWidth, funnelSteps, ofPrevious, stuck, type FunnelStep } from "@/lib/admin/funnel";
import { dashboardPools, getAdminOverview } from "@/lib/admin/overview";
import { forecastText } from "@/lib/admin/forecast-text";
import { rolloutForecast } from "@/lib/admin/rollout-forecast";
import { requireRole } from "@/lib/auth/session";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { dashboardQuery } from "@/lib/http/page-queries";
import { getNumberFormatter } from "@/lib/i18n/number-formatter";
import { providerName } from "@/lib/triage/incident-text";

// A minute is fresh enough for a roll-out's figures; each refresh reads only the rollups. The
// lead announces the same number: it once said 30 seconds while the page waited a minute.
const refreshMinutes = 1;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

/**
 * The crisis dashboard: funnel, capacity, tickets and connection failures; refreshes itself.
 * Every code is shown in words (categories, verdicts, providers) and every figure the Swiss way
 * of the reader's language, charts included (issue 15 point 12).
 */
export default async function AdminPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRole("admin");
  const t = await getTranslations("admin");
  const format = await getFormatter();
  // Swiss conventions per language (2’003 in German), see lib/i18n/format.ts.
  const localNumber = await getNumberFormatter();
  const { by } = pageQuery(dashboardQuery, await searchParams);
  // Every figure is read from the rollups (lib/admin/rollups.ts), never recomputed over the history.
  const [overview, steps, pools, tickets, isps, history, forecast] = await Promise.all([getAdminOverview(), funnel(by), dashboardPools(), ticketsByAge(), topIspFailures(), queueHistory(), rolloutForecast()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" });
  const forecastWords = forecastText(forecast, t as unknown as Parameters<typeof forecastText>[1], (v) => localNumber(v), day);
  const figures = [
    ["activeEmployees", overview.activeEmployees],
    ["signedUp", overview.signedUp],
    ["activeSessions", overview.activeSessions],
    ["mailPending", overview.mailPending],
    ["mailDead", overview.mailDead],
  ] as const;
  const stepName = (s: (typeof funnelSteps)[number]) => t(`funnel.steps.${s}`);
  const overallStuck = stuck(steps.overall);
  const n = (v: number) => localNumber(v);
  const percent = (v: number) => localNumber(v, { style: "percent", maximumFractionDigits: 1 });
  const category = (code: string) => (t.has(`tickets.categories.${code}`) ? t(`tickets.categories.${code}` as never) : code);
  const verdict = (code: string) => (t.has(`isps.verdictNames.${code}`) ? t(`isps.verdictNames.${code}` as never) : code);
  const roster = Math.max(...funnelSteps.map((s) => steps.overall[s]));
  const bars = funnelSteps.map((s) => {
    const share = ofPrevious(steps.overall, s);
    return { step: s, name: stepName(s), count: n(steps.overall[s]), width: barWidth(steps.overall[s], roster), ofPrevious: share === null ? null : t("funnel.ofPrevious", { share: percent(share) }) };
  });
  const overallColumns: Column<FunnelStep>[] = [
    { key: "step", header: t("funnel.step"), rowHeader: true, cell: stepName },
    { key: "people", header: t("funnel.people"), cell: (s) => n(steps.overall[s]) },
    { key: "share", header: t("funnel.share"), cell: (s) => percent(steps.overall.roster ? steps.overall[s] / steps.overall.roster : 0) },
    { key: "stuck", header: t("funnel.stuck"), cell: (s) => (overallStuck[s] ? n(overallStuck[s]) : "–") },
  ];
  const groupColumns: Column<FunnelRow>[] = [
    { key: "group", header: t(`funnel.group.${by}`), rowHeader: true, cell: (g) => g.group },
    ...funnelSteps.map((s): Column<FunnelRow> => ({ key: s, header: stepName(s), cell: (g) => n(g.counts[s]) })),
  ];
  const kinds = ["laptop", "vdi_seat", "router_4g"] as const;
  const historyColumns: Column<QueueDay>[] = [
    { key: "day", header: t("capacity.day"), rowHeader: true, cell: (d) => format.dateTime(new Date(`${d.day}T12:00:00Z`), { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }) },
    ...kinds.map((k): Column<QueueDay> => ({ key: k, header: t(`capacity.kinds.${k}`), cell: (d) => n(d[k]) })),
    { key: "activated", header: t("capacity.activated"), cell: (d) => n(d.activated) },
  ];
  const ages = ["under1", "under3", "older"] as const;
  const ticketColumns: Column<TicketAge>[] = [
    { key: "category", header: t("tickets.category"), rowHeader: true, cell: (row) => category(row.category) },
    ...ages.map((a): Column<TicketAge> => ({ key: a, header: t(`tickets.${a}`), cell: (row) => n(row[a]) })),
  ];
  const ispColumns: Column<IspFailures>[] = [
    { key: "isp", header: t("isps.isp"), rowHeader: true, cell: (row) => providerName(row.isp === "?" ? null : row.isp) ?? t("isps.unknown") },
    { key: "failed", header: t("isps.failed"), cell: (row) => t("isps.ofTests", { failed: n(row.failed), tests: n(row.tests) }) },
    { key: "verdicts", header: t("isps.verdicts"), cell: (row) => Object.entries(row.verdicts).map(([v, c]) => `${verdict(v)}: ${n(c)}`).join(", ") },
  ];
  return (
    <>
      <AutoRefresh seconds={refreshMinutes * 60} />
      <PageTitle lead={t("lead", { minutes: refreshMinutes })}>{t("title")}</PageTitle>
      <AdminNav current="dashboard" />

      <section aria-labelledby="figures-heading" className="mb-8">
        <h2 id="figures-heading" className="mb-3 text-xl font-semibold">
          {t("figuresHeading")}
        </h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-5">
          {figures.map(([key, value]) => (
            <div key={key} className="rounded-lg border border-slate-300 bg-white p-4">
              <dt className="text-sm text-slate-700">{t(`figures.${key}`)}</dt>
              <dd className="text-2xl font-bold">{n(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <SectionCard
        id="funnel-heading"
        title={t("funnel.title")}
        className="mb-8"
        action={
          <a href={`/admin/export?by=${by}`} className="font-medium text-blue-800 underline">
            {t("funnel.export")}
          </a>
        }
      >
        <FunnelBars bars={bars} label={t("funnel.chartLabel")} note={t("funnel.scaleNote")} />
        <DataTable caption={t("funnel.overall")} captionVisible columns={overallColumns} rows={funnelSteps} rowKey={(s) => s} />
        <nav aria-label={t("funnel.byLabel")} className="mt-4 mb-2 flex gap-4">
          {(["site", "unit"] as const).map((b) => (
            <Link key={b} href={`/admin?by=${b}`} aria-current={b === by ? "page" : undefined} className={`min-h-11 py-2 font-medium ${b === by ? "text-slate-900" : "text-blue-800 underline"}`}>
              {t(`funnel.by.${b}`)}
            </Link>
          ))}
        </nav>
        <DataTable caption={t(`funnel.by.${by}`)} columns={groupColumns} rows={steps.groups} rowKey={(g) => g.group} />
      </SectionCard>

      <SectionCard id="capacity-heading" title={t("capacity.title")} className="mb-8">
        <ul className="grid gap-4 sm:grid-cols-2">
          {pools.map((p) => (
            <li key={p.kind}>
              <label htmlFor={`gauge-${p.kind}`} className="font-medium">
                {t(`capacity.kinds.${p.kind}`)}: {t("capacity.used", { used: n(p.inUse), capacity: n(p.capacity) })}
              </label>
              <meter id={`gauge-${p.kind}`} className="block h-4 w-full" min={0} max={Math.max(1, p.capacity)} value={p.inUse} high={Math.max(1, p.capacity) * 0.9}>
                {n(p.inUse)}/{n(p.capacity)}
              </meter>
              <p className="text-sm text-slate-700">
                {t("capacity.queue", { waiting: p.waiting, n: n(p.waiting) })}{" "}
                {p.outlook.days === null
                  ? t("capacity.short", { count: n(p.outlook.shortfall) })
                  : p.waiting === 0
                    ? ""
                    : p.outlook.days === 0
                      ? t("capacity.clearNow")
                      : t("capacity.clearIn", { count: p.outlook.days, n: n(p.outlook.days) })}
              </p>
            </li>
          ))}
        </ul>
        <h3 className="mt-6 mb-1 text-lg font-semibold">{t("capacity.forecast.title")}</h3>
        <p className="mb-2 text-sm text-slate-700">{t("capacity.forecast.lead")}</p>
        <p className="font-semibold">{forecastWords.headline}</p>
        <ul className="mt-1 flex flex-col gap-1">
          {forecastWords.lines.map((line, i) => (
            <li key={forecast.pools[i].kind}>{line}</li>
          ))}
        </ul>
        <h3 className="mt-6 mb-2 text-lg font-semibold">{t("capacity.burnDown")}</h3>
        <BurnDownChart data={history} ahead={forecast.ahead} labels={{ laptop: t("capacity.kinds.laptop"), vdi_seat: t("capacity.kinds.vdi_seat"), router_4g: t("capacity.kinds.router_4g"), forecast: t("capacity.forecast.line", { pool: "{pool}" }) }} />
        <details className="mt-2">
          <summary className="cursor-pointer font-medium text-blue-800 underline">{t("capacity.burnDownTable")}</summary>
          <DataTable caption={t("capacity.burnDown")} columns={historyColumns} rows={history} rowKey={(d) => d.day} />
        </details>
        <p className="mt-3">
          <Link href="/admin/stock" className="font-medium text-blue-800 underline">
            {t("capacity.manage")}
          </Link>
        </p>
      </SectionCard>

      <div className="grid gap-8 lg:grid-cols-2">
        <SectionCard id="tickets-heading" title={t("tickets.title")}>
          {tickets.length ? <TicketAgeChart data={tickets.map((row) => ({ ...row, category: category(row.category) }))} labels={{ under1: t("tickets.under1"), under3: t("tickets.under3"), older: t("tickets.older") }} /> : null}
          <DataTable caption={t("tickets.title")} columns={ticketColumns} rows={tickets} rowKey={(row) => row.category} empty={t("tickets.none")} />
        </SectionCard>
        <SectionCard id="isp-heading" title={t("isps.title")}>
          <DataTable caption={t("isps.title")} columns={ispColumns} rows={isps} rowKey={(row) => row.isp} empty={t("isps.none")} />
        </SectionCard>
      </div>
    </>
  );
}
