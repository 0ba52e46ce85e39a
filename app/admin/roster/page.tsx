import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server-translations";
import { AdminNav } from "@/components/admin/admin-nav";
import { DeactivateButton } from "@/components/admin/deactivate-button";
import { RoleButtons } from "@/components/admin/role-buttons";
import { RosterImportForm } from "@/components/admin/roster-import-form";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { SectionCard } from "@/components/ui/section-card";
import { TextField } from "@/components/ui/text-field";
import { requireRole } from "@/lib/auth/session";
import { rosterColumns, requiredRosterColumns } from "@/lib/roster/import-rows";
import { listStaff, type StaffMember } from "@/lib/roster/roles";
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
  const columns: Column<StaffMember>[] = [
    { key: "person", header: t("roles.person"), rowHeader: true, cell: (s) => `${s.lastName} ${s.firstName}`, note: (s) => `${s.number} · ${s.email ?? "–"} · ${s.orgUnit ?? "–"}` },
    { key: "current", header: t("roles.current"), cell: (s) => (s.roles.length ? s.roles.map((r) => t(`roles.names.${r}`)).join(", ") : t("roles.none")) },
    {
      key: "change",
      header: t("roles.change"),
      cell: (s) => (
        <>
          <RoleButtons number={s.number} name={`${s.firstName} ${s.lastName}`} roles={s.roles} />
          {s.id !== me.employeeId ? (
            <div className="mt-2">
              <DeactivateButton number={s.number} name={`${s.firstName} ${s.lastName}`} />
            </div>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AdminNav current="roster" />
      <SectionCard id="import-heading" title={t("import.title")} className="mb-8">
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
      </SectionCard>
      <SectionCard id="roles-heading" title={t("roles.title")}>
        <form method="get" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField id="staff-search" name="q" label={t("roles.search")} defaultValue={q ?? ""} autoComplete="off" />
          <button type="submit" className={buttonClass("secondary")}>
            {t("roles.find")}
          </button>
        </form>
        <DataTable caption={t("roles.caption")} columns={columns} rows={staff} rowKey={(s) => s.id} rowClassName={() => "align-top"} />
      </SectionCard>
    </>
  );
}
