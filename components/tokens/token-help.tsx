"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { requestTokenHelpAction, resetTokenAction } from "@/lib/tokens/actions";
import { recoveryCodeSchema } from "@/lib/tokens/schema";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

export function RecoveryResetForm() {
  const t = useTranslations("token.reset");
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ recoveryCode: string }, unknown>({
    schema: recoveryCodeSchema,
    defaultValues: { recoveryCode: "" },
    action: resetTokenAction,
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <FormError error={summary} />
      <TextField id="recoveryCode" label={t("label")} hint={t("hint")} autoComplete="off" autoCapitalize="characters" error={fieldError("recoveryCode")} {...form.register("recoveryCode")} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}

export function TokenHelpButton() {
  const t = useTranslations("token.help");
  const [state, setState] = useState<{ number?: number; error?: Shown } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      {state?.number ? <p role="status" className="font-medium text-green-800">{t("sent", { number: state.number })}</p> : null}
      <FormError error={state?.error ?? null} />
      <Button
        variant="secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await callAction(() => requestTokenHelpAction());
          setPending(false);
          setState(result.ok ? { number: result.data.number } : { error: refusalOf(result) });
        }}
      >
        {t("button")}
      </Button>
    </div>
  );
}
