import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server-translations";
import { BackToStatus } from "@/components/onboarding/back-to-status";
import { MonthGrid } from "@/components/rht/month-grid";
import { MonthNav } from "@/components/rht/month-nav";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requirePerson } from "@/lib/auth/session";
import { monthOrCurrent } from "@/lib/rht/month";
import { getMonthSheet } from "@/lib/rht/timesheet";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { monthQuery } from "@/lib/http/page-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timesheet"))("title") };
}

export default async function TimesheetPage({ searchParams }: { searchParams: PageSearchParams }) {
  const person = await requirePerson();
  const t = await getTranslations("timesheet");
  const asked = pageQuery(monthQuery, await searchParams).month;
  const month = monthOrCurrent(asked);
  const sheet = await getMonthSheet(person.employeeId, month);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <MonthNav month={month} basePath="/timesheet" label={t("monthNav")} previous={t("previous")} next={t("next")} />
      {sheet.status !== "draft" ? (
        <div className="mb-4">
          <Notice tone="info">{t(`status.${sheet.status}`)}</Notice>
        </div>
      ) : null}
      <MonthGrid key={month} month={month} days={sheet.days} status={sheet.status} editable={sheet.status === "draft"} />
      <BackToStatus />
    </>
  );
}
