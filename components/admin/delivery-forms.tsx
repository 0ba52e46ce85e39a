"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ForecastPreview } from "./forecast-preview";
import { VersionedForm, type VersionedApi } from "./versioned-form";
import { cancelDeliveryAction, deliveryArrivedAction, moveDeliveryAction, planDeliveryAction } from "@/lib/devices/stock-actions";
import { deliveryMoveSchema, deliverySchema } from "@/lib/devices/stock-schema";
import { refusalOf, useErrorText } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

type Kind = "laptop" | "vdi_seat" | "vpn_licence" | "hardware_token" | "router_4g";
export type DeliveryItem = { id: string; expectedOn: string; quantity: number; version: number };

// A pool's planned deliveries on the stock page (issue 17 point 1): plan one, move or resize it,
// cancel it, or record it as arrived (then it is the pool's "N arrived"). Each answer says how
// many queued people got their changed date by e-mail. The page refreshes after each action, so
// every row shows the delivery's current version; a moved row waits for it (VersionedForm), and a
// row someone else changed meanwhile is refused and shown afresh.

export function DeliveryForms({ kind, label, deliveries }: { kind: Kind; label: string; deliveries: DeliveryItem[] }) {
  const t = useTranslations("admin.stock.deliveries");
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => {
    setNotice(text);
  };
  return (
    <div className="mt-4 flex flex-col gap-3 border-t border-slate-200 pt-3">
      <h3 className="text-lg font-semibold">{t("title")}</h3>
      <p className="text-sm text-slate-700">{t("lead")}</p>
      {/* Shown only with something to say, like the pool form's "Saved.": one status per card at a time. */}
      {notice ? (
        <p role="status" className="font-medium text-green-800">
          {notice}
        </p>
      ) : null}
      {deliveries.length === 0 ? <p className="text-slate-700">{t("none")}</p> : null}
      <ol className="flex flex-col gap-3">
        {deliveries.map((d, i) => (
          <li key={d.id}>
            <VersionedForm version={String(d.version)}>{(api) => <DeliveryRow kind={kind} label={label} n={i + 1} delivery={d} onDone={done} api={api} />}</VersionedForm>
          </li>
        ))}
      </ol>
      <PlanForm kind={kind} label={label} onDone={done} />
    </div>
  );
}

type PlanValues = { kind: Kind; expectedOn: string; quantity: string };

function PlanForm({ kind, label, onDone }: { kind: Kind; label: string; onDone: (text: string) => void }) {
  const t = useTranslations("admin.stock.deliveries");
  const form = useActionForm<PlanValues, { mailed: number }>({
    schema: deliverySchema,
    defaultValues: { kind, expectedOn: "", quantity: "" },
    action: (v) => planDeliveryAction(v),
    onSuccess: (r) => {
      form.form.reset({ kind, expectedOn: "", quantity: "" });
      onDone(t("planned", { mailed: r.mailed }));
    },
  });
  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
      <FormError error={form.summary} />
      <TextField id={`${kind}-delivery-on`} type="date" label={t("newExpectedOn", { pool: label })} error={form.fieldError("expectedOn")} {...form.form.register("expectedOn")} />
      <TextField id={`${kind}-delivery-quantity`} label={t("newQuantity", { pool: label })} inputMode="numeric" error={form.fieldError("quantity")} {...form.form.register("quantity")} />
      <Button type="submit" variant="secondary" disabled={form.isSubmitting}>
        {t("add", { pool: label })}
      </Button>
      <ForecastPreview kind={kind} pool={label} change={{ delivery: { expectedOn: form.form.watch("expectedOn"), quantity: form.form.watch("quantity") } }} />
    </form>
  );
}

type MoveValues = { id: string; version: number; expectedOn: string; quantity: string };

function DeliveryRow({ kind, label, n, delivery, onDone, api }: { kind: Kind; label: string; n: number; delivery: DeliveryItem; onDone: (text: string) => void; api: VersionedApi }) {
  const t = useTranslations("admin.stock.deliveries");
  const errorText = useErrorText();
  const [refusal, setRefusal] = useState<string | null>(null);
  const ref = { id: delivery.id, version: delivery.version };
  const form = useActionForm<MoveValues, { mailed: number; version: number }>({
    schema: deliveryMoveSchema,
    defaultValues: { ...ref, expectedOn: delivery.expectedOn, quantity: String(delivery.quantity) },
    action: async (v) => {
      const result = await moveDeliveryAction(v);
      return api.refusedAsStale(result) ? { ok: false } : result;
    },
    onSuccess: (r) => {
      api.saved(r.version);
      onDone(t("moved", { mailed: r.mailed }));
    },
  });
  // Cancel and "arrived" carry the version the row shows, like the form: a stale row changes nothing.
  async function run(action: "cancel" | "arrived") {
    setRefusal(null);
    const result = await callAction(async () => (action === "cancel" ? cancelDeliveryAction(ref) : deliveryArrivedAction(ref)));
    if (api.refusedAsStale(result)) return;
    if (!result.ok) return setRefusal(errorText(refusalOf(result)) ?? null);
    const data = result.data as { mailed?: number; quantity?: number; capacity?: number; promoted?: number };
    onDone(action === "cancel" ? t("cancelled", { mailed: data.mailed ?? 0 }) : t("arrivedDone", { quantity: data.quantity ?? 0, capacity: data.capacity ?? 0, promoted: data.promoted ?? 0 }));
  }
  const id = `${kind}-delivery-${n}`;
  const [expectedOn, quantity] = [form.form.watch("expectedOn"), form.form.watch("quantity")];
  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-2 rounded-md border border-slate-300 p-2 sm:flex-row sm:flex-wrap sm:items-end">
      <FormError error={form.summary} />
      {refusal ? (
        <p role="alert" className="basis-full font-medium text-red-800">
          {refusal}
        </p>
      ) : null}
      <TextField id={`${id}-on`} type="date" label={t("rowDate", { n })} error={form.fieldError("expectedOn")} {...form.form.register("expectedOn")} />
      <TextField id={`${id}-quantity`} label={t("rowQuantity", { n })} inputMode="numeric" error={form.fieldError("quantity")} {...form.form.register("quantity")} />
      <Button type="submit" variant="secondary" disabled={form.isSubmitting}>
        {t("save", { n })}
      </Button>
      <Button type="button" variant="secondary" onClick={() => void run("cancel")}>
        {t("cancel", { n })}
      </Button>
      {kind === "hardware_token" ? null : (
        <Button type="button" onClick={() => void run("arrived")}>
          {t("arrived", { n })}
        </Button>
      )}
      {/* Only once the row differs from what is saved: the saved delivery is already in the forecast. */}
      {expectedOn !== delivery.expectedOn || quantity !== String(delivery.quantity) ? <ForecastPreview kind={kind} pool={label} change={{ delivery: { deliveryId: delivery.id, expectedOn, quantity } }} /> : null}
    </form>
  );
}
