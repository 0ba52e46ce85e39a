import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { AnswerForm } from "@/components/tickets/answer-form";
import { WhenOpen } from "@/components/ui/when-open";
import { db } from "@/lib/db";
import { listClosedTickets } from "@/lib/tickets/closed";

/**
 * The person's ended requests, newest first and collapsed, each with IT's last answer and when
 * it ended (issue 13 point 3): the answer that solved it must not vanish with the ticket. A
 * resolved one can still be answered, which sends it back to IT.
 */
export async function ClosedTickets({ employeeId }: { employeeId: string }) {
  const tickets = await listClosedTickets(db(), employeeId);
  if (tickets.length === 0) return null;
  const t = await getTranslations("status");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <section aria-labelledby="closed-heading">
      <h2 id="closed-heading" className="mb-2 text-lg font-semibold">
        {t("closed.heading")}
      </h2>
      <ul className="flex flex-col gap-2">
        {tickets.map((ticket) => (
          <li key={ticket.number}>
            <details className="rounded-lg border border-slate-300 bg-white p-4">
              <summary className="min-h-11 cursor-pointer py-1 font-medium">
                {t("closed.item", { number: ticket.number, category: t(`tickets.category.${ticket.category}`), status: t(`tickets.status.${ticket.status}`), date: day(ticket.resolvedAt ?? ticket.createdAt) })}
              </summary>
              <div className="mt-2 border-l-4 border-slate-300 pl-3">
                {ticket.lastAnswer ? (
                  <>
                    <p className="text-sm text-slate-700">{t("closed.lastAnswer", { date: format.dateTime(ticket.lastAnswer.at, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                    {/* Rendered as text: React escapes it, no HTML from replies reaches the page. */}
                    <p className="whitespace-pre-wrap">{ticket.lastAnswer.body}</p>
                  </>
                ) : (
                  <p>{t("closed.noAnswer")}</p>
                )}
              </div>
              {ticket.status === "resolved" ? (
                <>
                  <p className="mt-3 text-sm">{t("closed.reopenHint")}</p>
                  <WhenOpen>
                    <AnswerForm number={ticket.number} />
                  </WhenOpen>
                </>
              ) : null}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
