import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { ReviewDecision } from "@/components/hr/review-decision";
import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listPendingReviews } from "@/lib/eligibility/review-decision";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hr.reviews"))("title") };
}

/** HR's queue of "needs review" answers (issue 17 point 4): the earliest due first, each decided in one click. */
export default async function HrReviewsPage() {
  await requireRole("hr");
  const t = await getTranslations("hr.reviews");
  const tc = await getTranslations("eligibility.contracts");
  const format = await getFormatter();
  const { rows, total } = await listPendingReviews(db());
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <DataTable
        caption={t("caption")}
        rows={rows}
        rowKey={(r) => r.number}
        rowClassName={() => "align-top"}
        empty={<p className="rounded-lg border border-slate-300 bg-white p-4">{t("none")}</p>}
        columns={[
          {
            key: "due",
            header: t("columns.due"),
            className: "whitespace-nowrap",
            cell: (r) => (
              <>
                {format.dateTime(r.dueAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Zurich" })}
                {r.overdue ? <span className="ml-2 rounded bg-red-100 px-1 font-semibold text-red-900">{t("overdue")}</span> : null}
              </>
            ),
          },
          { key: "person", header: t("columns.person"), rowHeader: true, cell: (r) => r.name, note: (r) => r.employeeNumber },
          { key: "unit", header: t("columns.unit"), cell: (r) => r.orgUnit ?? "–", note: (r) => r.site ?? "" },
          { key: "contract", header: t("columns.contract"), cell: (r) => (tc.has(r.contractType as never) ? tc(r.contractType as never) : r.contractType) },
          { key: "decision", header: t("columns.decision"), cell: (r) => <ReviewDecision number={r.number} name={r.name} /> },
        ]}
      />
      {total > rows.length ? <p className="mt-3 text-slate-700">{t("more", { shown: rows.length, total })}</p> : null}
      <p className="mt-6">
        <Link href="/hr" className="font-medium text-blue-800 underline">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
