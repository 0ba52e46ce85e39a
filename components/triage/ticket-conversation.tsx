import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import type { TicketDetail } from "@/lib/triage/queries";
import { TicketScroll } from "./ticket-scroll";

type Event = TicketDetail["events"][number];

// The ticket's conversation, first on the page (issue 15 point 3): what the person asked on top,
// then the replies, answers and notes; the portal's own steps as short lines. On wide screens the
// later entries scroll in their own region, opened at the latest, so the reply box under it stays
// on the first screen (1366×768) however long the conversation.

/** The portal writes a ticket's summary in English; the agent reads it in their language. */
async function summaryText(summary: string): Promise<string> {
  const t = await getTranslations("it.ticket.summaries");
  const known: Record<string, "helpRequest" | "tokenHelp" | "noConnectivity" | "gatewayUnreachable"> = {
    '"I need help" from the status page': "helpRequest",
    "Token enrollment: the employee asked for help": "tokenHelp",
    "No internet at home and no 4G coverage": "noConnectivity",
    "Self-test: no VPN gateway reachable on TCP 443": "gatewayUnreachable",
  };
  if (known[summary]) return t(known[summary]);
  const review = /^Eligibility review: (.+)$/.exec(summary);
  return review ? t("eligibilityReview", { rule: review[1] }) : summary;
}

export async function TicketConversation({ ticket }: { ticket: TicketDetail }) {
  const t = await getTranslations("it");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const asked = ticket.events.find((e) => e.kind === "employee_message");
  const rest = ticket.events.filter((e) => e !== asked && e.kind !== "opened");
  const summary = await summaryText(ticket.summary);
  const opened = ticket.events.find((e) => e.kind === "opened");

  const label = async (e: Event) => {
    const details = e.details as { from?: string; to?: string } | null;
    if (e.kind === "status" && details?.from && details.to) return `${t("events.status")}: ${t("ticket.statusChange", { from: t(`status.${details.from as "new"}`), to: t(`status.${details.to as "new"}`) })}`;
    if (e.kind === "case_updated" && e.body) return `${t("events.case_updated")}: ${await summaryText(e.body)}`;
    return t(`events.${e.kind as "opened"}`);
  };
  const entry = async (e: Event) => {
    const words = e.kind === "employee_message" || e.kind === "reply" || e.kind === "note";
    const style = e.kind === "note" ? "border-amber-300 bg-amber-50" : e.kind === "reply" ? "border-blue-200 bg-blue-50" : "border-slate-300 bg-white";
    return words ? (
      <li key={e.id} className={`rounded-md border p-3 ${style}`}>
        <p className="text-sm text-slate-700">
          {when(e.at)} · {e.actor ?? t("ticket.system")} · {await label(e)}
          {e.kind === "reply" && e.public ? ` · ${t("ticket.public")}` : ""}
        </p>
        {e.body ? <p className="whitespace-pre-wrap">{e.body}</p> : null}
      </li>
    ) : (
      <li key={e.id} className="px-3 text-sm text-slate-700">
        {when(e.at)} · {e.actor ?? t("ticket.system")} · {await label(e)}
      </li>
    );
  };

  return (
    <section aria-labelledby="conversation-heading" className="flex flex-col gap-2">
      <h2 id="conversation-heading" className="sr-only">
        {t("ticket.conversation")}
      </h2>
      <div className="rounded-md border-2 border-slate-400 bg-white p-3">
        <h3 className="text-sm font-semibold text-slate-700">
          {t("ticket.asked", { firstName: ticket.employee.firstName })} · {when((asked ?? opened)?.at ?? ticket.createdAt)}
        </h3>
        <TicketScroll label={t("ticket.asked", { firstName: ticket.employee.firstName })} part="asked">
          <p className="mt-1 whitespace-pre-wrap text-lg">{asked?.body ?? summary}</p>
        </TicketScroll>
      </div>
      {rest.length > 0 ? (
        <TicketScroll label={t("ticket.timeline")} part="timeline">
          <ol className="flex flex-col gap-2">{await Promise.all(rest.map(entry))}</ol>
        </TicketScroll>
      ) : null}
    </section>
  );
}
