import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { AutoRefresh } from "@/components/triage/auto-refresh";
import { QueueTable } from "@/components/triage/queue-table";
import { SkipToFirst } from "@/components/triage/skip-to-first";
import { buttonClass } from "@/components/ui/button-class";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { filterOptions, listAgents, listQueue, queueCounts, type QueueFilters } from "@/lib/triage/queries";
import { isOverdue, ticketStatuses } from "@/lib/triage/rules";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { itCategories, itQueueQuery } from "@/lib/http/page-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("it"))("title") };
}

const categories = itCategories;
const priorities = ["urgent", "high", "normal", "low"] as const;

export default async function ItQueuePage({ searchParams }: { searchParams: PageSearchParams }) {
  const person = await requireRole(["it_agent", "admin"]);
  const t = await getTranslations("it");
  // Typed, first value of each, junk dropped: the filters and the cursor reach SQL only in shapes it accepts.
  const params = pageQuery(itQueueQuery, await searchParams);
  const { after, ...filters }: QueueFilters & { after?: string } = params;
  const [{ rows, next }, counts, agents, options] = await Promise.all([listQueue(filters, person.employeeId, after), queueCounts(), listAgents(), filterOptions()]);
  const now = new Date();
  const filterEntries = Object.entries(filters).filter(([, v]) => v) as [string, string][];
  const nextHref = next ? `/it?${new URLSearchParams({ ...Object.fromEntries(filterEntries), after: next })}` : null;

  return (
    <>
      {/* The first ticket without Tabbing through the filters: the first stop in the page's content. */}
      {rows.length > 0 ? <SkipToFirst /> : null}
      <AutoRefresh />
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <p className="mb-4">
        <Link href="/it/incidents" className="font-medium text-blue-800 underline">
          {t("incidents.link")}
        </Link>
      </p>
      <section aria-labelledby="counts-heading" className="mb-6">
        <h2 id="counts-heading" className="sr-only">
          {t("counts.heading")}
        </h2>
        <dl className="flex flex-wrap gap-2 text-sm">
          {Object.entries(counts.byStatus).map(([status, n]) => (
            <div key={status} className="rounded-md border border-slate-300 bg-white px-3 py-2">
              <dt className="inline">{t(`status.${status as "new"}`)}: </dt>
              <dd className="inline font-semibold">{n}</dd>
            </div>
          ))}
          <div className="rounded-md border border-red-300 bg-red-50 px-3 py-2">
            <dt className="inline">{t("queue.overdue")}: </dt>
            <dd className="inline font-semibold">{counts.overdue}</dd>
          </div>
          {Object.entries(counts.byCategory).map(([category, n]) => (
            <div key={category} className="rounded-md border border-slate-300 bg-white px-3 py-2">
              <dt className="inline">{t(`category.${category as "help_request"}`)}: </dt>
              <dd className="inline font-semibold">{n}</dd>
            </div>
          ))}
        </dl>
      </section>

      <form method="get" className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-3" aria-label={t("filters.label")}>
        {[
          ["category", categories.map((c) => [c, t(`category.${c}`)])],
          ["status", [["open", t("filters.open")], ...ticketStatuses.map((s) => [s, t(`status.${s}`)])]],
          ["priority", priorities.map((p) => [p, t(`priority.${p}`)])],
          ["site", options.sites.map((s) => [s.id, s.name])],
          ["orgUnit", options.orgUnits.map((o) => [o.id, o.name])],
          ["assignee", [["me", t("filters.me")], ["unassigned", t("filters.unassigned")]]],
        ].map(([name, choices]) => (
          <div key={name as string} className="flex flex-col gap-1">
            <label htmlFor={`filter-${name}`} className="font-medium">
              {t(`filters.${name as "category"}`)}
            </label>
            <select id={`filter-${name}`} name={name as string} defaultValue={params[name as keyof typeof params] ?? (name === "status" ? "open" : "")} className="min-h-11 rounded-md border border-slate-500 bg-white px-3">
              {name !== "status" ? <option value="">{t("filters.any")}</option> : null}
              {(choices as string[][]).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="filter-q" className="font-medium">
            {t("filters.search")}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={100} className="min-h-11 rounded-md border border-slate-500 px-3" />
        </div>
        <div className="flex items-end">
          <button type="submit" className={buttonClass("primary", "w-full")}>
            {t("filters.apply")}
          </button>
        </div>
      </form>

      <QueueTable
        agents={agents}
        now={now.toISOString()}
        queueQuery={new URLSearchParams(filterEntries).toString()}
        rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), slaDueAt: r.slaDueAt.toISOString(), overdue: isOverdue(r.status, r.slaDueAt, now) }))}
        empty={t("queue.empty")}
        pager={{ next: nextHref ? { href: nextHref, label: t("queue.next") } : null }}
      />
    </>
  );
}
