import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { DeactivateButton } from "@/components/admin/deactivate-button";
import { RoleButtons } from "@/components/admin/role-buttons";
import { RosterImportForm } from "@/components/admin/roster-import-form";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { TextField } from "@/components/ui/text-field";
import { requireRole } from "@/lib/auth/session";
import { rosterColumns, requiredRosterColumns } from "@/lib/roster/import-rows";
import { listStaff } from "@/lib/roster/roles";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { rosterQuery } from "@/lib/http/page-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.roster"))("title") };
}

export default async function AdminRosterPage({ searchParams }: { searchParams: PageSearchParams }) {
  const me = await requireRole("admin");
  const t = await getTranslations("admin.roster");
  const q = pageQuery(rosterQuery, await searchParams).q ?? null;
  const staff = await listStaff(q);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AdminNav current="roster" />
      <section aria-labelledby="import-heading" className="mb-8 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="import-heading" className="mb-2 text-xl font-semibold">
          {t("import.title")}
        </h2>
        <p className="mb-2">{t("import.lead")}</p>
        <details className="mb-4">
          <summary className="cursor-pointer font-medium text-blue-800 underline">{t("import.columnsTitle")}</summary>
          <p className="mt-2">{t("import.required", { columns: requiredRosterColumns.join(", ") })}</p>
          <p className="mt-1 font-mono text-sm break-words">{rosterColumns.join(";")}</p>
          <p className="mt-1">{t("import.phone")}</p>
        </details>
        <RosterImportForm />
        <p className="mt-4">
          <a href="/admin/roster/export" className="font-medium text-blue-800 underline">
            {t("export")}
          </a>
        </p>
      </section>
      <section aria-labelledby="roles-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="roles-heading" className="mb-2 text-xl font-semibold">
          {t("roles.title")}
        </h2>
        <form method="get" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField id="staff-search" name="q" label={t("roles.search")} defaultValue={q ?? ""} autoComplete="off" />
          <button type="submit" className={buttonClass("secondary")}>
            {t("roles.find")}
          </button>
        </form>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("roles.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">{t("roles.person")}</th>
                <th scope="col" className="p-2">{t("roles.current")}</th>
                <th scope="col" className="p-2">{t("roles.change")}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 text-left font-medium">
                    {s.lastName} {s.firstName}
                    <span className="block text-xs font-normal text-slate-700">
                      {s.number} · {s.email ?? "–"} · {s.orgUnit ?? "–"}
                    </span>
                  </th>
                  <td className="p-2">{s.roles.length ? s.roles.map((r) => t(`roles.names.${r}`)).join(", ") : t("roles.none")}</td>
                  <td className="p-2">
                    <RoleButtons number={s.number} name={`${s.firstName} ${s.lastName}`} roles={s.roles} />
                    {s.id !== me.employeeId ? (
                      <div className="mt-2">
                        <DeactivateButton number={s.number} name={`${s.firstName} ${s.lastName}`} />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
