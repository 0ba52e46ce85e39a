import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { AdminNav } from "@/components/admin/admin-nav";
import { CannedRepliesEditor } from "@/components/admin/canned-replies-editor";
import { AddHolidayForm, RemoveHolidayButton } from "@/components/admin/holiday-forms";
import { RulesEditor } from "@/components/admin/rules-editor";
import { SettingEditor } from "@/components/admin/setting-editor";
import { SettingForm, type SettingField } from "@/components/admin/setting-form";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { cannedResponsesSchema } from "@/lib/settings/schemas";
import { activeEligibilityRules, editableValues, holidaysOfYear } from "@/lib/settings/service";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { settingsQuery } from "@/lib/http/page-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.settings"))("title") };
}

export default async function AdminSettingsPage({ searchParams }: { searchParams: PageSearchParams }) {
  await requireRole("admin");
  const t = await getTranslations("admin.settings");
  const format = await getFormatter();
  const year = pageQuery(settingsQuery, await searchParams).year ?? new Date().getUTCFullYear();
  const [values, rules, holidays] = await Promise.all([editableValues(), activeEligibilityRules(), holidaysOfYear(year)]);
  // The flat settings as forms; the nested ones (gateways, lists of replies…) stay JSON.
  const number = (name: string): SettingField => ({ name, kind: "number", label: t(`fields.${name}`) });
  const choice = (name: string, options: string[]): SettingField => ({ name, kind: "select", label: t(`fields.${name}`), options: options.map((o) => ({ value: o, label: t(`options.${o}`) })) });
  const forms: Partial<Record<string, SettingField[]>> = {
    sla_hours: ["urgent", "high", "normal", "low"].map(number),
    hr_contact: [
      { name: "name", kind: "text", label: t("fields.contactName") },
      { name: "email", kind: "text", type: "email", label: t("fields.contactEmail") },
      { name: "phone", kind: "text", type: "tel", label: t("fields.contactPhone"), hint: t("fields.contactPhoneHint") },
      { name: "url", kind: "text", type: "url", label: t("fields.contactUrl") },
      choice("reviewBy", ["hr", "it"]),
      number("reviewWorkingDays"),
    ],
    crisis_summary: [{ name: "recipients", kind: "emails", label: t("fields.recipients"), hint: t("fields.recipientsHint") }, number("hour"), choice("language", ["fr", "de", "en"])],
    rht: [
      { name: "authorizedFrom", kind: "date", label: t("fields.authorizedFrom"), hint: t("fields.authorizedHint") },
      { name: "authorizedUntil", kind: "date", label: t("fields.authorizedUntil"), hint: t("fields.authorizedHint") },
      number("waitingDays"),
      number("overtimeThresholdMinutes"),
      number("overtimeLookBackMonths"),
      number("holidayAdjacentDays"),
      { name: "shutdowns", kind: "ranges", label: t("fields.shutdowns"), hint: t("fields.shutdownsHint") },
      number("shutdownAdjacentDays"),
      number("thresholdPercent"),
      choice("departmentBase", ["all_entitled", "with_loss"]),
      choice("lossBase", ["normal_minus_absences", "normal"]),
      number("over85MaxPeriods"),
      number("over85WindowMonths"),
      number("insuredMaxYearlyFrancs"),
    ],
  };
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AdminNav current="settings" />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="rules-heading" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="rules-heading" className="mb-1 text-xl font-semibold">
            {t("rules.title")}
          </h2>
          <p className="mb-3 text-slate-700">{t("rules.lead", { version: rules?.version ?? 0 })}</p>
          <RulesEditor initial={rules?.rules ?? []} version={rules?.version ?? 0} />
        </section>
        {values.map((v) => (
          <section key={v.key} aria-labelledby={`${v.key}-heading`} className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id={`${v.key}-heading`} className="mb-1 text-xl font-semibold">
              {t(`keys.${v.key}.title`)}
            </h2>
            <p className="mb-3 text-slate-700">
              {t(`keys.${v.key}.lead`)} {v.updatedAt ? t("updated", { when: format.dateTime(new Date(v.updatedAt), { dateStyle: "medium", timeStyle: "short" }) }) : t("default")}
            </p>
            {v.key === "canned_responses" && cannedResponsesSchema.safeParse(JSON.parse(v.json)).success ? (
              <CannedRepliesEditor title={t(`keys.${v.key}.title`)} initial={cannedResponsesSchema.parse(JSON.parse(v.json))} version={v.version} />
            ) : forms[v.key] ? (
              <SettingForm settingKey={v.key} title={t(`keys.${v.key}.title`)} fields={forms[v.key]!} initial={JSON.parse(v.json) as Record<string, unknown>} version={v.version} />
            ) : (
              <SettingEditor settingKey={v.key} label={t(`keys.${v.key}.title`)} hint={t("jsonHint")} initial={v.json} version={v.version} />
            )}
          </section>
        ))}
        <section aria-labelledby="holidays-heading" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="holidays-heading" className="mb-1 text-xl font-semibold">
            {t("holidays.title", { year })}
          </h2>
          <nav aria-label={t("holidays.years")} className="mb-3 flex gap-4">
            <Link href={`/admin/settings?year=${year - 1}`} className="min-h-11 py-2 font-medium text-blue-800 underline">
              {year - 1}
            </Link>
            <Link href={`/admin/settings?year=${year + 1}`} className="min-h-11 py-2 font-medium text-blue-800 underline">
              {year + 1}
            </Link>
          </nav>
          <AddHolidayForm />
          <ul className="mt-4 flex flex-col gap-2">
            {holidays.map((h) => (
              <li key={`${h.canton}:${h.day}`} className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 pb-2">
                <span>
                  {format.dateTime(new Date(`${h.day}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" })} · {h.canton} · {h.name}
                </span>
                <RemoveHolidayButton canton={h.canton} day={h.day} name={h.name} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
