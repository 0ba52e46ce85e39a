"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { PhoneField } from "@/components/contact/phone-field";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { noInternetAction } from "@/lib/connectivity/actions";
import { noInternetSchema } from "@/lib/connectivity/schema";
import { formatPhone } from "@/lib/contact/phone";

type Values = { coverage: "yes" | "no"; street?: string; postcode?: string; city?: string; phone?: string };

/** `phone`: the person's phone on file (E.164), offered in both branches: to IT, or to the courier. */
export function NoInternetForm({ phone }: { phone?: string | null }) {
  const t = useTranslations("connectivity.noInternet");
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<Values, unknown>({
    schema: noInternetSchema,
    defaultValues: { phone: phone ? formatPhone(phone) : "" },
    action: noInternetAction,
  });
  const coverage = useWatch({ control: form.control, name: "coverage" });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormError error={summary} />
      <RadioGroup
        name="coverage"
        legend={t("coverageLegend")}
        hint={t("coverageHint")}
        options={[
          { value: "yes", label: t("coverageYes") },
          { value: "no", label: t("coverageNo") },
        ]}
        error={fieldError("coverage")}
        inputProps={form.register("coverage")}
      />
      {coverage === "yes" ? (
        <div className="flex flex-col gap-3">
          <p>{t("routerIntro")}</p>
          <TextField id="router-street" label={t("street")} autoComplete="street-address" error={fieldError("street")} {...form.register("street")} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <TextField id="router-postcode" label={t("postcode")} inputMode="numeric" maxLength={4} autoComplete="postal-code" error={fieldError("postcode")} {...form.register("postcode")} />
            <div className="sm:col-span-2">
              <TextField id="router-city" label={t("city")} autoComplete="address-level2" error={fieldError("city")} {...form.register("city")} />
            </div>
          </div>
          <PhoneField id="router-phone" label={t("phone")} error={fieldError("phone")} {...form.register("phone")} />
        </div>
      ) : null}
      {coverage === "no" ? (
        // Without internet, a phone call is how IT gets through to the person.
        <PhoneField id="reach-phone" label={t("reachPhone")} hint={t("reachHint")} error={fieldError("phone")} {...form.register("phone")} />
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {coverage === "no" ? t("submitTicket") : t("submitRouter")}
      </Button>
    </form>
  );
}
