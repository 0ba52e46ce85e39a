import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import type { IncidentTicket } from "@/lib/triage/incidents";

/**
 * Tickets of an incident or of a suggested group, one line each: the number (a link to the
 * ticket), the person, how long ago it was opened, its status when asked, and the person's
 * first words, so an agent can check the group belongs together before answering everyone.
 * `more`: tickets of the group not listed here ("and 4 more tickets").
 */
export async function IncidentTicketList({ tickets, label, more = 0, withStatus = false, now }: { tickets: IncidentTicket[]; label: string; more?: number; withStatus?: boolean; now: Date }) {
  const t = await getTranslations("it");
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-1">
      <ul aria-label={label} className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200">
        {tickets.map((ticket) => (
          <li key={ticket.number} className="flex flex-col gap-0.5 px-3 py-2">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <Link href={`/it/tickets/${ticket.number}`} className="font-semibold text-blue-800 underline">
                #{ticket.number}
              </Link>
              <span>{ticket.name}</span>
              <span className="text-sm text-slate-700">{t("incidents.opened", { age: format.relativeTime(ticket.createdAt, now) })}</span>
              {withStatus ? <span className="rounded bg-slate-100 px-2 text-sm">{t(`status.${ticket.status}`)}</span> : null}
            </p>
            {ticket.words ? <p className="text-sm text-slate-800 [overflow-wrap:anywhere]">{t("incidents.words", { words: ticket.words })}</p> : <p className="text-sm text-slate-700 italic">{t("incidents.noWords")}</p>}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="text-sm text-slate-700">{t("incidents.more", { count: more })}</p> : null}
    </div>
  );
}
