import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CaseActions } from "@/components/triage/case-actions";
import { HowToReach } from "@/components/triage/how-to-reach";
import { AssignForm, ClaimButton, NoteForm, ReplyForm, StatusForm } from "@/components/triage/ticket-actions";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { udpOutcomeOf } from "@/lib/connectivity/verdict";
import { getReach } from "@/lib/contact/queries";
import { formatMbps, formatMs } from "@/lib/i18n/format";
import { db } from "@/lib/db";
import { getSetting } from "@/lib/settings/queries";
import { cannedResponsesSchema, defaultCannedResponses } from "@/lib/settings/schemas";
import { getTicketDetail, listAgents } from "@/lib/triage/queries";
import { isOverdue } from "@/lib/triage/rules";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `#${(await params).number} · ${(await getTranslations("it"))("title")}` };
}

export default async function TicketPage({ params }: { params: Promise<{ number: string }> }) {
  const person = await requireRole(["it_agent", "admin"]);
  const raw = (await params).number;
  const number = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  const ticket = Number.isSafeInteger(number) ? await getTicketDetail(number) : null;
  if (!ticket) notFound();
  const t = await getTranslations("it");
  const format = await getFormatter();
  const locale = await getLocale();
  const [agents, canned] = await Promise.all([listAgents(), getSetting("canned_responses", cannedResponsesSchema, defaultCannedResponses)]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  // The phone is read through the guarded query: staff or the person, never anyone else. Its
  // address is where replies and the resolution are mailed (getContact, read once).
  const reach = await getReach(db(), person, ticket.number);
  const mailedTo = reach?.address ?? null;

  return (
    <>
      <p className="mb-2">
        <Link href="/it" className="font-medium text-blue-800 underline">
          {t("ticket.back")}
        </Link>
      </p>
      <PageTitle lead={`${t(`category.${ticket.category as "help_request"}`)} · ${t(`priority.${ticket.priority as "normal"}`)} · ${t(`status.${ticket.status}`)}`}>
        {t("ticket.title", { number: ticket.number, name: ticket.employee.name })}
      </PageTitle>
      {isOverdue(ticket.status, ticket.slaDueAt) ? <Notice tone="error">{t("ticket.overdue", { due: when(ticket.slaDueAt) })}</Notice> : null}
      <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <section aria-labelledby="work-heading" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="work-heading" className="text-lg font-semibold">
              {t("ticket.work")}
            </h2>
            <p>{ticket.assignee ? t("ticket.assignedTo", { name: ticket.assignee }) : t("ticket.unassigned")}</p>
            {!ticket.assigneeId && ticket.status !== "closed" && ticket.status !== "resolved" ? <ClaimButton number={ticket.number} /> : null}
            <ReplyForm number={ticket.number} version={ticket.version} canned={canned} placeholders={{ firstName: ticket.employee.firstName, ticket: ticket.number }} mailedTo={mailedTo} />
            <NoteForm number={ticket.number} />
            <StatusForm number={ticket.number} version={ticket.version} status={ticket.status} mailedTo={mailedTo} />
            <AssignForm number={ticket.number} version={ticket.version} agents={agents} current={ticket.assigneeId} />
          </section>
          <CaseActions number={ticket.number} hasWork={Boolean(ticket.employee.workEmail)} hasPrivate={Boolean(ticket.employee.privateEmail)} />
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
              {t("ticket.timeline")}
            </h2>
            <ol className="flex flex-col gap-2">
              {ticket.events.map((e, i) => (
                <li key={i} className={`rounded-md border p-3 ${e.kind === "note" ? "border-amber-300 bg-amber-50" : "border-slate-300 bg-white"}`}>
                  <p className="text-sm text-slate-700">
                    {when(e.at)} · {e.actor ?? t("ticket.system")} · {t(`events.${e.kind as "opened"}`)}
                    {e.kind !== "note" && e.public ? ` · ${t("ticket.public")}` : ""}
                  </p>
                  {e.body ? <p className="whitespace-pre-wrap">{e.body}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside aria-labelledby="case-heading" className="flex flex-col gap-4">
          <h2 id="case-heading" className="text-lg font-semibold">
            {t("case.heading")}
          </h2>
          {reach ? <HowToReach reach={reach} /> : null}
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-300 bg-white p-4 text-sm">
            <dt className="font-medium">{t("case.number")}</dt>
            <dd>{ticket.employee.number}</dd>
            <dt className="font-medium">{t("case.email")}</dt>
            <dd className="break-all">{ticket.employee.workEmail ?? ticket.employee.privateEmail ?? "–"}</dd>
            <dt className="font-medium">{t("case.site")}</dt>
            <dd>{ticket.employee.site ?? "–"}</dd>
            <dt className="font-medium">{t("case.orgUnit")}</dt>
            <dd>{ticket.employee.orgUnit ?? "–"}</dd>
            <dt className="font-medium">{t("case.job")}</dt>
            <dd>{ticket.employee.jobFamily} · {ticket.employee.contractType}</dd>
            <dt className="font-medium">{t("case.eligibility")}</dt>
            <dd>
              {ticket.eligibility.outcome}
              {ticket.eligibility.ruleId ? ` (${ticket.eligibility.ruleId}, v${ticket.eligibility.rulesVersion})` : ""}
            </dd>
            {ticket.eligibility.answers
              ? Object.entries(ticket.eligibility.answers).map(([q, a]) => (
                  <div key={q} className="contents">
                    <dt className="pl-2 text-slate-700">{q}</dt>
                    <dd>{a}</dd>
                  </div>
                ))
              : null}
            <dt className="font-medium">{t("case.device")}</dt>
            <dd>{ticket.device ? `${ticket.device.kind} · ${ticket.device.status}${ticket.device.position ? ` · #${ticket.device.position}` : ""}` : "–"}</dd>
            <dt className="font-medium">{t("case.token")}</dt>
            <dd>{ticket.token ? `${ticket.token.type} · ${ticket.token.status}` : "–"}</dd>
          </dl>
          <section aria-labelledby="tests-heading">
            <h3 id="tests-heading" className="font-semibold">
              {t("case.tests")}
            </h3>
            {ticket.tests.length === 0 ? <p className="text-sm">–</p> : null}
            <ul className="flex flex-col gap-1 text-sm">
              {ticket.tests.map((test, i) => (
                <li key={i}>
                  {when(test.startedAt)}: <strong>{test.verdict}</strong> · {test.isp ?? "?"} · {formatMs(locale, test.latencyMs)} · ↓{formatMbps(locale, test.downloadKbps)} ↑{formatMbps(locale, test.uploadKbps)} · UDP {t(`case.udp.${udpOutcomeOf(test.udpOk)}`)}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="earlier-heading">
            <h3 id="earlier-heading" className="font-semibold">
              {t("case.earlier")}
            </h3>
            {ticket.earlier.length === 0 ? <p className="text-sm">–</p> : null}
            <ul className="text-sm">
              {ticket.earlier.map((e) => (
                <li key={e.number}>
                  <Link href={`/it/tickets/${e.number}`} className="text-blue-800 underline">
                    #{e.number}
                  </Link>{" "}
                  {t(`category.${e.category as "help_request"}`)} · {t(`status.${e.status as "new"}`)}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}
