import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { HandoverButton } from "@/components/admin/handover-button";
import { PoolForms } from "@/components/admin/pool-forms";
import { AddSlotForm, SlotCapacityForm } from "@/components/admin/slot-forms";
import { TokenImportForm } from "@/components/admin/token-import-form";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";
import { upcomingSlots } from "@/lib/devices/slots";
import { pendingHandovers, poolStatuses } from "@/lib/devices/stock-queries";
import { sitesAndUnits } from "@/lib/roster/waves";
import { getNumberFormatter } from "@/lib/i18n/number-formatter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.stock"))("title") };
}

export default async function AdminStockPage() {
  await requireRole("admin");
  const t = await getTranslations("admin.stock");
  const format = await getFormatter();
  // Swiss conventions per language (2’003 in German), see lib/i18n/format.ts.
  const localNumber = await getNumberFormatter();
  const [pools, handovers, slots, { sites }] = await Promise.all([poolStatuses(), pendingHandovers(), upcomingSlots(), sitesAndUnits()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AdminNav current="stock" />
      <div className="flex flex-col gap-6">
        {pools.map((pool) => {
          const label = t(`kinds.${pool.kind}`);
          return (
            <section key={pool.kind} aria-labelledby={`pool-${pool.kind}`} className="rounded-lg border border-slate-300 bg-white p-4">
              <h2 id={`pool-${pool.kind}`} className="mb-2 text-xl font-semibold">
                {label}
              </h2>
              <dl className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-6">
                {(
                  [
                    ["capacity", localNumber(pool.capacity)],
                    ["inUse", localNumber(pool.inUse)],
                    ["waiting", localNumber(pool.waiting)],
                    ["issued", localNumber(pool.issued)],
                    ["today", pool.dailyLimit === null ? t("noLimit") : `${localNumber(pool.usedToday)} / ${localNumber(pool.dailyLimit)}`],
                    ["outlook", pool.outlook.days === null ? t("shortfall", { count: localNumber(pool.outlook.shortfall) }) : pool.outlook.days === 0 ? t("clear") : t("days", { count: pool.outlook.days })],
                  ] as const
                ).map(([key, value]) => (
                  <div key={key}>
                    <dt className="text-sm text-slate-700">{t(`figures.${key}`)}</dt>
                    <dd className="text-lg font-semibold">{value}</dd>
                  </div>
                ))}
              </dl>
              {pool.kind === "hardware_token" ? <TokenImportForm /> : <PoolForms kind={pool.kind} label={label} capacity={pool.capacity} dailyLimit={pool.dailyLimit} version={pool.version} />}
            </section>
          );
        })}
        <section aria-labelledby="slots-heading" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="slots-heading" className="mb-2 text-xl font-semibold">
            {t("slots.title")}
          </h2>
          <AddSlotForm sites={sites} />
          <div className="mt-4 max-h-[32rem] overflow-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t("slots.title")}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">{t("slots.when")}</th>
                  <th scope="col" className="p-2">{t("slots.site")}</th>
                  <th scope="col" className="p-2">{t("slots.booked")}</th>
                  <th scope="col" className="p-2">{t("slots.capacity")}</th>
                </tr>
              </thead>
              <tbody>
                {slots.map((slot) => {
                  const when = format.dateTime(new Date(slot.startsAt), { dateStyle: "medium", timeStyle: "short" });
                  return (
                    <tr key={slot.id} className="border-b border-slate-200">
                      <th scope="row" className="p-2 text-left font-medium">{when}</th>
                      <td className="p-2">{slot.site}</td>
                      <td className="p-2">{localNumber(slot.booked)}</td>
                      <td className="p-2">
                        <SlotCapacityForm slotId={slot.id} label={`${slot.site}, ${when}`} capacity={slot.capacity} version={slot.version} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="handovers-heading" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="handovers-heading" className="mb-2 text-xl font-semibold">
            {t("handovers.title")}
          </h2>
          {handovers.length === 0 ? (
            <p>{t("handovers.none")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{t("handovers.title")}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-left">
                    <th scope="col" className="p-2">{t("handovers.person")}</th>
                    <th scope="col" className="p-2">{t("handovers.what")}</th>
                    <th scope="col" className="p-2">{t("handovers.how")}</th>
                    <th scope="col" className="p-2">{t("handovers.done")}</th>
                  </tr>
                </thead>
                <tbody>
                  {handovers.map((h) => (
                    <tr key={h.allocationId} className="border-b border-slate-200">
                      <th scope="row" className="p-2 text-left font-medium">
                        {h.name}
                        <span className="block text-xs font-normal text-slate-700">{h.number}</span>
                      </th>
                      <td className="p-2">{t(`kinds.${h.kind}`)}</td>
                      <td className="p-2">
                        {h.method === "collect" && h.slotStart
                          ? t("handovers.collect", { site: h.site ?? "", when: format.dateTime(new Date(h.slotStart), { dateStyle: "medium", timeStyle: "short" }) })
                          : h.method === "ship" || h.kind === "router_4g"
                            ? t("handovers.ship", { city: h.city ?? "" })
                            : t("handovers.notChosen")}
                      </td>
                      <td className="p-2">{h.method || h.kind === "router_4g" ? <HandoverButton allocationId={h.allocationId} name={h.name} shipped={h.method !== "collect"} /> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
