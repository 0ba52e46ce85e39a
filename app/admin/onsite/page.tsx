import type { Metadata } from "next";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { AdminNav } from "@/components/admin/admin-nav";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { PrintButton } from "@/components/ui/print-button";
import { SectionCard } from "@/components/ui/section-card";
import { TextField } from "@/components/ui/text-field";
import { requireRole } from "@/lib/auth/session";
import { onsiteRoster, zurichToday, type OnsitePerson } from "@/lib/roster/onsite";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { onsiteQuery } from "@/lib/http/page-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.onsite"))("title") };
}

/** Who is on site on a day, per site, with contact details for the crisis cell. */
export default async function AdminOnsitePage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRole("admin");
  const t = await getTranslations("admin.onsite");
  const format = await getFormatter();
  const day = pageQuery(onsiteQuery, await searchParams).day ?? zurichToday().toISOString().slice(0, 10);
  const sites = await onsiteRoster(day);
  const columns: Column<OnsitePerson>[] = [
    { key: "person", header: t("person"), rowHeader: true, cell: (p) => p.name, note: (p) => p.number },
    { key: "why", header: t("why"), cell: (p) => t(`reasons.${p.reason}`) },
    { key: "unit", header: t("unit"), cell: (p) => p.orgUnit ?? "–" },
    {
      key: "contact",
      header: t("contact"),
      cell: (p) =>
        [p.workEmail, p.privateEmail].filter(Boolean).map((address) => (
          <a key={address} href={`mailto:${address}`} className="block text-blue-800 underline">
            {address}
          </a>
        )),
    },
  ];
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {/* The printed roster is for the crisis cell's wall: the day and the people, no controls. */}
      <div className="print:hidden">
        <AdminNav current="onsite" />
      </div>
      <form method="get" className="mb-6 flex print:hidden flex-col gap-3 sm:flex-row sm:items-end">
        <TextField id="onsite-day" name="day" type="date" label={t("day")} defaultValue={day} />
        <button type="submit" className={buttonClass("secondary")}>
          {t("show")}
        </button>
      </form>
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <p className="font-semibold">{format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" })}</p>
        <a href={`/admin/onsite/export?day=${day}`} className="font-medium text-blue-800 underline print:hidden">
          {t("export")}
        </a>
        <PrintButton label={t("print")} />
      </div>
      {sites.length === 0 ? <p>{t("none")}</p> : null}
      <div className="flex flex-col gap-6">
        {sites.map((s) => (
          <SectionCard key={s.site} id={`site-${s.site}`} title={t("site", { site: s.site, count: s.people.length })}>
            <DataTable caption={t("caption", { site: s.site })} columns={columns} rows={s.people} rowKey={(p) => p.number} />
          </SectionCard>
        ))}
      </div>
    </>
  );
}
