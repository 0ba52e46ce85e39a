"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { stockArrivalAction, updatePoolAction } from "@/lib/devices/stock-actions";
import { arrivalSchema, poolSchema } from "@/lib/devices/stock-schema";
import { ChangePreview, unconfirmedRefusal, type WatchedCount } from "./change-preview";
import { ForecastPreview } from "./forecast-preview";
import { VersionedForm, type VersionedApi } from "./versioned-form";

type Kind = "laptop" | "vdi_seat" | "vpn_licence" | "hardware_token" | "router_4g";
type Pool = { kind: Kind; label: string; capacity: number; dailyLimit: number | null; version: string };
type PoolValues = { kind: Kind; capacity: string; dailyLimit: string; version: string; confirmed: boolean };
type ArrivalValues = { kind: Kind; count: string; confirmed: boolean };

/**
 * Capacity and daily wave of one pool, and "units arrived"; both say how many people moved up
 * the queue. Keyed by the pool's version: after an arrival the capacity field shows the new
 * capacity, and a form older than someone else's change is refused, never saved over it.
 * Each shows the change before it is saved, and asks to confirm a tenfold one (ChangePreview).
 */
export function PoolForms(pool: Pool) {
  return (
    <VersionedForm version={pool.version}>
      {(api) => (
        <>
          <LimitForm pool={pool} api={api} />
          <ArrivalForm pool={pool} api={api} />
        </>
      )}
    </VersionedForm>
  );
}

function LimitForm({ pool: { kind, label, capacity, dailyLimit, version }, api }: { pool: Pool; api: VersionedApi }) {
  const t = useTranslations("admin.stock");
  const tc = useTranslations("admin.change");
  const watched: WatchedCount<PoolValues>[] = [
    { name: "capacity", what: label, from: capacity },
    { name: "dailyLimit", what: tc("dailyLimitOf", { pool: label }), from: dailyLimit, blankIsNone: true },
  ];
  const form = useActionForm<PoolValues, { promoted: number; version: string }>({
    schema: poolSchema,
    defaultValues: { kind, capacity: String(capacity), dailyLimit: dailyLimit === null ? "" : String(dailyLimit), version, confirmed: false },
    action: async (v) => {
      const unconfirmed = unconfirmedRefusal(watched, v);
      if (unconfirmed) return unconfirmed;
      const result = await updatePoolAction(v);
      return api.refusedAsStale(result) ? { ok: false } : result;
    },
    onSuccess: (r) => api.saved(r.version, t("saved", { promoted: r.promoted })),
  });
  const typed = { capacity: form.form.watch("capacity"), dailyLimit: form.form.watch("dailyLimit") };
  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
      <FormError error={form.summary} />
      <input type="hidden" {...form.form.register("version")} />
      <TextField id={`${kind}-capacity`} label={t("capacityOf", { pool: label })} inputMode="numeric" error={form.fieldError("capacity")} {...form.form.register("capacity")} />
      <TextField id={`${kind}-limit`} label={t("dailyLimitOf", { pool: label })} hint={t("dailyLimitHint")} inputMode="numeric" error={form.fieldError("dailyLimit")} {...form.form.register("dailyLimit")} />
      <Button type="submit" variant="secondary" disabled={form.isSubmitting} aria-describedby={`${kind}-limit-change`}>
        {t("save", { pool: label })}
      </Button>
      <ChangePreview id={`${kind}-limit-change`} form={form.form} watched={watched} />
      {/* What the typed stock and wave do to the forecast, once they differ from what is saved. */}
      {typed.capacity !== String(capacity) || typed.dailyLimit !== (dailyLimit === null ? "" : String(dailyLimit)) ? <ForecastPreview kind={kind} pool={label} change={{ pool: typed }} /> : null}
    </form>
  );
}

/** A number of units that arrived: added to the capacity as it is then, so it needs no version. */
function ArrivalForm({ pool: { kind, label, capacity }, api }: { pool: Pool; api: VersionedApi }) {
  const t = useTranslations("admin.stock");
  // The preview shows the stock the arrival leads to: 4,000 typed for 400 makes it 4,400.
  const watched: WatchedCount<ArrivalValues>[] = [{ name: "count", what: label, from: capacity, to: (count) => capacity + (count ?? 0) }];
  const arrival = useActionForm<ArrivalValues, { promoted: number; capacity: number; version: string }>({
    schema: arrivalSchema,
    defaultValues: { kind, count: "", confirmed: false },
    action: async (v) => unconfirmedRefusal(watched, v) ?? stockArrivalAction(v),
    onSuccess: (r) => {
      arrival.form.reset({ kind, count: "", confirmed: false });
      api.saved(r.version, t("arrived", { promoted: r.promoted, capacity: r.capacity }));
    },
  });
  return (
    <form onSubmit={arrival.submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
      <FormError error={arrival.summary} />
      <TextField id={`${kind}-arrival`} label={t("arrivalOf", { pool: label })} inputMode="numeric" error={arrival.fieldError("count")} {...arrival.form.register("count")} />
      <Button type="submit" disabled={arrival.isSubmitting} aria-describedby={`${kind}-arrival-change`}>
        {t("addArrival", { pool: label })}
      </Button>
      <ChangePreview id={`${kind}-arrival-change`} form={arrival.form} watched={watched} />
    </form>
  );
}
