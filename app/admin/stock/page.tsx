import type { Metadata } from "next";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { AdminNav } from "@/components/admin/admin-nav";
import { DeliveryForms } from "@/components/admin/delivery-forms";
import { DeliveryImportForm } from "@/components/admin/delivery-import-form";
import { HandoverButton } from "@/components/admin/handover-button";
import { PoolForms } from "@/components/admin/pool-forms";
import { AddSlotForm, SlotCapacityForm } from "@/components/admin/slot-forms";
import { TokenImportForm } from "@/components/admin/token-import-form";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { SectionCard } from "@/components/ui/section-card";
import { requireRole } from "@/lib/auth/session";
import { plannedDeliveries } from "@/lib/devices/deliveries";
import { upcomingSlots, type SlotRow } from "@/lib/devices/slots";
import { pendingHandovers, poolStatuses, type PendingHandover } from "@/lib/devices/stock-queries";
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
  const [pools, handovers, slots, { sites }, deliveries] = await Promise.all([poolStatuses(), pendingHandovers(), upcomingSlots(), sitesAndUnits(), plannedDeliveries()]);
  const when = (at: Date) => format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" });
  const slotColumns: Column<SlotRow>[] = [
    { key: "when", header: t("slots.when"), rowHeader: true, cell: (slot) => when(slot.startsAt) },
    { key: "site", header: t("slots.site"), cell: (slot) => slot.site },
    { key: "booked", header: t("slots.booked"), cell: (slot) => localNumber(slot.booked) },
    {
      key: "capacity",
      header: t("slots.capacity"),
      cell: (slot) => <SlotCapacityForm slotId={slot.id} label={`${slot.site}, ${when(slot.startsAt)}`} capacity={slot.capacity} version={slot.version} />,
    },
  ];
  const handoverColumns: Column<PendingHandover>[] = [
    { key: "person", header: t("handovers.person"), rowHeader: true, cell: (h) => h.name, note: (h) => h.number },
    { key: "what", header: t("handovers.what"), cell: (h) => t(`kinds.${h.kind}`) },
    {
      key: "how",
      header: t("handovers.how"),
      cell: (h) =>
        h.method === "collect" && h.slotStart
          ? t("handovers.collect", { site: h.site ?? "", when: when(h.slotStart) })
          : h.method === "ship" || h.kind === "router_4g"
            ? t("handovers.ship", { city: h.city ?? "" })
            : t("handovers.notChosen"),
    },
    { key: "done", header: t("handovers.done"), cell: (h) => (h.method || h.kind === "router_4g" ? <HandoverButton allocationId={h.allocationId} name={h.name} shipped={h.method !== "collect"} /> : null) },
  ];
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AdminNav current="stock" />
      <div className="flex flex-col gap-6">
        {pools.map((pool) => {
          const label = t(`kinds.${pool.kind}`);
          return (
            <SectionCard key={pool.kind} id={`pool-${pool.kind}`} title={label}>
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
              <DeliveryForms kind={pool.kind} label={label} deliveries={deliveries.filter((d) => d.kind === pool.kind)} />
            </SectionCard>
          );
        })}
        <SectionCard id="delivery-plan-heading" title={t("deliveries.import.title")}>
          <DeliveryImportForm />
        </SectionCard>
        <SectionCard id="slots-heading" title={t("slots.title")}>
          <AddSlotForm sites={sites} />
          <div className="mt-4">
            <DataTable caption={t("slots.title")} columns={slotColumns} rows={slots} rowKey={(slot) => slot.id} sticky />
          </div>
        </SectionCard>
        <SectionCard id="handovers-heading" title={t("handovers.title")}>
          <DataTable caption={t("handovers.title")} columns={handoverColumns} rows={handovers} rowKey={(h) => h.allocationId} empty={t("handovers.none")} />
        </SectionCard>
      </div>
    </>
  );
}
