"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { requestDeviceAction } from "@/lib/devices/actions";
import { devicePathSchema } from "@/lib/devices/schema";

type Path = "laptop" | "vdi";

export function DeviceRequestForm({ recommendation }: { recommendation: Path }) {
  const t = useTranslations("device");
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ path: Path }, unknown>({
    schema: devicePathSchema,
    defaultValues: { path: recommendation },
    action: requestDeviceAction,
  });

  const option = (path: Path) => ({
    value: path,
    label: `${t(`paths.${path}.label`)}${path === recommendation ? ` — ${t("recommended")}` : ""}`,
    hint: t(`paths.${path}.hint`),
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormError error={summary} />
      <RadioGroup name="path" legend={t("choiceLegend")} options={[option("laptop"), option("vdi")]} error={fieldError("path")} inputProps={form.register("path")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("requesting") : t("request")}
      </Button>
    </form>
  );
}
