import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { PrintButton } from "@/components/ui/print-button";
import { TextField } from "@/components/ui/text-field";
import { requireRole } from "@/lib/auth/session";
import { onsiteRoster, zurichToday } from "@/lib/roster/onsite";
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
          <section key={s.site} aria-labelledby={`site-${s.site}`} className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id={`site-${s.site}`} className="mb-2 text-xl font-semibold">
              {t("site", { site: s.site, count: s.people.length })}
            </h2>
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{t("caption", { site: s.site })}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-left">
                    <th scope="col" className="p-2">{t("person")}</th>
                    <th scope="col" className="p-2">{t("why")}</th>
                    <th scope="col" className="p-2">{t("unit")}</th>
                    <th scope="col" className="p-2">{t("contact")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.people.map((p) => (
                    <tr key={p.number} className="border-b border-slate-200">
                      <th scope="row" className="p-2 text-left font-medium">
                        {p.name}
                        <span className="block text-xs font-normal text-slate-700">{p.number}</span>
                      </th>
                      <td className="p-2">{t(`reasons.${p.reason}`)}</td>
                      <td className="p-2">{p.orgUnit ?? "–"}</td>
                      <td className="p-2">
                        {[p.workEmail, p.privateEmail].filter(Boolean).map((address) => (
                          <a key={address} href={`mailto:${address}`} className="block text-blue-800 underline">
                            {address}
                          </a>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
