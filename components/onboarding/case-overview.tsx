import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { buttonClass } from "@/components/ui/button-class";
import type { DeviceRequest } from "@/lib/devices/queries";
import type { NotEligibleHelp } from "@/lib/eligibility/explanation";
import type { ReviewPromise } from "@/lib/eligibility/review-promise";
import { caseStage, connectivityWorks, deviceStep, nextAction, visibleSteps, type CaseSteps } from "@/lib/onboarding/rules";
import type { OpenTicket } from "@/lib/tickets/service";
import { AnswerForm } from "@/components/tickets/answer-form";
import { PersonHelpForm } from "@/components/tickets/person-help-form";
import { WhenOpen } from "@/components/ui/when-open";
import { PhoneLink } from "@/components/contact/phone-link";
import { DecisionFacts } from "./decision-facts";
import { DeviceFacts } from "./device-facts";
import { InsteadPanel } from "./instead-panel";
import { ContactPromise } from "./contact-promise";

const stepHref = { eligibility: "/eligibility", device: "/device", token: "/token", connectivity: "/connectivity" } as const;

type Props = {
  steps: CaseSteps;
  tickets: OpenTicket[];
  /** The active device request: its queue position, date, slot or address show on the device step. */
  device?: DeviceRequest | null;
  /** For a person who is not eligible: why, and the HR contact. */
  notEligible?: NotEligibleHelp | null;
  /** Who decides the person's review and by when (issue 17 point 4). */
  review?: ReviewPromise;
};

/**
 * Every step with its outcome, the one next action, and what IT is looking at. A person who is
 * not eligible sees why and what to do instead, not a device or token step (issue 13 points 6, 7).
 */
export async function CaseOverview({ steps, tickets, device = null, notEligible = null, review = null }: Props) {
  const t = await getTranslations("status");
  const format = await getFormatter();
  const stage = caseStage(steps, tickets.length > 0);
  const { step: next, href } = nextAction(steps, tickets.length > 0);
  const deviceState = deviceStep(steps);
  const shown = visibleSteps(steps);
  const rows = (
    [
      { key: "eligibility", value: t(`eligibility.${steps.eligibility}`), done: steps.eligibility === "eligible" },
      // Reserved is not done (only handed over or sent is); the facts the person waits for sit right under it.
      { key: "device", value: t(`deviceState.${deviceState.state}`), done: deviceState.done, details: <DeviceFacts request={device} /> },
      { key: "token", value: t(`token.${steps.token}`), done: steps.token === "active" },
      { key: "connectivity", value: t(`connectivity.${steps.connectivity}`), done: connectivityWorks(steps.connectivity) },
    ] as const
  ).filter((row) => shown.includes(row.key));
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="stage-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="stage-heading" className="text-lg font-semibold">
          {t("stageHeading")}
        </h2>
        <p className="mt-1 text-xl font-bold text-blue-900">{t(`stage.${stage}`)}</p>
        <p className="mt-3">
          <span className="font-semibold">{t("nextHeading")} </span>
          {t(`next.${next}`)}
        </p>
        {href ? (
          <p className="mt-4">
            <Link href={href} className={buttonClass("primary")}>
              {t(`nextAction.${next as "eligibility"}`)}
            </Link>
          </p>
        ) : null}
        {review ? (
          <p className="mt-3">
            {t("review.promise", { by: t(`review.by.${review.by}`), date: format.dateTime(review.dueAt, { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Zurich" }) })} {t("review.meanwhile")}
          </p>
        ) : null}
        {notEligible?.explanation ? (
          <div className="mt-4">
            <DecisionFacts explanation={notEligible.explanation} />
          </div>
        ) : null}
      </section>

      {notEligible ? <InsteadPanel contact={notEligible.contact} /> : null}

      {tickets.length > 0 ? (
        <section aria-labelledby="tickets-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 id="tickets-heading" className="font-semibold">
            {t("tickets.heading")}
          </h2>
          <ul className="mt-2 flex flex-col gap-1">
            {tickets.map((ticket) => (
              <li key={ticket.number}>
                {t("tickets.item", { number: ticket.number, category: t(`tickets.category.${ticket.category}`), status: t(`tickets.status.${ticket.status as "new"}`), date: format.dateTime(ticket.createdAt, { dateStyle: "medium" }) })}
                {ticket.replies.length > 0 ? (
                  <ul className="mt-1 flex flex-col gap-1 border-l-4 border-amber-300 pl-3">
                    {ticket.replies.map((reply) => (
                      <li key={reply.at.toISOString()}>
                        <span className="text-sm text-slate-700">
                          {t(reply.fromEmployee ? "tickets.youWrote" : "tickets.replyFrom", { date: format.dateTime(reply.at, { dateStyle: "medium", timeStyle: "short" }) })}
                        </span>
                        {/* Rendered as text: React escapes it, no HTML from replies reaches the page. */}
                        <p className="whitespace-pre-wrap">{reply.body}</p>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {ticket.incident ? <p className="mt-1 font-medium">{t("tickets.incident")}</p> : null}
                {ticket.contactPhone ? (
                  <p className="mt-1">
                    {t("tickets.phone")} <PhoneLink phone={ticket.contactPhone} />.
                  </p>
                ) : null}
                {ticket.replies.some((r) => !r.fromEmployee) ? <AnswerForm number={ticket.number} /> : null}
              </li>
            ))}
          </ul>
          {/* Names the address IT's answers are mailed to (issue 13 point 1). */}
          <ContactPromise />
        </section>
      ) : null}

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="mb-2 text-lg font-semibold">
          {t("stepsHeading")}
        </h2>
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {rows.map((row, index) => {
            const link: string | null = stepHref[row.key];
            return (
              <li key={row.key} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between">
                <span className="font-medium">
                  {index + 1}.{" "}
                  {link ? (
                    <Link href={link} className="text-blue-800 underline">
                      {t(`steps.${row.key}`)}
                    </Link>
                  ) : (
                    t(`steps.${row.key}`)
                  )}
                </span>
                <div className="text-slate-800 sm:max-w-[60%] sm:text-right">
                  <p>
                    {row.done ? <span aria-hidden="true">✓ </span> : null}
                    {row.value}
                    {row.done ? <span className="sr-only"> ({t("done")})</span> : null}
                  </p>
                  {"details" in row ? row.details : null}
                </div>
              </li>
            );
          })}
        </ol>
      </section>
      {/* Not eligible: the same links stand in "what you can do instead" above. */}
      {notEligible ? null : (
        <ul className="flex flex-col gap-2">
          <li>
            <Link href="/timesheet" className="font-medium text-blue-800 underline">
              {t("timesheetLink")}
            </Link>
          </li>
          <li>
            <Link href="/onsite" className="font-medium text-blue-800 underline">
              {t("onsiteLink")}
            </Link>
          </li>
        </ul>
      )}
      <section aria-labelledby="help-heading">
        <details className="rounded-lg border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer font-semibold">
            <h2 id="help-heading" className="inline">
              {t("helpHeading")}
            </h2>
          </summary>
          <div className="mt-3">
            <WhenOpen>
              <PersonHelpForm />
            </WhenOpen>
          </div>
        </details>
      </section>
    </div>
  );
}
