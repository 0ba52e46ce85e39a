import type { Metadata } from "next";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { AdminNav } from "@/components/admin/admin-nav";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { auditActions, auditFilterSchema, searchAudit, type AuditEntryRow } from "@/lib/audit/queries";
import { requireRole } from "@/lib/auth/session";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title") };
}

/** The audit log, newest first, filtered by action, actor, target and dates. */
export default async function AdminAuditPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRole("admin");
  const t = await getTranslations("admin.audit");
  const format = await getFormatter();
  const filter = pageQuery(auditFilterSchema, await searchParams);
  const [{ rows, next }, actions] = await Promise.all([searchAudit(filter), auditActions()]);
  const query = new URLSearchParams(Object.entries({ ...filter, before: undefined }).filter(([, v]) => v !== undefined && v !== "") as [string, string][]);
  const columns: Column<AuditEntryRow>[] = [
    { key: "when", header: t("columns.when"), className: "whitespace-nowrap", cell: (r) => format.dateTime(new Date(r.at), { dateStyle: "medium", timeStyle: "medium" }) },
    { key: "action", header: t("columns.action"), rowHeader: true, className: "font-mono", cell: (r) => r.action },
    { key: "actor", header: t("columns.actor"), cell: (r) => (r.actor ? `${r.actor} (${r.actorNumber})` : t("system")) },
    { key: "target", header: t("columns.target"), className: "font-mono", cell: (r) => [r.targetType, r.targetId].filter(Boolean).join(" ") || "–" },
    { key: "details", header: t("columns.details"), className: "font-mono text-xs break-all", cell: (r) => (r.details ? JSON.stringify(r.details) : "") },
  ];
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AdminNav current="audit" />
      <form method="get" className="mb-6 grid gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <SelectField id="audit-action" name="action" label={t("action")} defaultValue={filter.action ?? ""}>
          <option value="">{t("all")}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        <TextField id="audit-actor" name="actor" label={t("actor")} defaultValue={filter.actor ?? ""} autoComplete="off" />
        <TextField id="audit-target" name="target" label={t("target")} defaultValue={filter.target ?? ""} autoComplete="off" />
        <TextField id="audit-from" name="from" type="date" label={t("from")} defaultValue={filter.from ?? ""} />
        <TextField id="audit-to" name="to" type="date" label={t("to")} defaultValue={filter.to ?? ""} />
        <button type="submit" className={buttonClass("secondary")}>
          {t("filter")}
        </button>
      </form>
      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowClassName={() => "align-top"}
        empty={t("none")}
        pager={{ next: next ? { href: `/admin/audit?${query.toString()}${query.size ? "&" : ""}before=${next}`, label: t("older") } : null }}
      />
    </>
  );
}
