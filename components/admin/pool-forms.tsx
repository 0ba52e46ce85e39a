"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { stockArrivalAction, updatePoolAction } from "@/lib/devices/stock-actions";
import { arrivalSchema, poolSchema } from "@/lib/devices/stock-schema";
import { VersionedForm, type VersionedApi } from "./versioned-form";

type Kind = "laptop" | "vdi_seat" | "vpn_licence" | "hardware_token" | "router_4g";
type Pool = { kind: Kind; label: string; capacity: number; dailyLimit: number | null; version: string };
type PoolValues = { kind: Kind; capacity: string; dailyLimit: string; version: string };
type ArrivalValues = { kind: Kind; count: string };

/**
 * Capacity and daily wave of one pool, and "units arrived"; both say how many people moved up
 * the queue. Keyed by the pool's version: after an arrival the capacity field shows the new
 * capacity, and a form older than someone else's change is refused, never saved over it.
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
  const form = useActionForm<PoolValues, { promoted: number }>({
    schema: poolSchema,
    defaultValues: { kind, capacity: String(capacity), dailyLimit: dailyLimit === null ? "" : String(dailyLimit), version },
    action: async (v) => {
      const result = await updatePoolAction(v);
      return api.refusedAsStale(result) ? { ok: false } : result;
    },
    onSuccess: (r) => api.saved(t("saved", { promoted: r.promoted })),
  });
  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <FormError error={form.summary} />
      <input type="hidden" {...form.form.register("version")} />
      <TextField id={`${kind}-capacity`} label={t("capacityOf", { pool: label })} inputMode="numeric" error={form.fieldError("capacity")} {...form.form.register("capacity")} />
      <TextField id={`${kind}-limit`} label={t("dailyLimitOf", { pool: label })} hint={t("dailyLimitHint")} inputMode="numeric" error={form.fieldError("dailyLimit")} {...form.form.register("dailyLimit")} />
      <Button type="submit" variant="secondary" disabled={form.isSubmitting}>
        {t("save", { pool: label })}
      </Button>
    </form>
  );
}

/** A number of units that arrived: added to the capacity as it is then, so it needs no version. */
function ArrivalForm({ pool: { kind, label }, api }: { pool: Pool; api: VersionedApi }) {
  const t = useTranslations("admin.stock");
  const arrival = useActionForm<ArrivalValues, { promoted: number; capacity: number }>({
    schema: arrivalSchema,
    defaultValues: { kind, count: "" },
    action: (v) => stockArrivalAction(v),
    onSuccess: (r) => {
      arrival.form.reset({ kind, count: "" });
      api.saved(t("arrived", { promoted: r.promoted, capacity: r.capacity }));
    },
  });
  return (
    <form onSubmit={arrival.submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <FormError error={arrival.summary} />
      <TextField id={`${kind}-arrival`} label={t("arrivalOf", { pool: label })} inputMode="numeric" error={arrival.fieldError("count")} {...arrival.form.register("count")} />
      <Button type="submit" disabled={arrival.isSubmitting}>
        {t("addArrival", { pool: label })}
      </Button>
    </form>
  );
}
