"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/action-errors";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { requestTokenHelpAction, resetTokenAction } from "@/lib/tokens/actions";
import { recoveryCodeSchema } from "@/lib/tokens/schema";

export function RecoveryResetForm() {
  const t = useTranslations("token.reset");
  const te = useTranslations("errors");
  const router = useRouter();
  const [formError, setFormError] = useState<{ key: string; values?: Record<string, string | number> } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ recoveryCode: string }>({ resolver: zodResolver(recoveryCodeSchema) as never, defaultValues: { recoveryCode: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await resetTokenAction(values);
    if (!result.ok) {
      const key = applyActionErrors(result, setError);
      setFormError(key ? { key, values: result.values } : null);
      return;
    }
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormError errorKey={formError && formError.key !== "invalidInput" ? formError.key : null} values={formError?.values} />
      <TextField
        id="recoveryCode"
        label={t("label")}
        hint={t("hint")}
        autoComplete="off"
        autoCapitalize="characters"
        error={errors.recoveryCode?.message ? te(errors.recoveryCode.message as never) : undefined}
        {...register("recoveryCode")}
      />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}

export function TokenHelpButton() {
  const t = useTranslations("token.help");
  const [state, setState] = useState<{ number?: number; error?: string } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      {state?.number ? <p role="status" className="font-medium text-green-800">{t("sent", { number: state.number })}</p> : null}
      <FormError errorKey={state?.error ?? null} />
      <Button
        variant="secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await requestTokenHelpAction();
          setPending(false);
          setState(result.ok ? { number: result.data.number } : { error: result.formError ?? "unexpected" });
        }}
      >
        {t("button")}
      </Button>
    </div>
  );
}
