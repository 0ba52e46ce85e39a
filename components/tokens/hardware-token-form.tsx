"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/action-errors";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { enrollHardwareAction } from "@/lib/tokens/actions";
import { hardwareTokenSchema } from "@/lib/tokens/schema";
import { RecoveryCodes } from "./recovery-codes";

export function HardwareTokenForm() {
  const t = useTranslations("token.hardware");
  const te = useTranslations("errors");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [formError, setFormError] = useState<{ key: string; values?: Record<string, string | number> } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ serial: string; code: string }>({ resolver: zodResolver(hardwareTokenSchema) as never, defaultValues: { serial: "", code: "" } });

  if (codes) return <RecoveryCodes codes={codes} />;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await enrollHardwareAction(values);
    if (!result.ok) {
      const key = applyActionErrors(result, setError);
      setFormError(key ? { key, values: result.values } : null);
      return;
    }
    setCodes(result.data.recoveryCodes);
  });

  const fieldError = (name: "serial" | "code") => (errors[name]?.message ? te(errors[name]!.message as never, (formError?.values ?? {}) as never) : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormError errorKey={formError && formError.key !== "invalidInput" ? formError.key : null} values={formError?.values} />
      <TextField id="serial" label={t("serialLabel")} hint={t("serialHint")} autoComplete="off" autoCapitalize="characters" error={fieldError("serial")} {...register("serial")} />
      <TextField id="hardware-code" label={t("codeLabel")} inputMode="numeric" autoComplete="one-time-code" maxLength={7} error={fieldError("code")} {...register("code")} />
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
