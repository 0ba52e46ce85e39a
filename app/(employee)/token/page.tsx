import type { Metadata } from "next";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import QRCode from "qrcode";
import { HardwareTokenForm } from "@/components/tokens/hardware-token-form";
import { RecoveryResetForm, TokenHelpButton } from "@/components/tokens/token-help";
import { StartTotpButton, TotpEnrollment } from "@/components/tokens/totp-enrollment";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { BackToStatus } from "@/components/onboarding/back-to-status";
import { NextStepPanel } from "@/components/onboarding/next-step-panel";
import { NotEligiblePage } from "@/components/onboarding/not-eligible-page";
import { requirePerson } from "@/lib/auth/session";
import { getNotEligibleHelp } from "@/lib/eligibility/explanation";
import { getCaseSteps, hasOpenTicket } from "@/lib/onboarding/queries";
import { nextAction, onwardFrom } from "@/lib/onboarding/rules";
import { pendingTotpEnrollment } from "@/lib/tokens/enrollment";
import { getTokenView } from "@/lib/tokens/service";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("token"))("title") };
}

export default async function TokenPage() {
  const person = await requirePerson();
  const t = await getTranslations("token");
  const format = await getFormatter();
  // One round trip for what every view reads (the steps once: the next action is made from them).
  const [steps, view, openTicket] = await Promise.all([getCaseSteps(person.employeeId), getTokenView(person.employeeId), hasOpenTicket(person.employeeId)]);
  // Not eligible: no token to set up (the actions refuse it too); what to do instead takes its place.
  if (steps.eligibility === "not_eligible") {
    return <NotEligiblePage title={t("title")} notice={{ title: t("notEligible.title"), body: t("notEligible.body") }} help={await getNotEligibleHelp(person.employeeId)} />;
  }
  const enrollment = view.state === "pending" ? await pendingTotpEnrollment(person.employeeId) : null;
  // An active token is a finished step: the next one (device, connection test or guide) becomes the primary action.
  const onward = view.state === "active" ? onwardFrom(nextAction(steps, openTicket), "/token") : null;
  const qrSvg = enrollment ? await QRCode.toString(enrollment.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) : null;

  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="flex flex-col gap-8">
        {view.state === "active" ? (
          <Notice tone="success" title={t("active.title")}>
            <p>{t(`active.${view.type ?? "totp"}`)}</p>
            <p>{t("active.codesLeft", { count: view.recoveryCodesLeft })}</p>
          </Notice>
        ) : null}

        <NextStepPanel action={onward} />

        {view.state === "locked" ? (
          <Notice tone="warning" title={t("locked.title")}>
            {t("locked.body", { time: format.dateTime(view.lockedUntil!, { timeStyle: "short" }) })}
          </Notice>
        ) : null}

        {view.state !== "active" ? (
          <>
            <section aria-labelledby="app-heading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
              <h2 id="app-heading" className="text-lg font-semibold">
                {t("totp.heading")}
              </h2>
              <p>{t("totp.intro")}</p>
              {view.state === "pending" && enrollment && qrSvg ? <TotpEnrollment qrSvg={qrSvg} uri={enrollment.uri} keyGroups={enrollment.keyGroups} /> : null}
              {view.state === "none" || (view.state === "pending" && !enrollment) ? <StartTotpButton /> : null}
            </section>
            <section aria-labelledby="hardware-heading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
              <h2 id="hardware-heading" className="text-lg font-semibold">
                {t("hardware.heading")}
              </h2>
              <p>{t("hardware.intro")}</p>
              <HardwareTokenForm />
            </section>
          </>
        ) : null}

        {view.state === "active" ? (
          <section aria-labelledby="reset-heading" className="flex flex-col gap-3">
            <h2 id="reset-heading" className="text-lg font-semibold">
              {t("reset.heading")}
            </h2>
            <p>{t("reset.intro")}</p>
            <RecoveryResetForm />
          </section>
        ) : null}

        <section aria-labelledby="help-heading" className="flex flex-col gap-3">
          <h2 id="help-heading" className="text-lg font-semibold">
            {t("help.heading")}
          </h2>
          <p>{t("help.intro")}</p>
          <TokenHelpButton />
        </section>

        <BackToStatus />
      </div>
    </>
  );
}
