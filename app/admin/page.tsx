import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { getAdminOverview } from "@/lib/admin/overview";
import { requireRole } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  await requireRole("admin");
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const overview = await getAdminOverview();
  const figures = [
    ["activeEmployees", overview.activeEmployees],
    ["signedUp", overview.signedUp],
    ["activeSessions", overview.activeSessions],
    ["mailPending", overview.mailPending],
    ["mailDead", overview.mailDead],
  ] as const;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="mb-3 text-lg font-semibold">
          {t("figuresHeading")}
        </h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          {figures.map(([key, value]) => (
            <div key={key} className="rounded-lg border border-slate-300 bg-white p-4">
              <dt className="text-sm text-slate-700">{t(`figures.${key}`)}</dt>
              <dd className="text-2xl font-bold">{format.number(value)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
