"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { saveSettingAction } from "@/lib/settings/actions";

/**
 * A setting as JSON, checked against its schema on the server: the refusal names the
 * place and the problem ("gateways.0.url: …"), and nothing is saved.
 */
export function SettingEditor({ settingKey, label, hint, initial }: { settingKey: string; label: string; hint: string; initial: string }) {
  const t = useTranslations("admin.settings");
  const te = useTranslations("errors");
  const router = useRouter();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<{ key: string; values?: Record<string, string | number> } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = `setting-${settingKey}`;
  const fieldError = error && error.key !== "forbidden" && error.key !== "unauthenticated" ? te(error.key as never, (error.values ?? {}) as never) : undefined;

  async function save() {
    setPending(true);
    setError(null);
    setSaved(null);
    const result = await saveSettingAction({ key: settingKey, value });
    setPending(false);
    if (!result.ok) {
      const key = result.fieldErrors?.value?.[0] ?? result.formError ?? "unexpected";
      return setError({ key, values: result.values });
    }
    setSaved(t("saved"));
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-2">
      {error && !fieldError ? <FormError error={error} /> : null}
      <Field id={id} label={label} hint={hint} error={fieldError}>
        <textarea
          id={id}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          rows={Math.min(24, Math.max(6, value.split("\n").length))}
          spellCheck={false}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldIds(id, hint, fieldError).describedBy}
          className="w-full rounded-md border border-slate-500 p-2 font-mono text-sm"
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" disabled={pending} onClick={save}>
          {t("save", { setting: label })}
        </Button>
        {saved ? (
          <p role="status" className="font-medium text-green-800">
            {saved}
          </p>
        ) : null}
      </div>
    </div>
  );
}
