"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { setUnitAuthorisationAction } from "@/lib/rht/unit-authorisation-actions";
import { unitAuthorisationSchema } from "@/lib/rht/unit-authorisation-schema";

type Range = { from: string | null; until: string | null };
type Values = { unitId: string; source: "company" | "unit"; from: string; until: string };

/**
 * HR sees which short-time work authorisation a unit has (its own, from the cantonal
 * office, or the company setting) and sets or clears it. Only its days count in the
 * figures; the server refuses a change that would alter an approved or locked month.
 */
export function UnitAuthorisationForm({ unitId, authorisation }: { unitId: string; authorisation: Range & { source: "company" | "unit"; company: Range } }) {
  const t = useTranslations("hr.unit.authorisation");
  const format = useFormatter();
  const [saved, setSaved] = useState(false);
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const range = ({ from, until }: Range) =>
    from && until ? t("both", { from: day(from), until: day(until) }) : from ? t("fromOnly", { from: day(from) }) : until ? t("untilOnly", { until: day(until) }) : t("none");
  // The fields start from the period in force, so an own authorisation is typed from there.
  const initial: Values = { unitId, source: authorisation.source, from: authorisation.from ?? "", until: authorisation.until ?? "" };
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<Values, unknown>({
    schema: unitAuthorisationSchema,
    defaultValues: initial,
    action: (values) => {
      setSaved(false);
      return setUnitAuthorisationAction({ ...values, unitId });
    },
    onSuccess: () => {
      setSaved(true);
    },
  });
  const own = useWatch({ control: form.control, name: "source" }) === "unit";
  return (
    <section aria-labelledby="authorisation-heading" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="authorisation-heading" className="mb-1 text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mb-1">
        <span className="font-medium">{t("effective", { range: range(authorisation) })}</span> {t(authorisation.source === "unit" ? "sourceUnit" : "sourceCompany")}
      </p>
      <p className="mb-3 text-sm text-slate-700">{t("lead")}</p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <FormError error={summary} />
        <RadioGroup
          name="authorisation-source"
          legend={t("legend")}
          options={[
            { value: "company", label: t("company"), hint: t("companyHint", { range: range(authorisation.company) }) },
            { value: "unit", label: t("own"), hint: t("ownHint") },
          ]}
          error={fieldError("source")}
          inputProps={form.register("source")}
        />
        {own ? (
          <div className="flex flex-col gap-3 sm:flex-row">
            <TextField id="authorisation-from" type="date" label={t("from")} hint={t("dateHint")} error={fieldError("from")} {...form.register("from")} />
            <TextField id="authorisation-until" type="date" label={t("until")} hint={t("dateHint")} error={fieldError("until")} {...form.register("until")} />
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            {t("save")}
          </Button>
          {saved ? (
            <p role="status" className="font-medium text-green-800">
              {t("saved")}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
