import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { CreateIncidentButton, IncidentAnswerForm } from "@/components/triage/incident-forms";
import { IncidentTicketList } from "@/components/triage/incident-tickets";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { providerName } from "@/lib/triage/incident-text";
import { incidentSuggestions } from "@/lib/triage/incidents";
import { listIncidents } from "@/lib/triage/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("it.incidents"))("title") };
}

export default async function IncidentsPage() {
  await requireRole(["it_agent", "admin"]);
  const t = await getTranslations("it");
  const format = await getFormatter();
  const now = new Date();
  const [suggestions, incidents] = await Promise.all([incidentSuggestions(db()), listIncidents()]);
  // A group's name in the reader's language, with the provider as people call it.
  const titleOf = (category: string, provider: string | null) => `${t(`category.${category as "help_request"}`)}${provider ? ` · ${provider}` : ""}`;
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
        {/* A list: each suggestion (its tickets and its button) is one item a screen reader, and a test, can find by its text. */}
        <ul className="flex flex-col gap-3">
          {suggestions.map((s) => {
            const title = titleOf(s.category, s.provider);
            return (
              <li key={`${s.category}-${s.isp}`} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
                <h3 className="font-semibold">
                  {t("incidents.suggestion", { title, count: s.count })}
                </h3>
                <IncidentTicketList tickets={s.tickets} label={t("incidents.suggestionTickets", { title })} more={s.count - s.tickets.length} now={now} />
                <div className="self-start">
                  <CreateIncidentButton title={title} numbers={s.numbers} />
                </div>
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
              {titleOf(incident.category, providerName(incident.isp))}
            </h3>
            <p className="text-sm text-slate-700">
              {t(`incidents.status.${incident.status as "open"}`)} · {t("incidents.counts", { open: incident.open, total: incident.total })} · {format.dateTime(incident.createdAt, { dateStyle: "medium" })} ·{" "}
              {/* Its own page lists every ticket it grouped, resolved or not. */}
              <Link href={`/it/incidents/${incident.id}`} aria-describedby={`incident-${incident.id}-title`} className="text-blue-800 underline">
                {t("incidents.showTickets")}
              </Link>
            </p>
            <IncidentAnswerForm incidentId={incident.id} open={incident.open} />
          </article>
        ))}
      </section>
    </>
  );
}
