import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateIncidentButton, IncidentAnswerForm } from "@/components/triage/incident-forms";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listIncidents } from "@/lib/triage/queries";
import { suggestIncidents } from "@/lib/triage/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("it.incidents"))("title") };
}

export default async function IncidentsPage() {
  await requireRole(["it_agent", "admin"]);
  const t = await getTranslations("it");
  const format = await getFormatter();
  const [suggestions, incidents] = await Promise.all([suggestIncidents(db()), listIncidents()]);
  return (
    <>
      <p className="mb-2">
        <Link href="/it" className="font-medium text-blue-800 underline">
          {t("ticket.back")}
        </Link>
      </p>
      <PageTitle lead={t("incidents.lead")}>{t("incidents.title")}</PageTitle>
      <section aria-labelledby="suggestions-heading" className="mb-8 flex flex-col gap-3">
        <h2 id="suggestions-heading" className="text-lg font-semibold">
          {t("incidents.suggestions")}
        </h2>
        {suggestions.length === 0 ? <p>{t("incidents.noSuggestions")}</p> : null}
        {/* A list: each suggestion (and its button) is one item a screen reader, and a test, can find by its text. */}
        <ul className="flex flex-col gap-3">
          {suggestions.map((s) => {
            const title = `${t(`category.${s.category as "help_request"}`)}${s.isp ? ` · ${s.isp}` : ""}`;
            return (
              <li key={`${s.category}-${s.isp}`} className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4 sm:flex-row sm:items-center sm:justify-between">
                <p>{t("incidents.suggestion", { title, count: s.count })}</p>
                <CreateIncidentButton title={title} numbers={s.numbers} />
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="incidents-heading" className="flex flex-col gap-4">
        <h2 id="incidents-heading" className="text-lg font-semibold">
          {t("incidents.list")}
        </h2>
        {incidents.length === 0 ? <p>{t("incidents.none")}</p> : null}
        {incidents.map((incident) => (
          <article key={incident.id} aria-labelledby={`incident-${incident.id}-title`} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
            <h3 id={`incident-${incident.id}-title`} className="font-semibold">
              {incident.title}
            </h3>
            <p className="text-sm text-slate-700">
              {t(`incidents.status.${incident.status as "open"}`)} · {t("incidents.counts", { open: incident.open, total: incident.total })} · {format.dateTime(incident.createdAt, { dateStyle: "medium" })} ·{" "}
              <Link href={`/it?incident=${incident.id}&status=open`} className="text-blue-800 underline">
                {t("incidents.showTickets")}
              </Link>
            </p>
            {incident.open > 0 ? <IncidentAnswerForm incidentId={incident.id} open={incident.open} /> : null}
          </article>
        ))}
      </section>
    </>
  );
}
