import type { Metadata } from "next";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { CancelDeviceButton } from "@/components/devices/cancel-device-button";
import { DeviceRequestForm } from "@/components/devices/device-request-form";
import { HandoverForm } from "@/components/devices/handover-form";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { BackToStatus } from "@/components/onboarding/back-to-status";
import { EligibilityRequired } from "@/components/onboarding/eligibility-required";
import { NextStepPanel } from "@/components/onboarding/next-step-panel";
import { requirePerson } from "@/lib/auth/session";
import { getDeviceOverview } from "@/lib/devices/queries";
import { getCaseSteps, hasOpenTicket } from "@/lib/onboarding/queries";
import { nextAction, onwardFrom } from "@/lib/onboarding/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("device"))("title") };
}

export default async function DevicePage() {
  const person = await requirePerson();
  const t = await getTranslations("device");
  const format = await getFormatter();
  // One round trip's wait for all three: most people here are eligible (the others' two extra reads are cheap).
  const [steps, overview, openTicket] = await Promise.all([getCaseSteps(person.employeeId), getDeviceOverview(person.employeeId), hasOpenTicket(person.employeeId)]);

  if (steps.eligibility !== "eligible") return <EligibilityRequired title={t("title")} state={steps.eligibility} />;

  const request = overview.request;
  // Once a device is asked for, the next step elsewhere (the token, while waiting too) is the primary action;
  // cancelling stays a secondary button further down.
  const onward = request ? onwardFrom(nextAction(steps, openTicket), "/device") : null;

  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>

      {!request ? (
        <div className="flex flex-col gap-6">
          <section aria-labelledby="byod-heading" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="byod-heading" className="font-semibold">
              {t("byod.title")}
            </h2>
            <p className="mt-1">{t("byod.body")}</p>
          </section>
          <DeviceRequestForm recommendation={overview.recommendation} />
        </div>
      ) : null}

      {request?.status === "waiting" ? (
        <section aria-labelledby="queue-heading" className="flex flex-col gap-4">
          <h2 id="queue-heading" className="text-lg font-semibold">
            {t(`paths.${request.path}.label`)}
          </h2>
          <Notice tone="info" title={t("queue.title", { position: request.position ?? 0 })}>
            <p>
              {request.expectedDate
                ? t("queue.expected", { date: format.dateTime(request.expectedDate, { dateStyle: "full", timeZone: "UTC" }) })
                : t("queue.noDate")}
            </p>
            <p className="mt-1">{t("queue.mail")}</p>
          </Notice>
          <NextStepPanel action={onward} />
          <CancelDeviceButton />
        </section>
      ) : null}

      {request?.status === "reserved" && request.path === "laptop" ? (
        <section aria-labelledby="handover-heading" className="flex flex-col gap-4">
          <Notice tone="success" title={t("reserved.title")}>
            {t("reserved.body")}
          </Notice>
          {request.handover ? (
            <Notice tone="info" title={t("handover.chosenTitle")}>
              {request.handover.method === "collect"
                ? t("handover.chosenCollect", { site: request.handover.site, when: format.dateTime(request.handover.startsAt, { dateStyle: "full", timeStyle: "short" }) })
                : t("handover.chosenShip", { street: request.handover.address.street, postcode: request.handover.address.postcode, city: request.handover.address.city })}
            </Notice>
          ) : null}
          <NextStepPanel action={onward} />
          <h2 id="handover-heading" className="text-lg font-semibold">
            {request.handover ? t("handover.changeHeading") : t("handover.heading")}
          </h2>
          <HandoverForm
            slots={overview.slots.map((s) => ({ id: s.id, site: s.site, startsAt: s.startsAt.toISOString(), free: s.free }))}
            current={
              request.handover?.method === "collect"
                ? { method: "collect", slotId: request.handover.slotId }
                : request.handover?.method === "ship"
                  ? { method: "ship", ...request.handover.address }
                  : null
            }
          />
          <CancelDeviceButton />
        </section>
      ) : null}

      {request?.status === "issued" && request.path === "vdi" ? (
        <section aria-labelledby="vdi-heading" className="flex flex-col gap-4">
          <Notice tone="success" title={t("vdi.readyTitle")}>
            {t("vdi.readyBody")}
          </Notice>
          <NextStepPanel action={onward} />
          <h2 id="vdi-heading" className="text-lg font-semibold">
            {t("vdi.howTo")}
          </h2>
          <ol className="list-decimal space-y-2 pl-6">
            <li>
              {t("vdi.step1")}{" "}
              <a href={overview.vdi.webUrl} className="font-medium text-blue-800 underline">
                {overview.vdi.webUrl}
              </a>
            </li>
            <li>
              {t("vdi.step2")}
              <ul className="mt-1 list-disc pl-6">
                {overview.vdi.clients.map((client) => (
                  <li key={client.os}>
                    <a href={client.url} className="font-medium text-blue-800 underline">
                      {t("vdi.client", { os: client.os })}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
            <li>{t("vdi.step3")}</li>
          </ol>
          <CancelDeviceButton />
        </section>
      ) : null}

      {request?.status === "issued" && request.path === "laptop" ? (
        <div className="flex flex-col gap-4">
          {/* Sent by courier is not "handed over": say what happened. */}
          <Notice tone="success" title={t(request.handover?.method === "ship" ? "issued.shippedTitle" : "issued.title")}>
            {t("issued.body")}
          </Notice>
          <NextStepPanel action={onward} />
        </div>
      ) : null}

      <BackToStatus />
    </>
  );
}
