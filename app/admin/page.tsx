import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { BurnDownChart, TicketAgeChart } from "@/components/admin/charts";
import { FunnelBars } from "@/components/admin/funnel-bars";
import { AutoRefresh } from "@/components/triage/auto-refresh";
import { PageTitle } from "@/components/ui/page-title";
import { funnel, queueHistory, ticketsByAge, topIspFailures } from "@/lib/admin/dashboard";
import { barWidth, funnelSteps, ofPrevious, stuck } from "@/lib/admin/funnel";
import { getAdminOverview } from "@/lib/admin/overview";
import { requireRole } from "@/lib/auth/session";
import { poolStatuses } from "@/lib/devices/stock-queries";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { dashboardQuery } from "@/lib/http/page-queries";
import { getNumberFormatter } from "@/lib/i18n/number-formatter";
import { providerName } from "@/lib/triage/incident-text";

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
  const [overview, steps, pools, tickets, isps, history] = await Promise.all([getAdminOverview(), funnel(by), poolStatuses(), ticketsByAge(), topIspFailures(), queueHistory()]);
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
  return (
    <>
      <AutoRefresh seconds={30} />
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
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

      <section aria-labelledby="funnel-heading" className="mb-8 rounded-lg border border-slate-300 bg-white p-4">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="funnel-heading" className="text-xl font-semibold">
            {t("funnel.title")}
          </h2>
          <a href={`/admin/export?by=${by}`} className="font-medium text-blue-800 underline">
            {t("funnel.export")}
          </a>
        </div>
        <FunnelBars bars={bars} label={t("funnel.chartLabel")} note={t("funnel.scaleNote")} />
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-semibold">{t("funnel.overall")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">{t("funnel.step")}</th>
                <th scope="col" className="p-2">{t("funnel.people")}</th>
                <th scope="col" className="p-2">{t("funnel.share")}</th>
                <th scope="col" className="p-2">{t("funnel.stuck")}</th>
              </tr>
            </thead>
            <tbody>
              {funnelSteps.map((s) => (
                <tr key={s} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-left font-medium">{stepName(s)}</th>
                  <td className="p-2">{n(steps.overall[s])}</td>
                  <td className="p-2">{percent(steps.overall.roster ? steps.overall[s] / steps.overall.roster : 0)}</td>
                  <td className="p-2">{overallStuck[s] ? n(overallStuck[s]) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <nav aria-label={t("funnel.byLabel")} className="mt-4 mb-2 flex gap-4">
          {(["site", "unit"] as const).map((b) => (
            <Link key={b} href={`/admin?by=${b}`} aria-current={b === by ? "page" : undefined} className={`min-h-11 py-2 font-medium ${b === by ? "text-slate-900" : "text-blue-800 underline"}`}>
              {t(`funnel.by.${b}`)}
            </Link>
          ))}
        </nav>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t(`funnel.by.${by}`)}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">{t(`funnel.group.${by}`)}</th>
                {funnelSteps.map((s) => (
                  <th key={s} scope="col" className="p-2">{stepName(s)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {steps.groups.map((g) => (
                <tr key={g.group} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-left font-medium">{g.group}</th>
                  {funnelSteps.map((s) => (
                    <td key={s} className="p-2">{n(g.counts[s])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="capacity-heading" className="mb-8 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="capacity-heading" className="mb-3 text-xl font-semibold">
          {t("capacity.title")}
        </h2>
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
        <h3 className="mt-6 mb-2 text-lg font-semibold">{t("capacity.burnDown")}</h3>
        <BurnDownChart data={history} labels={{ laptop: t("capacity.kinds.laptop"), vdi_seat: t("capacity.kinds.vdi_seat"), router_4g: t("capacity.kinds.router_4g") }} />
        <details className="mt-2">
          <summary className="cursor-pointer font-medium text-blue-800 underline">{t("capacity.burnDownTable")}</summary>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t("capacity.burnDown")}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">{t("capacity.day")}</th>
                  <th scope="col" className="p-2">{t("capacity.kinds.laptop")}</th>
                  <th scope="col" className="p-2">{t("capacity.kinds.vdi_seat")}</th>
                  <th scope="col" className="p-2">{t("capacity.kinds.router_4g")}</th>
                  <th scope="col" className="p-2">{t("capacity.activated")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((d) => (
                  <tr key={d.day} className="border-b border-slate-200">
                    <th scope="row" className="p-2 text-left font-medium">{format.dateTime(new Date(`${d.day}T12:00:00Z`), { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })}</th>
                    <td className="p-2">{n(d.laptop)}</td>
                    <td className="p-2">{n(d.vdi_seat)}</td>
                    <td className="p-2">{n(d.router_4g)}</td>
                    <td className="p-2">{n(d.activated)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <p className="mt-3">
          <Link href="/admin/stock" className="font-medium text-blue-800 underline">
            {t("capacity.manage")}
          </Link>
        </p>
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="tickets-heading" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="tickets-heading" className="mb-3 text-xl font-semibold">
            {t("tickets.title")}
          </h2>
          {tickets.length === 0 ? (
            <p>{t("tickets.none")}</p>
          ) : (
            <>
              <TicketAgeChart data={tickets.map((row) => ({ ...row, category: category(row.category) }))} labels={{ under1: t("tickets.under1"), under3: t("tickets.under3"), older: t("tickets.older") }} />
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{t("tickets.title")}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-left">
                    <th scope="col" className="p-2">{t("tickets.category")}</th>
                    <th scope="col" className="p-2">{t("tickets.under1")}</th>
                    <th scope="col" className="p-2">{t("tickets.under3")}</th>
                    <th scope="col" className="p-2">{t("tickets.older")}</th>
                  </tr>
                </thead>
                <tbody>
                  {tickets.map((row) => (
                    <tr key={row.category} className="border-b border-slate-200">
                      <th scope="row" className="p-2 text-left font-medium">{category(row.category)}</th>
                      <td className="p-2">{n(row.under1)}</td>
                      <td className="p-2">{n(row.under3)}</td>
                      <td className="p-2">{n(row.older)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <section aria-labelledby="isp-heading" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="isp-heading" className="mb-3 text-xl font-semibold">
            {t("isps.title")}
          </h2>
          {isps.length === 0 ? (
            <p>{t("isps.none")}</p>
          ) : (
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t("isps.title")}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">{t("isps.isp")}</th>
                  <th scope="col" className="p-2">{t("isps.failed")}</th>
                  <th scope="col" className="p-2">{t("isps.verdicts")}</th>
                </tr>
              </thead>
              <tbody>
                {isps.map((row) => (
                  <tr key={row.isp} className="border-b border-slate-200">
                    <th scope="row" className="p-2 text-left font-medium">{providerName(row.isp === "?" ? null : row.isp) ?? t("isps.unknown")}</th>
                    <td className="p-2">{t("isps.ofTests", { failed: n(row.failed), tests: n(row.tests) })}</td>
                    <td className="p-2">{Object.entries(row.verdicts).map(([v, c]) => `${verdict(v)}: ${n(c)}`).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
