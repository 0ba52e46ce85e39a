import { Link } from "@/components/ui/link";
import { getLocale } from "next-intl/server";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { udpOutcomeOf } from "@/lib/connectivity/verdict";
import { formatMbps, formatMs } from "@/lib/i18n/format";
import type { TicketDetail } from "@/lib/triage/queries";

// The case behind the ticket, beside the conversation, in words (issue 15 point 7): every code
// the portal stores (eligibility answers and outcome, job family, contract, device, token, test
// verdicts) is shown as its label; a code with no label yet shows as stored rather than not at all.

export async function TicketCase({ ticket, ticketHref }: { ticket: TicketDetail; ticketHref: (number: number) => string }) {
  const t = await getTranslations("it");
  const te = await getTranslations("eligibility");
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const label = (tr: typeof t | typeof te, key: string, code: string | null | undefined) => (code ? (tr.has(`${key}.${code}` as never) ? tr(`${key}.${code}` as never) : code) : "–");
  const { employee, eligibility, device, token } = ticket;
  const rule = eligibility.ruleId === "it_review" ? t("case.codes.itReview") : eligibility.ruleId ? t("case.codes.rule", { rule: eligibility.ruleId, version: eligibility.rulesVersion ?? "–" }) : null;

  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-300 bg-white p-4 text-sm">
        <dt className="font-medium">{t("case.number")}</dt>
        <dd>{employee.number}</dd>
        <dt className="font-medium">{t("case.email")}</dt>
        <dd className="break-all">{employee.workEmail ?? employee.privateEmail ?? "–"}</dd>
        <dt className="font-medium">{t("case.site")}</dt>
        <dd>{employee.site ?? "–"}</dd>
        <dt className="font-medium">{t("case.orgUnit")}</dt>
        <dd>{employee.orgUnit ?? "–"}</dd>
        <dt className="font-medium">{t("case.job")}</dt>
        <dd>
          {label(te, "jobFamilies", employee.jobFamily)} · {label(te, "contracts", employee.contractType)}
        </dd>
        <dt className="font-medium">{t("case.eligibility")}</dt>
        <dd>
          {label(t, "case.codes.outcome", eligibility.outcome)}
          {rule ? ` (${rule})` : ""}
        </dd>
        {eligibility.answers
          ? Object.entries(eligibility.answers).map(([question, answer]) => (
              <div key={question} className="contents">
                <dt className="pl-2 text-slate-700">{te.has(`questions.${question}.label` as never) ? te(`questions.${question}.label` as never) : question}</dt>
                <dd>{label(te, "answers", answer)}</dd>
              </div>
            ))
          : null}
        <dt className="font-medium">{t("case.device")}</dt>
        <dd>
          {device
            ? [label(t, "case.codes.deviceKind", device.kind), label(t, "case.codes.deviceStatus", device.status), device.position ? t("case.codes.position", { position: device.position }) : null].filter(Boolean).join(" · ")
            : "–"}
        </dd>
        <dt className="font-medium">{t("case.token")}</dt>
        <dd>
          {token
            ? [label(t, "case.codes.tokenType", token.type), label(t, "case.codes.tokenStatus", token.status), token.lockedUntil ? t("case.codes.lockedUntil", { time: when(token.lockedUntil) }) : null].filter(Boolean).join(" · ")
            : "–"}
        </dd>
      </dl>
      <section aria-labelledby="tests-heading">
        <h3 id="tests-heading" className="font-semibold">
          {t("case.tests")}
        </h3>
        {ticket.tests.length === 0 ? <p className="text-sm">–</p> : null}
        <ul className="flex flex-col gap-1 text-sm">
          {ticket.tests.map((test, i) => (
            <li key={i}>
              {when(test.startedAt)}: <strong>{label(t, "case.codes.verdict", test.verdict)}</strong> · {test.isp ?? t("case.codes.unknownIsp")} · {formatMs(locale, test.latencyMs)} · ↓{formatMbps(locale, test.downloadKbps)} ↑{formatMbps(locale, test.uploadKbps)} · UDP {t(`case.udp.${udpOutcomeOf(test.udpOk)}`)}
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
              <Link href={ticketHref(e.number)} className="text-blue-800 underline">
                #{e.number}
              </Link>{" "}
              {t(`category.${e.category as "help_request"}`)} · {t(`status.${e.status as "new"}`)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
