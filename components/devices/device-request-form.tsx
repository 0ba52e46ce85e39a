"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/action-errors";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { Button } from "@/components/ui/button";
import { requestDeviceAction } from "@/lib/devices/actions";
import { devicePathSchema } from "@/lib/devices/schema";

type Input = { path: "laptop" | "vdi" };

export function DeviceRequestForm({ recommendation }: { recommendation: "laptop" | "vdi" }) {
  const t = useTranslations("device");
  const te = useTranslations("errors");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input>({ resolver: zodResolver(devicePathSchema), defaultValues: { path: recommendation } });

  const onSubmit = handleSubmit(async (input) => {
    setFormError(null);
    const result = await requestDeviceAction(input);
    if (!result.ok) {
      setFormError(applyActionErrors(result, setError));
      return;
    }
    router.refresh();
  });

  const option = (path: "laptop" | "vdi") => ({
    value: path,
    label: `${t(`paths.${path}.label`)}${path === recommendation ? ` — ${t("recommended")}` : ""}`,
    hint: t(`paths.${path}.hint`),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError errorKey={formError} />
      <RadioGroup
        name="path"
        legend={t("choiceLegend")}
        options={[option("laptop"), option("vdi")]}
        error={errors.path?.message ? te(errors.path.message as never) : undefined}
        inputProps={register("path")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("requesting") : t("request")}
      </Button>
    </form>
  );
}
