import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { notFound, redirect } from "next/navigation";
import { CaseActions } from "@/components/triage/case-actions";
import { HowToReach } from "@/components/triage/how-to-reach";
import { AssignForm, ClaimButton, NoteForm, StatusForm } from "@/components/triage/ticket-actions";
import { TicketCase } from "@/components/triage/ticket-case";
import { TicketProvider } from "@/components/triage/ticket-context";
import { TicketConversation } from "@/components/triage/ticket-conversation";
import { TicketKeys } from "@/components/triage/ticket-keys";
import { ReplyForm, type CannedChoice } from "@/components/triage/ticket-reply";
import { Notice } from "@/components/ui/notice";
import { requireRole } from "@/lib/auth/session";
import { getReach } from "@/lib/contact/queries";
import { db } from "@/lib/db";
import { firstValues, type PageSearchParams } from "@/lib/http/search-params";
import { getSetting } from "@/lib/settings/queries";
import { cannedResponsesSchema, cannedText, defaultCannedResponses, type CannedLanguage } from "@/lib/settings/schemas";
import { adjacentTickets, getTicketDetail, listAgents } from "@/lib/triage/queries";
import { followingHref, queueFilterFromTicket, queueFilters, queueHref, ticketHref } from "@/lib/triage/queue-link";
import { fillPlaceholders, isOverdue } from "@/lib/triage/rules";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `#${(await params).number} · ${(await getTranslations("it"))("title")}` };
}

/**
 * One ticket, as an agent works it (issue 15 points 1, 3, 4): the conversation and the reply box
 * first, the case and the other actions beside them; the previous and next ticket of the queue's
 * filter it was opened from (`?from=`), and keys for all of it. `?go=next` opens whatever follows
 * this ticket in that filter now (after "send and resolve"), or the queue when nothing does.
 */
export default async function TicketPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: PageSearchParams }) {
  const person = await requireRole(["it_agent", "admin"]);
  const raw = (await params).number;
  const number = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(number)) notFound();
  const query = await searchParams;
  const from = queueFilterFromTicket(query);
  const { go, resolved } = firstValues(query).values;
  if (go === "next") {
    const { next } = await adjacentTickets(number, queueFilters(from), person.employeeId);
    redirect(next ? ticketHref(next, from, { resolved: String(number) }) : queueHref(from));
  }
  // Every read needs only the number and the viewer: one round trip's wait, not three one after
  // another (a ticket that does not exist costs four reads for nothing; it is rare).
  // The phone is read through the guarded query: staff or the person, never anyone else. Its
  // address is where replies and the resolution are mailed (getContact, read once).
  const [ticket, agents, canned, adjacent, reach] = await Promise.all([
    getTicketDetail(number),
    listAgents(),
    getSetting("canned_responses", cannedResponsesSchema, defaultCannedResponses),
    adjacentTickets(number, queueFilters(from), person.employeeId),
    getReach(db(), person, number),
  ]);
  if (!ticket) notFound();
  const t = await getTranslations("it");
  const format = await getFormatter();
  const locale = (await getLocale()) as CannedLanguage;
  const mailedTo = reach?.address ?? null;
  const language = ticket.employee.mailLanguage;
  const choices: CannedChoice[] = canned.map((c) => {
    const body = cannedText(c.body, language);
    return { id: c.id, title: cannedText(c.title, locale).text, text: fillPlaceholders(body.text, { firstName: ticket.employee.firstName, ticket: ticket.number }), language: body.language };
  });
  const open = ticket.status !== "resolved" && ticket.status !== "closed";
  const canClaim = !ticket.assigneeId && open;
  const resolvedBefore = resolved && /^\d{1,15}$/.test(resolved) ? Number(resolved) : null;
  const snapshot = {
    number: ticket.number,
    version: ticket.version,
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    assignee: ticket.assignee,
    events: ticket.events.map((e) => ({ id: e.id, kind: e.kind, actor: e.actor })),
  };
  const nav = {
    next: adjacent.next ? ticketHref(adjacent.next, from) : null,
    previous: adjacent.previous ? ticketHref(adjacent.previous, from) : null,
    afterResolve: followingHref(ticket.number, from),
  };

  return (
    <TicketProvider key={ticket.number} ticket={snapshot} nav={nav}>
      {resolvedBefore ? (
        <div className="mb-3">
          <Notice tone="success">{t("ticket.resolvedNext", { number: resolvedBefore })}</Notice>
        </div>
      ) : null}
      {/* Compact, so the conversation and the reply box fit the first screen: the title, and beside it the way through the list. */}
      <div className="mb-3 flex flex-wrap items-center justify-between gap-x-6 gap-y-1">
        <div className="flex flex-wrap items-baseline gap-x-4">
          <h1 className="text-2xl font-bold">{t("ticket.title", { number: ticket.number, name: ticket.employee.name })}</h1>
          <p className="text-slate-700">{`${t(`category.${ticket.category as "help_request"}`)} · ${t(`priority.${ticket.priority as "normal"}`)} · ${t(`status.${ticket.status}`)}`}</p>
        </div>
        <TicketKeys queueHref={queueHref(from)} next={adjacent.next} previous={adjacent.previous} canClaim={canClaim} canResolve={open} cannedTitles={choices.map((c) => c.title)} />
      </div>
      {isOverdue(ticket.status, ticket.slaDueAt) ? (
        <div className="mb-4">
          <Notice tone="error">{t("ticket.overdue", { due: format.dateTime(ticket.slaDueAt, { dateStyle: "medium", timeStyle: "short" }) })}</Notice>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-3 lg:col-span-2">
          <TicketConversation ticket={ticket} />
          <div className="rounded-lg border border-slate-300 bg-white p-3">
            <ReplyForm canned={choices} language={language} firstName={ticket.employee.firstName} mailedTo={mailedTo} canResolve={open} />
          </div>
          <div className="rounded-lg border border-slate-300 bg-white p-4">
            <NoteForm />
          </div>
        </div>
        <aside aria-labelledby="case-heading" className="flex flex-col gap-4">
          <section aria-labelledby="work-heading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="work-heading" className="text-lg font-semibold">
              {t("ticket.work")}
            </h2>
            <p>{ticket.assignee ? t("ticket.assignedTo", { name: ticket.assignee }) : t("ticket.unassigned")}</p>
            {canClaim ? <ClaimButton /> : null}
            <StatusForm key={ticket.status} status={ticket.status} mailedTo={mailedTo} />
            <AssignForm key={ticket.assigneeId ?? "none"} agents={agents} current={ticket.assigneeId ? { id: ticket.assigneeId, name: ticket.assignee ?? ticket.assigneeId } : null} />
          </section>
          <h2 id="case-heading" className="text-lg font-semibold">
            {t("case.heading")}
          </h2>
          {reach ? <HowToReach reach={reach} /> : null}
          <TicketCase ticket={ticket} ticketHref={(n) => ticketHref(n, from)} />
          <CaseActions number={ticket.number} hasWork={Boolean(ticket.employee.workEmail)} hasPrivate={Boolean(ticket.employee.privateEmail)} />
        </aside>
      </div>
    </TicketProvider>
  );
}
