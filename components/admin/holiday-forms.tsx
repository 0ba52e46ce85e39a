"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/forms/action-button";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { addHolidayAction, removeHolidayAction } from "@/lib/settings/actions";
import { holidaySchema } from "@/lib/settings/form-schemas";

type Values = { canton: string; day: string; name: string };

export function AddHolidayForm() {
  const t = useTranslations("admin.settings.holidays");
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<Values, void>({
    schema: holidaySchema,
    defaultValues: { canton: "CH", day: "", name: "" },
    action: (v) => addHolidayAction(v),
    onSuccess: () => {
      form.reset({ canton: "CH", day: "", name: "" });
    },
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <FormError error={summary} />
      <TextField id="holiday-canton" label={t("canton")} hint={t("cantonHint")} error={fieldError("canton")} {...form.register("canton")} />
      <TextField id="holiday-day" type="date" label={t("day")} error={fieldError("day")} {...form.register("day")} />
      <TextField id="holiday-name" label={t("name")} error={fieldError("name")} {...form.register("name")} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("add")}
      </Button>
    </form>
  );
}

export function RemoveHolidayButton({ canton, day, name }: { canton: string; day: string; name: string }) {
  const t = useTranslations("admin.settings.holidays");
  return (
    <ActionButton variant="secondary" action={() => removeHolidayAction({ canton, day })}>
      {t("remove", { name, canton })}
    </ActionButton>
  );
}
