import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { MonthGrid } from "@/components/rht/month-grid";
import { MonthNav } from "@/components/rht/month-nav";
import { ReturnMonthButton } from "@/components/rht/return-month-button";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { employeeMonths } from "@/lib/rht/employee-months";
import { monthOrCurrent } from "@/lib/rht/month";
import { findEmployeeForHr, monthVersions, periodOf } from "@/lib/rht/periods";
import { dayFigures } from "@/lib/rht/rules";
import { frozenClosing } from "@/lib/rht/declaration";
import { formatDuration } from "@/lib/rht/schema";
import { getMonthSheet } from "@/lib/rht/timesheet";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { hrPersonQuery } from "@/lib/http/page-queries";
import { getNumberFormatter } from "@/lib/i18n/number-formatter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hr.person"))("title") };
}

/** One employee's month for HR: card, figures, the grid (edit, or correct after lock) and every locked version. */
export default async function HrPersonPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRole("hr");
  const t = await getTranslations("hr");
  const format = await getFormatter();
  // Swiss conventions per language (2’003 in German), see lib/i18n/format.ts.
  const localNumber = await getNumberFormatter();
  const query = pageQuery(hrPersonQuery, await searchParams);
  const month = monthOrCurrent(query.month);
  const person = query.number ? await findEmployeeForHr(query.number) : null;
  if (!person) {
    return (
      <>
        <PageTitle>{t("person.title")}</PageTitle>
        <Notice tone="error">{t("person.notFound")}</Notice>
        <p className="mt-4">
          <Link href={`/hr?month=${month}`} className="font-medium text-blue-800 underline">
            {t("unit.back")}
          </Link>
        </p>
      </>
    );
  }
  const [sheet, period, versions] = await Promise.all([getMonthSheet(person.id, month), periodOf(person.orgUnitId, month), monthVersions(person.id, month)]);
  let figures = null;
  for await (const e of employeeMonths(month, { employeeId: person.id })) figures = e.figures;
  const shown = query.version ? versions.find((v) => v.version === query.version) : undefined;
  const editable = sheet.status === "locked" || ((sheet.status === "draft" || sheet.status === "submitted") && period === "open");
  const h = (m: number) => formatDuration(m);
  const when = (d: Date) => format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageTitle lead={t("person.lead", { number: person.number, unit: person.orgUnit ?? "–" })}>
        {person.lastName} {person.firstName}
      </PageTitle>
      <MonthNav month={month} basePath="/hr/people" query={`&number=${encodeURIComponent(person.number)}`} label={t("monthNav")} previous={t("previous")} next={t("next")} />
      <p className="mb-4">
        {person.orgUnitId ? (
          <Link href={`/hr/units/${person.orgUnitId}?month=${month}`} className="font-medium text-blue-800 underline">
            {t("person.backToUnit", { unit: person.orgUnit ?? "" })}
          </Link>
        ) : null}
      </p>

      <section aria-labelledby="card-heading" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="card-heading" className="mb-2 text-xl font-semibold">
          {t("person.card")}
        </h2>
        <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          {[
            [t("person.avs"), person.avsNumber ?? "–"],
            [t("person.birthDate"), person.birthDate ?? "–"],
            [t("person.rate"), `${person.employmentRate} %`],
            [t("person.status"), t(`monthStatus.${sheet.status}`)],
            [t("person.period"), t(`period.status.${period}`)],
            [t("person.excluded"), figures?.excludedReason ? t(`excluded.${figures.excludedReason}`) : t("person.no")],
          ].map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {figures ? (
        <section aria-labelledby="figures-heading" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="figures-heading" className="mb-2 text-xl font-semibold">
            {t("person.figures")}
          </h2>
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {(
              [
                ["normal", h(figures.normal)],
                ["worked", h(figures.worked)],
                ["overtime", h(figures.overtime)],
                ["lost", h(figures.lost)],
                ["holidayAdjacent", h(figures.deductions.holidayAdjacent)],
                ["overtimeDeduction", h(figures.deductions.overtime)],
                ["waitingPeriod", h(figures.deductions.waitingPeriod)],
                ["compensable", h(figures.compensable)],
                ["loss", figures.loss.base > 0 ? localNumber(figures.loss.lost / figures.loss.base, { style: "percent", maximumFractionDigits: 2 }) : "–"],
                ["over85Periods", String(figures.over85Periods)],
                ["priorBalance", h(figures.priorOvertimeBalance)],
                ["closingBalance", h(frozenClosing(figures))],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt className="text-sm text-slate-700">{t(`person.figure.${key}`)}</dt>
                <dd className="text-lg font-semibold">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="days-heading" className="mb-6">
        <h2 id="days-heading" className="mb-2 text-xl font-semibold">
          {t("person.days")}
        </h2>
        <div className="mb-3">
          <Notice tone={sheet.status === "locked" ? "warning" : "info"}>{t(`person.editing.${editable ? (sheet.status === "locked" ? "correction" : "open") : "closed"}`)}</Notice>
        </div>
        {sheet.status === "submitted" && period === "open" ? (
          <div className="mb-3">
            <ReturnMonthButton month={month} number={person.number} />
          </div>
        ) : null}
        <MonthGrid key={`${month}:${sheet.status}`} month={month} days={sheet.days} status={sheet.status} editable={editable} canSubmit={sheet.status === "draft" && editable} hr={{ number: person.number, correction: sheet.status === "locked" }} />
      </section>

      <section aria-labelledby="versions-heading" className="mb-6">
        <h2 id="versions-heading" className="mb-2 text-xl font-semibold">
          {t("person.versions")}
        </h2>
        {versions.length === 0 ? (
          <p>{t("person.noVersions")}</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {versions.map((v) => (
              <li key={v.version} className="rounded-md border border-slate-300 bg-white p-3">
                <p className="font-medium">
                  {t("person.version", { version: v.version, when: when(v.createdAt), by: v.createdBy ?? "–" })}
                  {" · "}
                  {t("person.versionLost", { lost: h(v.figures.lost), compensable: h(v.figures.compensable) })}
                </p>
                {v.reason ? <p className="text-sm">{t("person.reason", { reason: v.reason })}</p> : null}
                <Link href={`/hr/people?number=${encodeURIComponent(person.number)}&month=${month}&version=${v.version}#version-days`} className="text-sm font-medium text-blue-800 underline">
                  {t("person.showVersion", { version: v.version })}
                </Link>
              </li>
            ))}
          </ol>
        )}
        {shown ? (
          <div className="mt-4">
            <DataTable
              id="version-days"
              caption={t("person.versionCaption", { version: shown.version })}
              captionVisible
              rows={shown.days.filter((d) => d.planned > 0 || d.worked > 0)}
              rowKey={(d) => d.date}
              columns={[
                {
                  key: "day",
                  header: t("person.versionColumns.day"),
                  rowHeader: true,
                  cell: (d) => format.dateTime(new Date(`${d.date}T12:00:00Z`), { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }),
                },
                { key: "planned", header: t("person.versionColumns.planned"), cell: (d) => h(d.planned) },
                { key: "worked", header: t("person.versionColumns.worked"), cell: (d) => h(d.worked) },
                { key: "absent", header: t("person.versionColumns.absent"), cell: (d) => h(Object.values(d.absences).reduce<number>((a, b) => a + (b ?? 0), 0)) },
                { key: "lost", header: t("person.versionColumns.lost"), cell: (d) => h(dayFigures(d).lost) },
              ]}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}
