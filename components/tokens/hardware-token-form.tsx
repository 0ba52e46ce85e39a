"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { enrollHardwareAction } from "@/lib/tokens/actions";
import { hardwareTokenSchema } from "@/lib/tokens/schema";
import { RecoveryCodes } from "./recovery-codes";

export function HardwareTokenForm() {
  const t = useTranslations("token.hardware");
  const [codes, setCodes] = useState<string[] | null>(null);
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ serial: string; code: string }, { recoveryCodes: string[] }>({
    schema: hardwareTokenSchema,
    defaultValues: { serial: "", code: "" },
    action: enrollHardwareAction,
    onSuccess: (data) => setCodes(data.recoveryCodes),
  });

  if (codes) return <RecoveryCodes codes={codes} />;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <FormError error={summary} />
      <TextField id="serial" label={t("serialLabel")} hint={t("serialHint")} autoComplete="off" autoCapitalize="characters" error={fieldError("serial")} {...form.register("serial")} />
      <TextField id="hardware-code" label={t("codeLabel")} inputMode="numeric" autoComplete="one-time-code" maxLength={7} error={fieldError("code")} {...form.register("code")} />
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
