import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { ImportForm } from "@/components/rht/import-form";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { importColumns } from "@/lib/rht/import-rows";
import { monthOrCurrent } from "@/lib/rht/month";
import { overtimeColumns } from "@/lib/rht/overtime-import-rows";
import { countOvertimeOpenings } from "@/lib/rht/overtime-openings";
import { absenceKinds } from "@/lib/rht/rules";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { monthQuery } from "@/lib/http/page-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hr.import"))("title") };
}

export default async function HrImportPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRole("hr");
  const t = await getTranslations("hr.import");
  const month = monthOrCurrent(pageQuery(monthQuery, await searchParams).month);
  const openings = await countOvertimeOpenings();
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <p className="mb-4">
        <Link href={`/hr?month=${month}`} className="font-medium text-blue-800 underline">
          {t("back")}
        </Link>
      </p>
      <section aria-labelledby="format-heading" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="format-heading" className="mb-2 text-xl font-semibold">
          {t("format")}
        </h2>
        <ul className="mb-3 list-disc pl-6">
          {importColumns.map((c) => (
            <li key={c}>
              <code className="font-mono">{c}</code>: {t(`columns.${c}`)}
            </li>
          ))}
        </ul>
        <p className="mb-2">{t("kinds", { kinds: absenceKinds.join(", ") })}</p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm">
          {"employee_number;date;worked;absence_kind;absence;overtime\nE00042;2026-11-02;4:12;;;\nE00042;03.11.2026;0;sickness;8:24;\nE00042;2026-11-04;9:30;;;yes"}
        </pre>
      </section>
      <ImportForm />

      <section aria-labelledby="overtime-heading" className="mt-10 border-t border-slate-300 pt-6">
        <h2 id="overtime-heading" className="mb-2 text-2xl font-semibold">
          {t("overtime.heading")}
        </h2>
        <p className="mb-2">{t("overtime.lead")}</p>
        <p className="mb-4 font-medium">{t("overtime.count", { count: openings })}</p>
        <div className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
          <h3 className="mb-2 text-xl font-semibold">{t("format")}</h3>
          <ul className="mb-3 list-disc pl-6">
            {overtimeColumns.map((c) => (
              <li key={c}>
                <code className="font-mono">{c}</code>: {t(`overtime.columns.${c}`)}
              </li>
            ))}
          </ul>
          <p className="mb-2">{t("overtime.note")}</p>
          <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm">{"employee_number;balance;date\nE00042;12:30;2026-03-01\nE00043;-3:30;01.03.2026"}</pre>
        </div>
        <ImportForm kind="overtime" />
      </section>
    </>
  );
}
