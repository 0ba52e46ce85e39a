import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { notFound } from "next/navigation";
import { IncidentAnswerForm } from "@/components/triage/incident-forms";
import { IncidentTicketList } from "@/components/triage/incident-tickets";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getIncident, incidentTickets } from "@/lib/triage/incidents";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("it.incidents"))("title") };
}

/** One incident and every ticket it grouped, open or resolved: the list survives the resolution. */
export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(["it_agent", "admin"]);
  const { id } = await params;
  // getIncident answers null for an unknown or malformed id: a 404, never a database error.
  const incident = await getIncident(db(), id);
  if (!incident) notFound();
  const tickets = await incidentTickets(db(), incident.id);
  const t = await getTranslations("it");
  const format = await getFormatter();
  const title = `${t(`category.${incident.category as "help_request"}`)}${incident.provider ? ` · ${incident.provider}` : ""}`;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <p className="mb-2">
        <Link href="/it/incidents" className="font-medium text-blue-800 underline">
          {t("incidents.back")}
        </Link>
      </p>
      <PageTitle lead={t("incidents.lead")}>{title}</PageTitle>
      <div className="mb-6 flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <p>
          {t(`incidents.status.${incident.status}`)} · {t("incidents.counts", { open: incident.open, total: incident.total })} · {t("incidents.created", { date: day(incident.createdAt) })}
          {incident.resolvedAt ? ` · ${t("incidents.resolvedOn", { date: day(incident.resolvedAt) })}` : null}
        </p>
        <IncidentAnswerForm incidentId={incident.id} open={incident.open} />
      </div>
      <section aria-labelledby="incident-tickets-heading" className="flex flex-col gap-3">
        <h2 id="incident-tickets-heading" className="text-lg font-semibold">
          {t("incidents.ticketsHeading", { count: tickets.length })}
        </h2>
        <IncidentTicketList tickets={tickets} label={t("incidents.ticketsHeading", { count: tickets.length })} withStatus now={new Date()} />
      </section>
    </>
  );
}
