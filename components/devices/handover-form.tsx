"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { chooseHandoverAction } from "@/lib/devices/actions";
import { handoverSchema } from "@/lib/devices/schema";

type Slot = { id: string; site: string; startsAt: string; free: number };
type Values = { method: "collect" | "ship"; slotId?: string; street?: string; addressExtra?: string; postcode?: string; city?: string; phone?: string };

export function HandoverForm({ slots, current }: { slots: Slot[]; current: Values | null }) {
  const t = useTranslations("device.handover");
  const format = useFormatter();
  const [saved, setSaved] = useState(false);
  const { form, submit, fieldError: error, summary, isSubmitting } = useActionForm<Values, unknown>({
    schema: handoverSchema,
    defaultValues: current ?? { method: "collect" },
    action: async (values) => {
      setSaved(false);
      return chooseHandoverAction(values);
    },
    onSuccess: () => {
      setSaved(true);
    },
  });
  const { register, control } = form;
  const method = useWatch({ control, name: "method" });
  const sites = [...new Set(slots.map((s) => s.site))];

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormError error={summary} />
      {saved ? <p role="status" className="font-medium text-green-800">{t("saved")}</p> : null}
      <RadioGroup
        name="method"
        legend={t("legend")}
        options={[
          { value: "collect", label: t("collect"), hint: t("collectHint") },
          { value: "ship", label: t("ship"), hint: t("shipHint") },
        ]}
        inputProps={register("method")}
      />
      {method === "collect" ? (
        <SelectField id="slotId" label={t("slotLabel")} error={error("slotId")} {...register("slotId")}>
          <option value="">{t("slotPlaceholder")}</option>
          {sites.map((site) => (
            <optgroup key={site} label={site}>
              {slots
                .filter((s) => s.site === site)
                .map((slot) => (
                  <option key={slot.id} value={slot.id}>
                    {format.dateTime(new Date(slot.startsAt), { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })} · {t("free", { count: slot.free })}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
      ) : (
        <div className="flex flex-col gap-3">
          <TextField id="street" label={t("street")} autoComplete="street-address" error={error("street")} {...register("street")} />
          <TextField id="addressExtra" label={t("addressExtra")} error={error("addressExtra")} {...register("addressExtra")} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <TextField id="postcode" label={t("postcode")} inputMode="numeric" autoComplete="postal-code" maxLength={4} error={error("postcode")} {...register("postcode")} />
            <div className="sm:col-span-2">
              <TextField id="city" label={t("city")} autoComplete="address-level2" error={error("city")} {...register("city")} />
            </div>
          </div>
          <TextField id="phone" type="tel" label={t("phone")} hint={t("phoneHint")} autoComplete="tel" error={error("phone")} {...register("phone")} />
        </div>
      )}
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
