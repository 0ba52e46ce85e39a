"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { addSlotAction, setSlotCapacityAction } from "@/lib/devices/stock-actions";
import { slotCapacitySchema, slotSchema } from "@/lib/devices/stock-schema";
import { ChangePreview, unconfirmedRefusal, type WatchedCount } from "./change-preview";
import { VersionedForm, type VersionedApi } from "./versioned-form";

type SlotValues = { siteId: string; day: string; start: string; end: string; capacity: string };

export function AddSlotForm({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations("admin.stock.slots");
  const initial: SlotValues = { siteId: sites[0]?.id ?? "", day: "", start: "09:00", end: "10:00", capacity: "12" };
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<SlotValues, { id: string }>({
    schema: slotSchema,
    defaultValues: initial,
    action: (v) => addSlotAction(v),
    onSuccess: () => {
      form.reset(initial);
    },
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-2 sm:grid-cols-6 sm:items-end">
      <div className="sm:col-span-6">
        <FormError error={summary} />
      </div>
      <SelectField id="slot-site" label={t("site")} error={fieldError("siteId")} {...form.register("siteId")}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextField id="slot-day" type="date" label={t("day")} error={fieldError("day")} {...form.register("day")} />
      <TextField id="slot-start" type="time" label={t("start")} error={fieldError("start")} {...form.register("start")} />
      <TextField id="slot-end" type="time" label={t("end")} error={fieldError("end")} {...form.register("end")} />
      <TextField id="slot-capacity" label={t("capacity")} inputMode="numeric" error={fieldError("capacity")} {...form.register("capacity")} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("add")}
      </Button>
    </form>
  );
}

/** A slot's capacity, keyed by its version: a save from an older page is refused, never saved over a newer one. */
export function SlotCapacityForm({ slotId, label, capacity, version }: { slotId: string; label: string; capacity: number; version: string }) {
  return <VersionedForm version={version}>{(api) => <SlotCapacityFields slotId={slotId} label={label} capacity={capacity} version={version} api={api} />}</VersionedForm>;
}

type SlotCapacityValues = { slotId: string; capacity: string; version: string; confirmed: boolean };

function SlotCapacityFields({ slotId, label, capacity, version, api }: { slotId: string; label: string; capacity: number; version: string; api: VersionedApi }) {
  const t = useTranslations("admin.stock.slots");
  const watched: WatchedCount<SlotCapacityValues>[] = [{ name: "capacity", what: t("capacity"), from: capacity }];
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<SlotCapacityValues, { version: string }>({
    schema: slotCapacitySchema,
    defaultValues: { slotId, capacity: String(capacity), version, confirmed: false },
    action: async (v) => {
      const unconfirmed = unconfirmedRefusal(watched, v);
      if (unconfirmed) return unconfirmed;
      const result = await setSlotCapacityAction(v);
      return api.refusedAsStale(result) ? { ok: false } : result;
    },
    onSuccess: (r) => api.saved(r.version),
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
      <FormError error={summary} />
      <input type="hidden" {...form.register("version")} />
      <TextField id={`slot-${slotId}`} label={t("capacityOf", { slot: label })} inputMode="numeric" className="w-24" error={fieldError("capacity")} {...form.register("capacity")} />
      <Button type="submit" variant="secondary" disabled={isSubmitting} aria-describedby={`slot-${slotId}-change`}>
        {t("save")}
      </Button>
      <ChangePreview id={`slot-${slotId}-change`} form={form} watched={watched} />
    </form>
  );
}
