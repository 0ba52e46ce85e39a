import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { PersonNoInternetForm, WithItPhone } from "@/components/connectivity/person-no-internet";
import { SelfTest } from "@/components/connectivity/self-test";
import { NextStepPanel } from "@/components/onboarding/next-step-panel";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { BackToStatus } from "@/components/onboarding/back-to-status";
import { EligibilityRequired } from "@/components/onboarding/eligibility-required";
import { requirePerson } from "@/lib/auth/session";
import { getRouterRequest, listConnectivityTests } from "@/lib/connectivity/service";
import { formatMbps, formatMs } from "@/lib/i18n/format";
import { getCaseSteps, hasOpenTicket } from "@/lib/onboarding/queries";
import { connectivityWorks, nextAction, onwardFrom } from "@/lib/onboarding/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connectivity"))("title") };
}

export default async function ConnectivityPage() {
  const person = await requirePerson();
  const t = await getTranslations("connectivity");
  // The queue's words are the device page's: the same place, date and "no date yet".
  const td = await getTranslations("device");
  const format = await getFormatter();
  // Figures in the person's conventions: "113,8 Mbit/s" in French, "2’003 ms" in Swiss German.
  const locale = await getLocale();
  const mbps = (kbps: number | null) => formatMbps(locale, kbps);
  const ms = (value: number | null) => formatMs(locale, value);
  // The steps read once: the next action is made from them and the open ticket.
  const [steps, tests, router, openTicket] = await Promise.all([
    getCaseSteps(person.employeeId),
    listConnectivityTests(person.employeeId),
    getRouterRequest(person.employeeId),
    hasOpenTicket(person.employeeId),
  ]);
  const next = nextAction(steps, openTicket);
  const latest = tests[0];
  // Nothing is wrong when the browser could not test UDP: information, not a warning.
  const tone = !latest?.verdict || latest.verdict === "udp_untested" ? "info" : latest.verdict === "good" ? "success" : latest.verdict === "limited" || latest.verdict === "udp_blocked" ? "warning" : "error";
  // A test that settled the step leads on (device, token or the guide): that is the page's primary action.
  const onward = connectivityWorks(steps.connectivity) ? onwardFrom(next, "/connectivity") : null;
  // Untested UDP has its own advice (another browser, or the SSL profile that always works).
  const advice = latest?.verdict === "udp_untested" && latest.recommendation === "ssl" ? t("verdict.udp_untested.todo") : latest?.recommendation ? t(`recommendation.${latest.recommendation as "ipsec"}`) : null;

  if (steps.eligibility !== "eligible") return <EligibilityRequired title={t("title")} state={steps.eligibility} />;

  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="flex flex-col gap-8">
        {latest?.verdict ? (
          <section aria-labelledby="result-heading" className="flex flex-col gap-3">
            <h2 id="result-heading" tabIndex={-1} className="text-lg font-semibold">
              {t("result.heading", { date: format.dateTime(latest.startedAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </h2>
            <Notice tone={tone} title={t(`verdict.${latest.verdict}.title`)}>
              <p>{t(`verdict.${latest.verdict}.body`)}</p>
              {advice ? <p className="mt-2 font-medium">{advice}</p> : null}
              {latest.limits.length > 0 && latest.verdict !== "offline" ? (
                <ul className="mt-2 list-disc pl-6">
                  {latest.limits.map((limit) => (
                    <li key={limit}>{t(`limits.${limit as "latency"}`)}</li>
                  ))}
                </ul>
              ) : null}
            </Notice>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
              {[
                ["latency", ms(latest.latencyMs)],
                ["jitter", ms(latest.jitterMs)],
                ["download", mbps(latest.downloadKbps)],
                ["upload", mbps(latest.uploadKbps)],
                ["udp", t(`result.udpOutcome.${latest.udp}`)],
              ].map(([key, value]) => (
                <div key={key} className="rounded-md border border-slate-300 bg-white p-3">
                  <dt className="text-sm text-slate-700">{t(`result.${key as "latency"}`)}</dt>
                  <dd className="font-semibold">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}

        <NextStepPanel action={onward} />

        <section aria-labelledby="test-heading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <h2 id="test-heading" className="text-lg font-semibold">
            {latest ? t("test.againHeading") : t("test.heading")}
          </h2>
          <p>{t("test.intro")}</p>
          <SelfTest again={onward !== null} />
        </section>

        <section aria-labelledby="no-internet-heading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <h2 id="no-internet-heading" className="text-lg font-semibold">
            {t("noInternet.heading")}
          </h2>
          {router ? (
            <Notice tone="info" title={t(`noInternet.router.${router.status}`)}>
              {router.position !== null ? (
                <>
                  <span className="block font-medium">{td("queue.title", { position: router.position })}</span>
                  <span className="block">{router.expectedDate ? td("queue.expected", { date: format.dateTime(router.expectedDate, { dateStyle: "full", timeZone: "UTC" }) }) : td("queue.noDate")}</span>
                </>
              ) : null}
              {t("noInternet.router.body")}
            </Notice>
          ) : steps.connectivity === "no_internet" ? (
            <Notice tone="info" title={t("noInternet.withIt")}>
              {t("noInternet.withItBody")}
              <WithItPhone />
            </Notice>
          ) : (
            <>
              <p>{t("noInternet.intro")}</p>
              <PersonNoInternetForm />
            </>
          )}
        </section>

        {tests.length > 1 ? (
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-2 text-lg font-semibold">
              {t("history.heading")}
            </h2>
            <DataTable
              caption={t("history.caption")}
              rows={tests}
              rowKey={(test) => test.id}
              columns={[
                { key: "when", header: t("history.when"), rowHeader: true, cell: (test) => format.dateTime(test.startedAt, { dateStyle: "short", timeStyle: "short" }) },
                { key: "verdict", header: t("history.verdict"), cell: (test) => (test.verdict ? t(`verdict.${test.verdict}.title`) : "–") },
                { key: "latency", header: t("result.latency"), cell: (test) => ms(test.latencyMs) },
                { key: "download", header: t("result.download"), cell: (test) => mbps(test.downloadKbps) },
                { key: "upload", header: t("result.upload"), cell: (test) => mbps(test.uploadKbps) },
              ]}
            />
          </section>
        ) : null}

        <BackToStatus />
      </div>
    </>
  );
}
