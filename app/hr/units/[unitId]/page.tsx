import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server-translations";
import { z } from "zod";
import { CheckList } from "@/components/rht/check-list";
import { MonthNav } from "@/components/rht/month-nav";
import { SubmitImported } from "@/components/rht/submit-imported";
import { UnitAuthorisationForm } from "@/components/rht/unit-authorisation-form";
import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { compensableIn } from "@/lib/rht/declaration";
import type { EmployeeMonth } from "@/lib/rht/employee-months";
import { monthOrCurrent } from "@/lib/rht/month";
import { reviewMonth } from "@/lib/rht/periods";
import { formatDuration } from "@/lib/rht/schema";
import { importedDrafts } from "@/lib/rht/submit-unit";
import { unitAuthorisation } from "@/lib/rht/unit-authorisation";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { monthQuery } from "@/lib/http/page-queries";
import { getNumberFormatter } from "@/lib/i18n/number-formatter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hr.unit"))("title") };
}

/** One unit's month: each employee's state and figures, with the unit's checks. */
export default async function HrUnitPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: PageSearchParams }) {
  await requireRole("hr");
  const { unitId } = await params;
  if (!z.uuid().safeParse(unitId).success) notFound();
  const t = await getTranslations("hr");
  // Swiss conventions per language (2’003 in German), see lib/i18n/format.ts.
  const localNumber = await getNumberFormatter();
  const month = monthOrCurrent(pageQuery(monthQuery, await searchParams).month);
  const people: EmployeeMonth[] = [];
  const { units, checks } = await reviewMonth(month, { unitId, each: (e) => people.push(e) });
  const unit = units[0];
  if (!unit) notFound();
  const percent = (lost: number, base: number) => (base > 0 ? localNumber(lost / base, { style: "percent", maximumFractionDigits: 1 }) : "–");
  return (
    <>
      <PageTitle lead={t("unit.lead", { status: t(`period.status.${unit.period}`) })}>{unit.orgUnit}</PageTitle>
      <MonthNav month={month} basePath={`/hr/units/${unitId}`} label={t("monthNav")} previous={t("previous")} next={t("next")} />
      <p className="mb-4">
        <Link href={`/hr?month=${month}`} className="font-medium text-blue-800 underline">
          {t("unit.back")}
        </Link>
      </p>
      <UnitAuthorisationForm unitId={unitId} authorisation={await unitAuthorisation(unitId)} />
      {unit.period === "open" ? <SubmitImported unitId={unitId} unit={unit.orgUnit} month={month} count={await importedDrafts(unitId, month)} /> : null}
      <section aria-labelledby="checks-heading" className="mb-6">
        <h2 id="checks-heading" className="mb-2 text-xl font-semibold">
          {t("checks.title")}
        </h2>
        <CheckList checks={checks} unitNames={new Map([[unit.orgUnitId, unit.orgUnit]])} month={month} />
      </section>
      <DataTable
        caption={t("unit.caption")}
        rows={people}
        rowKey={(p) => p.employeeId}
        columns={[
          {
            key: "employee",
            header: t("unit.columns.employee"),
            rowHeader: true,
            cell: (p) => (
              <>
                <Link href={`/hr/people?number=${encodeURIComponent(p.number)}&month=${month}`} className="text-blue-800 underline">
                  {p.lastName} {p.firstName}
                </Link>
                <span className="block text-xs font-normal text-slate-700">{p.number}</span>
              </>
            ),
          },
          { key: "status", header: t("unit.columns.status"), cell: (p) => t(`monthStatus.${p.status}`) },
          { key: "missing", header: t("unit.columns.missing"), cell: (p) => (p.entries === 0 ? t("unit.noEntries") : p.missingDays) },
          { key: "normal", header: t("unit.columns.normal"), cell: (p) => formatDuration(p.figures.normal) },
          { key: "worked", header: t("unit.columns.worked"), cell: (p) => formatDuration(p.figures.worked) },
          { key: "lost", header: t("unit.columns.lost"), cell: (p) => formatDuration(p.figures.lost) },
          { key: "loss", header: t("unit.columns.loss"), cell: (p) => percent(p.figures.loss.lost, p.figures.loss.base) },
          { key: "compensable", header: t("unit.columns.compensable"), cell: (p) => formatDuration(compensableIn(p.figures, unit.threshold)) },
          {
            key: "flags",
            header: t("unit.columns.flags"),
            cell: (p) => [p.figures.excludedReason ? t(`excluded.${p.figures.excludedReason}`) : null, p.figures.over85 ? t("unit.over85", { count: p.figures.over85Periods }) : null].filter(Boolean).join(" · "),
          },
        ]}
      />
    </>
  );
}
