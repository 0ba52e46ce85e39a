import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { MonthNav } from "@/components/rht/month-nav";
import { CheckList } from "@/components/rht/check-list";
import { PeriodActions } from "@/components/rht/period-actions";
import { ReminderForm } from "@/components/rht/reminder-form";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { pendingReviewCounts } from "@/lib/eligibility/review-decision";
import { blocksApproval } from "@/lib/rht/checks";
import { monthOrCurrent } from "@/lib/rht/month";
import { monthOverview } from "@/lib/rht/unit-months";
import { formatDuration } from "@/lib/rht/schema";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { monthQuery } from "@/lib/http/page-queries";
import { getNumberFormatter } from "@/lib/i18n/number-formatter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hr"))("title") };
}

export default async function HrPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRole("hr");
  const t = await getTranslations("hr");
  // Swiss conventions per language (2’003 in German), see lib/i18n/format.ts.
  const localNumber = await getNumberFormatter();
  const month = monthOrCurrent(pageQuery(monthQuery, await searchParams).month);
  const [{ units, checks }, reviews] = await Promise.all([monthOverview(month), pendingReviewCounts(db())]);
  const unitNames = new Map(units.map((u) => [u.orgUnitId, u.orgUnit]));
  const percent = (lost: number, normal: number) => (normal > 0 ? localNumber(lost / normal, { style: "percent", maximumFractionDigits: 1 }) : "–");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {/* The reviews HR decides (issue 17 point 4): on HR's first page, with how many are late. */}
      <p className="mb-4">
        <Link href="/hr/reviews" className={`font-medium underline ${reviews.overdue > 0 ? "text-red-800" : "text-blue-800"}`}>
          {t("reviews.link", reviews)}
        </Link>
      </p>
      <MonthNav month={month} basePath="/hr" label={t("monthNav")} previous={t("previous")} next={t("next")} />

      <section aria-labelledby="checks-heading" className="mb-6">
        <h2 id="checks-heading" className="mb-2 text-xl font-semibold">
          {t("checks.title")}
        </h2>
        <CheckList checks={checks} unitNames={unitNames} month={month} />
      </section>

      <section aria-labelledby="units-heading" className="mb-6">
        <h2 id="units-heading" className="mb-2 text-xl font-semibold">
          {t("unitsTitle")}
        </h2>
        <DataTable
          caption={t("caption")}
          rows={units}
          rowKey={(unit) => unit.orgUnitId}
          rowClassName={() => "align-top"}
          columns={[
            {
              key: "unit",
              header: t("columns.unit"),
              rowHeader: true,
              cell: (unit) => (
                <Link href={`/hr/units/${unit.orgUnitId}?month=${month}`} className="text-blue-800 underline">
                  {unit.orgUnit}
                </Link>
              ),
            },
            { key: "affected", header: t("columns.affected"), cell: (unit) => t("of", { count: unit.affected, total: unit.employees }) },
            { key: "entries", header: t("columns.entries"), cell: (unit) => t("of", { count: unit.withEntries, total: unit.employees }) },
            { key: "submitted", header: t("columns.submitted"), cell: (unit) => t("of", { count: unit.submitted, total: unit.employees }) },
            { key: "normal", header: t("columns.normal"), cell: (unit) => formatDuration(unit.normal) },
            { key: "worked", header: t("columns.worked"), cell: (unit) => formatDuration(unit.worked) },
            { key: "lost", header: t("columns.lost"), cell: (unit) => formatDuration(unit.lost) },
            { key: "loss", header: t("columns.loss"), cell: (unit) => percent(unit.threshold.lost, unit.threshold.base) },
            {
              key: "threshold",
              header: t("columns.threshold"),
              cell: (unit) => (unit.threshold.lost === 0 ? "–" : unit.threshold.qualifies ? t("qualifies") : <strong className="text-red-800">{t("under10")}</strong>),
            },
            {
              key: "period",
              header: t("columns.period"),
              cell: (unit) => (
                <>
                  <p className="mb-1 font-medium">{t(`period.status.${unit.period}`)}</p>
                  <PeriodActions unitId={unit.orgUnitId} unit={unit.orgUnit} month={month} status={unit.period} blocked={blocksApproval(checks, unit.orgUnitId)} />
                </>
              ),
            },
          ]}
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="export-heading" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="export-heading" className="mb-1 text-xl font-semibold">
            {t("export.title")}
          </h2>
          <p className="mb-3 text-slate-700">{t("export.lead")}</p>
          <form action="/hr/export" method="get" className="flex flex-col gap-3">
            <input type="hidden" name="month" value={month} />
            <SelectField id="export-unit" name="unit" label={t("export.unit")} defaultValue="all">
              <option value="all">{t("export.allUnits")}</option>
              {units.map((u) => (
                <option key={u.orgUnitId} value={u.orgUnitId}>
                  {u.orgUnit}
                </option>
              ))}
            </SelectField>
            <SelectField id="export-file" name="file" label={t("export.file")} defaultValue="xlsx">
              <option value="xlsx">{t("export.xlsx")}</option>
              <option value="csv">{t("export.csv")}</option>
              <option value="csv-annex">{t("export.csvAnnex")}</option>
            </SelectField>
            <button type="submit" className={buttonClass("primary", "self-start")}>
              {t("export.download")}
            </button>
          </form>
        </section>

        <div className="flex flex-col gap-6">
          <section aria-labelledby="reminders-heading" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="reminders-heading" className="mb-1 text-xl font-semibold">
              {t("reminders.title")}
            </h2>
            <p className="mb-3 text-slate-700">{t("reminders.lead")}</p>
            <ReminderForm month={month} units={units.map((u) => ({ id: u.orgUnitId, name: u.orgUnit }))} />
          </section>
          <section aria-labelledby="find-heading" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="find-heading" className="mb-3 text-xl font-semibold">
              {t("find.title")}
            </h2>
            <form action="/hr/people" method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <input type="hidden" name="month" value={month} />
              <TextField id="find-number" name="number" label={t("find.number")} required autoComplete="off" />
              <button type="submit" className={buttonClass("secondary")}>
                {t("find.open")}
              </button>
            </form>
            <p className="mt-3">
              <Link href={`/hr/import?month=${month}`} className="font-medium text-blue-800 underline">
                {t("importLink")}
              </Link>
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
