"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { stockArrivalAction, updatePoolAction } from "@/lib/devices/stock-actions";
import { arrivalSchema, poolSchema } from "@/lib/devices/stock-schema";

type Kind = "laptop" | "vdi_seat" | "vpn_licence" | "hardware_token" | "router_4g";
type PoolValues = { kind: Kind; capacity: string; dailyLimit: string };
type ArrivalValues = { kind: Kind; count: string };

/** Capacity and daily wave of one pool, and "units arrived"; both say how many people moved up the queue. */
export function PoolForms({ kind, label, capacity, dailyLimit }: { kind: Kind; label: string; capacity: number; dailyLimit: number | null }) {
  const t = useTranslations("admin.stock");
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const pool = useActionForm<PoolValues, { promoted: number }>({
    schema: poolSchema,
    defaultValues: { kind, capacity: String(capacity), dailyLimit: dailyLimit === null ? "" : String(dailyLimit) },
    action: (v) => updatePoolAction(v),
    onSuccess: (r) => {
      setDone(t("saved", { promoted: r.promoted }));
      router.refresh();
    },
  });
  const arrival = useActionForm<ArrivalValues, { promoted: number; capacity: number }>({
    schema: arrivalSchema,
    defaultValues: { kind, count: "" },
    action: (v) => stockArrivalAction(v),
    onSuccess: (r) => {
      setDone(t("arrived", { promoted: r.promoted, capacity: r.capacity }));
      arrival.form.reset({ kind, count: "" });
      router.refresh();
    },
  });
  return (
    <div className="flex flex-col gap-3">
      {done ? (
        <p role="status" className="font-medium text-green-800">
          {done}
        </p>
      ) : null}
      <form onSubmit={pool.submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <FormError error={pool.summary} />
        <TextField id={`${kind}-capacity`} label={t("capacityOf", { pool: label })} inputMode="numeric" error={pool.fieldError("capacity")} {...pool.form.register("capacity")} />
        <TextField id={`${kind}-limit`} label={t("dailyLimitOf", { pool: label })} hint={t("dailyLimitHint")} inputMode="numeric" error={pool.fieldError("dailyLimit")} {...pool.form.register("dailyLimit")} />
        <Button type="submit" variant="secondary" disabled={pool.isSubmitting}>
          {t("save", { pool: label })}
        </Button>
      </form>
      <form onSubmit={arrival.submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <FormError error={arrival.summary} />
        <TextField id={`${kind}-arrival`} label={t("arrivalOf", { pool: label })} inputMode="numeric" error={arrival.fieldError("count")} {...arrival.form.register("count")} />
        <Button type="submit" disabled={arrival.isSubmitting}>
          {t("addArrival", { pool: label })}
        </Button>
      </form>
    </div>
  );
}
