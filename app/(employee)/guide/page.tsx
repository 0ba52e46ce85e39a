import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { PrintButton } from "@/components/ui/print-button";
import { requirePerson } from "@/lib/auth/session";
import { connectivitySettings, listConnectivityTests } from "@/lib/connectivity/service";
import { getDeviceOverview } from "@/lib/devices/queries";
import { getCaseSteps } from "@/lib/onboarding/queries";
import { isReady } from "@/lib/onboarding/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("guide"))("title") };
}

/** The personal connection guide, printable, in the person's language. */
export default async function GuidePage() {
  const person = await requirePerson();
  const t = await getTranslations("guide");
  const steps = await getCaseSteps(person.employeeId);
  if (!isReady(steps)) {
    return (
      <>
        <PageTitle>{t("title")}</PageTitle>
        <Notice tone="info">{t("notReady")}</Notice>
        <p className="mt-4">
          <Link href="/" className={buttonClass("primary")}>
            {t("toStatus")}
          </Link>
        </p>
      </>
    );
  }
  const [settings, tests, device] = await Promise.all([connectivitySettings(), listConnectivityTests(person.employeeId, 1), getDeviceOverview(person.employeeId)]);
  // Only UDP seen getting out earns the IPsec profile; blocked or untested get the SSL profile, each with its own reason.
  const udp = tests[0]?.udp ?? "untested";
  const udpOk = udp === "open";
  const profile = udpOk ? settings.ipsecProfile : settings.sslProfile;

  return (
    <>
      <PageTitle lead={t("lead", { name: `${person.firstName} ${person.lastName}` })}>{t("title")}</PageTitle>
      {steps.path === "laptop" ? (
        <section aria-labelledby="laptop-heading" className="flex flex-col gap-3">
          <h2 id="laptop-heading" className="text-lg font-semibold">
            {t("laptop.heading")}
          </h2>
          <ol className="list-decimal space-y-2 pl-6">
            <li>{t("laptop.step1")}</li>
            <li>{t("laptop.step2", { profile: profile.name, host: profile.host })}</li>
            <li>{t("laptop.step3")}</li>
            <li>{udpOk ? t("laptop.fallbackIpsec", { ssl: settings.sslProfile.name }) : udp === "blocked" ? t("laptop.whySsl") : t("laptop.whySslUntested")}</li>
          </ol>
        </section>
      ) : (
        <section aria-labelledby="vdi-heading" className="flex flex-col gap-3">
          <h2 id="vdi-heading" className="text-lg font-semibold">
            {t("vdi.heading")}
          </h2>
          <ol className="list-decimal space-y-2 pl-6">
            <li>
              {t("vdi.step1")} <strong>{device.vdi.webUrl}</strong>
            </li>
            <li>
              {t("vdi.step2")}
              <ul className="list-disc pl-6">
                {device.vdi.clients.map((client) => (
                  <li key={client.os}>
                    {client.os}: {client.url}
                  </li>
                ))}
              </ul>
            </li>
            <li>{t("vdi.step3")}</li>
          </ol>
        </section>
      )}
      <section aria-labelledby="help-heading" className="mt-6 flex flex-col gap-2">
        <h2 id="help-heading" className="text-lg font-semibold">
          {t("help.heading")}
        </h2>
        <p>{t("help.body")}</p>
      </section>
      <div className="mt-6 flex flex-wrap gap-2">
        <PrintButton label={t("print")} />
        <Link href="/" className={`${buttonClass("ghost")} print:hidden`}>
          {t("toStatus")}
        </Link>
      </div>
    </>
  );
}
