import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { auditActions, auditFilterSchema, searchAudit } from "@/lib/audit/queries";
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
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                {(["when", "action", "actor", "target", "details"] as const).map((c) => (
                  <th key={c} scope="col" className="p-2">
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="p-2 whitespace-nowrap">{format.dateTime(new Date(r.at), { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <th scope="row" className="p-2 text-left font-mono font-medium">{r.action}</th>
                  <td className="p-2">{r.actor ? `${r.actor} (${r.actorNumber})` : t("system")}</td>
                  <td className="p-2 font-mono">{[r.targetType, r.targetId].filter(Boolean).join(" ") || "–"}</td>
                  <td className="p-2 font-mono text-xs break-all">{r.details ? JSON.stringify(r.details) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/admin/audit?${query.toString()}${query.size ? "&" : ""}before=${next}`} className="font-medium text-blue-800 underline">
            {t("older")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
