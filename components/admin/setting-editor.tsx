"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { saveSettingAction } from "@/lib/settings/actions";
import { VersionedForm, type VersionedApi } from "./versioned-form";
import { refusalOf, useErrorText, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

type Props = { settingKey: string; label: string; hint: string; initial: string; version: string };

/**
 * A setting as JSON, checked against its schema on the server: the refusal names the
 * place and the problem ("clients, entry 2, url: …"; a syntax error by line and column, with
 * the cursor put there), and nothing is saved. Saved from a page older than the stored value,
 * it is refused and the fresh value shown (VersionedForm).
 */
export function SettingEditor(props: Props) {
  return <VersionedForm version={props.version}>{(api) => <Editor {...props} api={api} />}</VersionedForm>;
}

function Editor({ settingKey, label, hint, initial, version, api }: Props & { api: VersionedApi }) {
  const t = useTranslations("admin.settings");
  const errorText = useErrorText();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<Shown | null>(null);
  const [pending, setPending] = useState(false);
  // After a "more than tenfold" refusal: the box that confirms the values it named (unticked by any edit).
  const [confirmed, setConfirmed] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `setting-${settingKey}`;
  const fieldError = error && error.key !== "forbidden" && error.key !== "unauthenticated" ? errorText(error) : undefined;

  async function save() {
    setPending(true);
    setError(null);
    const result = await callAction(() => saveSettingAction({ key: settingKey, value, version, confirmed }));
    setPending(false);
    if (api.refusedAsStale(result)) return;
    if (!result.ok) {
      const refusal = refusalOf(result, "value");
      const key = refusal.key;
      setError(refusal);
      // A syntax error: the cursor goes where the JSON breaks, the message (line, column) is read with the field.
      const offset = result.values?.offset;
      if (key === "settingNotJsonAt" && typeof offset === "number" && box.current) {
        box.current.focus();
        box.current.setSelectionRange(offset, Math.min(offset + 1, box.current.value.length));
      }
      return;
    }
    api.saved(result.data.version, t("saved"));
  }

  return (
    <div className="flex flex-col gap-2">
      {error && !fieldError ? <FormError error={error} /> : null}
      <Field id={id} label={label} hint={hint} error={fieldError}>
        <textarea
          ref={box}
          id={id}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setConfirmed(false);
          }}
          rows={Math.min(24, Math.max(6, value.split("\n").length))}
          spellCheck={false}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldIds(id, hint, fieldError).describedBy}
          className="w-full rounded-md border border-slate-500 p-2 font-mono text-sm"
        />
      </Field>
      {error?.key === "settingBigChange" ? (
        <label className="flex min-h-11 items-center gap-2 rounded-md border border-amber-700 bg-amber-50 p-2 font-medium">
          <input type="checkbox" className="h-5 w-5" aria-describedby={fieldIds(id, hint, fieldError).describedBy} checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t("confirmBig", { values: String(error.values?.values ?? "") })}
        </label>
      ) : null}
      <Button variant="secondary" disabled={pending} onClick={save} className="self-start">
        {t("save", { setting: label })}
      </Button>
    </div>
  );
}
