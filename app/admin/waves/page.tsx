import type { Metadata } from "next";
import { getTranslations, translatorFor } from "@/lib/i18n/server-translations";
import { AdminNav } from "@/components/admin/admin-nav";
import { WaveForm, WaveStatusButton } from "@/components/admin/wave-form";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { sitesAndUnits, waveProgress } from "@/lib/roster/waves";
import { getNumberFormatter } from "@/lib/i18n/number-formatter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.waves"))("title") };
}

/** Invitation waves: who gets invited, how many a day, and how far each wave has got. */
export default async function AdminWavesPage() {
  await requireRole("admin");
  const t = await getTranslations("admin.waves");
  // Swiss conventions per language (2’003 in German), see lib/i18n/format.ts.
  const localNumber = await getNumberFormatter();
  const [waves, { sites, units }] = await Promise.all([waveProgress(), sitesAndUnits()]);
  // The default invitation as a template the admin edits: formatted with its placeholders as their
  // own values, since the catalogue holds compiled messages, not their text (next.config.js).
  const keep = { firstName: "{firstName}", link: "{link}" };
  const template = (locale: "fr" | "de" | "en") => {
    const t = translatorFor(locale, "email.invitation") as unknown as (key: string, values: typeof keep) => string;
    return { subject: t("subject", keep), body: t("body", keep) };
  };
  const defaults = { fr: template("fr"), de: template("de"), en: template("en") };
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AdminNav current="waves" />
      <section aria-labelledby="waves-heading" className="mb-8">
        <h2 id="waves-heading" className="mb-3 text-xl font-semibold">
          {t("list")}
        </h2>
        {waves.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {waves.map((w) => (
              <li key={w.id} className="rounded-lg border border-slate-300 bg-white p-4">
                <p className="font-semibold">
                  {w.name} · {t(`status.${w.status}`)}
                </p>
                <p className="text-sm text-slate-700">{t("scope", { site: w.site ?? t("allSites"), unit: w.orgUnit ?? t("allUnits"), perDay: localNumber(w.perDay) })}</p>
                <label htmlFor={`wave-${w.id}`} className="mt-2 block">
                  {t("progress", { invited: localNumber(w.invited), inScope: localNumber(w.inScope), today: localNumber(w.today), signedIn: localNumber(w.signedIn) })}
                </label>
                <progress id={`wave-${w.id}`} className="block h-3 w-full" max={Math.max(1, w.inScope)} value={w.invited} />
                {w.status !== "done" ? (
                  <div className="mt-2">
                    <WaveStatusButton waveId={w.id} name={w.name} status={w.status} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-wave-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="new-wave-heading" className="mb-3 text-xl font-semibold">
          {t("new")}
        </h2>
        <WaveForm sites={sites} units={units} defaults={defaults} />
      </section>
    </>
  );
}
