import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { monthOrCurrent, monthStart, shiftMonth } from "@/lib/rht/month";
import { monthOverview } from "@/lib/rht/hr";
import { formatDuration } from "@/lib/rht/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hr"))("title") };
}

export default async function HrPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  await requireRole("hr");
  const t = await getTranslations("hr");
  const format = await getFormatter();
  const asked = (await searchParams).month;
  const month = monthOrCurrent(asked);
  const units = await monthOverview(month);
  const percent = (lost: number, normal: number) => (normal > 0 ? format.number(lost / normal, { style: "percent", maximumFractionDigits: 1 }) : "–");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <nav aria-label={t("monthNav")} className="mb-4 flex items-center gap-4">
        <Link href={`/hr?month=${shiftMonth(month, -1)}`} className="min-h-11 py-2 font-medium text-blue-800 underline">
          {t("previous")}
        </Link>
        <span className="font-semibold" aria-current="page">
          {format.dateTime(monthStart(month), { month: "long", year: "numeric", timeZone: "UTC" })}
        </span>
        <Link href={`/hr?month=${shiftMonth(month, 1)}`} className="min-h-11 py-2 font-medium text-blue-800 underline">
          {t("next")}
        </Link>
      </nav>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              {["unit", "entries", "submitted", "normal", "worked", "lost", "loss", "threshold"].map((c) => (
                <th key={c} scope="col" className="p-2">
                  {t(`columns.${c as "unit"}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.orgUnitId} className="border-b border-slate-200">
                <th scope="row" className="p-2 text-left font-medium">
                  {unit.orgUnit}
                </th>
                <td className="p-2">{t("of", { count: unit.withEntries, total: unit.employees })}</td>
                <td className="p-2">{t("of", { count: unit.submitted, total: unit.employees })}</td>
                <td className="p-2">{formatDuration(unit.normal)}</td>
                <td className="p-2">{formatDuration(unit.worked)}</td>
                <td className="p-2">{formatDuration(unit.lost)}</td>
                <td className="p-2">{percent(unit.lost, unit.normal)}</td>
                <td className="p-2">{unit.normal === 0 ? "–" : unit.qualifies ? t("qualifies") : <strong className="text-red-800">{t("under10")}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
