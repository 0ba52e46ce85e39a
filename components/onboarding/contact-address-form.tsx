"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { chooseContactAddressAction } from "@/lib/roster/contact-actions";
import { contactAddressSchema, type ContactAddressInput } from "@/lib/roster/contact-schema";

/** The person's own addresses on file, in full (it is their own page); the server re-checks the choice. */
export function ContactAddressForm({ current, work, home }: { current: string | null; work: string | null; home: string | null }) {
  const t = useTranslations("status.contact");
  const [saved, setSaved] = useState<string | null>(null);
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<ContactAddressInput, { address: string }>({
    schema: contactAddressSchema,
    defaultValues: { address: current ?? "" },
    action: chooseContactAddressAction,
    onSuccess: (data) => {
      setSaved(data.address);
    },
  });
  const options = [
    ...(work ? [{ value: work, label: work, hint: t("work") }] : []),
    ...(home ? [{ value: home, label: home, hint: t("private") }] : []),
  ];
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      {saved ? (
        <p role="status" className="font-medium text-green-800">
          {t("saved", { address: saved })}
        </p>
      ) : null}
      <FormError error={summary} />
      <RadioGroup name="contact-address" legend={t("legend")} hint={t("hint")} options={options} error={fieldError("address")} inputProps={form.register("address")} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("save")}
      </Button>
    </form>
  );
}
