"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PhoneField } from "@/components/contact/phone-field";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { formatPhone } from "@/lib/contact/phone";
import { requestHelpAction } from "@/lib/tickets/actions";
import { helpCategories, helpRequestSchema, type HelpRequest } from "@/lib/tickets/schema";

/** `phone`: the person's phone on file (E.164), offered as how IT can reach them; `address`: where IT's answers are mailed. */
export function HelpForm({ phone, address }: { phone?: string | null; address?: string | null }) {
  const t = useTranslations("help");
  const [sent, setSent] = useState<number | null>(null);
  const initial = { category: "help_request" as const, description: "", phone: phone ? formatPhone(phone) : "" };
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<HelpRequest, { number: number }>({
    schema: helpRequestSchema,
    defaultValues: initial,
    action: requestHelpAction,
    onSuccess: (data) => {
      setSent(data.number);
      // The phone stays as given: it is the one IT now has on the ticket.
      form.reset({ ...initial, phone: form.getValues("phone") ?? "" });
    },
  });
  const descriptionError = fieldError("description");

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      {sent ? (
        <p role="status" className="font-medium text-green-800">
          {address ? t("sentTo", { number: sent, address }) : t("sent", { number: sent })}
        </p>
      ) : null}
      <FormError error={summary} />
      <SelectField id="help-category" label={t("categoryLabel")} error={fieldError("category")} {...form.register("category")}>
        {helpCategories.map((category) => (
          <option key={category} value={category}>
            {t(`categories.${category}`)}
          </option>
        ))}
      </SelectField>
      <Field id="help-description" label={t("descriptionLabel")} hint={t("descriptionHint")} error={descriptionError}>
        <textarea
          id="help-description"
          rows={4}
          maxLength={2000}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={fieldIds("help-description", t("descriptionHint"), descriptionError).describedBy}
          className={`w-full rounded-md border px-3 py-2 ${descriptionError ? "border-red-700" : "border-slate-500"}`}
          {...form.register("description")}
        />
      </Field>
      <PhoneField id="help-phone" label={t("phoneLabel")} hint={t("phoneHint")} error={fieldError("phone")} {...form.register("phone")} />
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
