import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BackToStatus } from "@/components/onboarding/back-to-status";
import { MonthGrid } from "@/components/rht/month-grid";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requirePerson } from "@/lib/auth/session";
import { monthOrCurrent, monthStart, shiftMonth } from "@/lib/rht/month";
import { getMonthSheet } from "@/lib/rht/timesheet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timesheet"))("title") };
}

export default async function TimesheetPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const person = await requirePerson();
  const t = await getTranslations("timesheet");
  const asked = (await searchParams).month;
  const month = monthOrCurrent(asked);
  const sheet = await getMonthSheet(person.employeeId, month);
  const monthName = (await getFormatter()).dateTime(monthStart(month), { month: "long", year: "numeric", timeZone: "UTC" });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <nav aria-label={t("monthNav")} className="mb-4 flex items-center gap-4">
        <Link href={`/timesheet?month=${shiftMonth(month, -1)}`} className="min-h-11 py-2 font-medium text-blue-800 underline">
          {t("previous")}
        </Link>
        <span className="font-semibold" aria-current="page">
          {t("month", { month: monthName, code: month })}
        </span>
        <Link href={`/timesheet?month=${shiftMonth(month, 1)}`} className="min-h-11 py-2 font-medium text-blue-800 underline">
          {t("next")}
        </Link>
      </nav>
      {sheet.status !== "draft" ? (
        <div className="mb-4">
          <Notice tone="info">{t(`status.${sheet.status}`)}</Notice>
        </div>
      ) : null}
      <MonthGrid key={month} month={month} days={sheet.days} editable={sheet.status === "draft"} />
      <BackToStatus />
    </>
  );
}
