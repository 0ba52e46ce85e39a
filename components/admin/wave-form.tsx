"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/forms/action-button";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { createWaveAction, setWaveStatusAction } from "@/lib/roster/wave-actions";
import { defaultWavePerDay, waveSchema } from "@/lib/roster/wave-schema";
import { ChangePreview, unconfirmedRefusal, type WatchedCount } from "./change-preview";

type Text = { subject: string; body: string };
type Values = { name: string; siteId: string; orgUnitId: string; perDay: string; template: Record<"fr" | "de" | "en", Text>; confirmed: boolean };
const languages = ["fr", "de", "en"] as const;

/**
 * A new invitation wave: scope, daily number and the e-mail in the three languages (defaults
 * filled in). A daily number more than ten times away from the 200 it starts from is shown
 * and must be confirmed: invitations, once mailed, cannot be called back.
 */
export function WaveForm({ sites, units, defaults }: { sites: { id: string; name: string }[]; units: { id: string; name: string }[]; defaults: Record<"fr" | "de" | "en", Text> }) {
  const t = useTranslations("admin.waves");
  const [created, setCreated] = useState(false);
  const initial: Values = { name: "", siteId: "", orgUnitId: "", perDay: String(defaultWavePerDay), template: defaults, confirmed: false };
  const watched: WatchedCount<Values>[] = [{ name: "perDay", what: t("perDay"), from: defaultWavePerDay }];
  const actionForm = useActionForm<Values, { id: string }>({
    schema: waveSchema,
    defaultValues: initial,
    action: async (v) => unconfirmedRefusal(watched, v) ?? createWaveAction(v),
    onSuccess: () => {
      setCreated(true);
      actionForm.form.reset(initial);
    },
  });
  const { form, submit, fieldError, summary, isSubmitting } = actionForm;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      {created ? (
        <p role="status" className="font-medium text-green-800">
          {t("created")}
        </p>
      ) : null}
      <FormError error={summary} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="wave-name" label={t("name")} error={fieldError("name")} {...form.register("name")} />
        <div className="flex flex-col gap-2">
          <TextField id="wave-per-day" label={t("perDay")} inputMode="numeric" error={fieldError("perDay")} {...form.register("perDay")} />
          <ChangePreview id="wave-per-day-change" form={form} watched={watched} />
        </div>
        <SelectField id="wave-site" label={t("site")} error={fieldError("siteId")} {...form.register("siteId")}>
          <option value="">{t("allSites")}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="wave-unit" label={t("unit")} error={fieldError("orgUnitId")} {...form.register("orgUnitId")}>
          <option value="">{t("allUnits")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      </div>
      {languages.map((lang) => {
        const bodyId = `wave-body-${lang}`;
        const bodyError = fieldError(`template.${lang}.body` as never);
        return (
          <fieldset key={lang} className="flex flex-col gap-2 rounded-md border border-slate-300 p-3">
            <legend className="px-1 font-semibold">{t(`language.${lang}`)}</legend>
            <TextField id={`wave-subject-${lang}`} label={t("subject", { language: t(`language.${lang}`) })} error={fieldError(`template.${lang}.subject` as never)} {...form.register(`template.${lang}.subject` as const)} />
            <Field id={bodyId} label={t("body", { language: t(`language.${lang}`) })} hint={t("bodyHint")} error={bodyError}>
              <textarea id={bodyId} rows={6} aria-invalid={bodyError ? true : undefined} aria-describedby={fieldIds(bodyId, t("bodyHint"), bodyError).describedBy} className="w-full rounded-md border border-slate-500 p-2" {...form.register(`template.${lang}.body` as const)} />
            </Field>
          </fieldset>
        );
      })}
      <Button type="submit" disabled={isSubmitting} className="self-start">
        {t("create")}
      </Button>
    </form>
  );
}

export function WaveStatusButton({ waveId, name, status }: { waveId: string; name: string; status: "active" | "paused" }) {
  const t = useTranslations("admin.waves");
  return (
    <ActionButton variant="secondary" action={() => setWaveStatusAction({ waveId, status: status === "active" ? "paused" : "active" })}>
      {t(status === "active" ? "pause" : "resume", { name })}
    </ActionButton>
  );
}
