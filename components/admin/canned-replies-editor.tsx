"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { saveSettingAction } from "@/lib/settings/actions";
import { cannedLanguages, cannedResponsesSchema, type CannedResponse } from "@/lib/settings/schemas";
import { VersionedForm, type VersionedApi } from "./versioned-form";
import { refusalOf, useErrorText, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

// IT's canned replies as a form, each in French, German and English (issue 15 point 6): a reply
// goes out in the person's language. Checked with the setting's own schema before it is sent
// (errors beside the fields), and again by the server, like every setting.

type Props = { title: string; initial: CannedResponse[]; version: string };
type Row = CannedResponse & { key: number };

const empty = () => ({ fr: "", de: "", en: "" });

export function CannedRepliesEditor(props: Props) {
  return <VersionedForm version={props.version}>{(api) => <Editor {...props} api={api} />}</VersionedForm>;
}

function Editor({ title, initial, version, api }: Props & { api: VersionedApi }) {
  const t = useTranslations("admin.settings");
  const errorText = useErrorText();
  const [rows, setRows] = useState<Row[]>(() => initial.map((r, key) => ({ ...r, key })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<Shown | null>(null);
  const [pending, setPending] = useState(false);
  const change = (key: number, patch: (row: Row) => Row) => setRows((all) => all.map((r) => (r.key === key ? patch(r) : r)));
  const error = (path: string) => errorText(errors[path]);

  async function save() {
    setFormError(null);
    const value = rows.map(({ key: _key, ...r }) => r);
    const parsed = cannedResponsesSchema.safeParse(value);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join(".")] ??= issue.message;
      setErrors(found);
      if (found[""]) setFormError({ key: found[""] });
      return;
    }
    setErrors({});
    setPending(true);
    const result = await callAction(() => saveSettingAction({ key: "canned_responses", value: JSON.stringify(parsed.data), version }));
    setPending(false);
    if (api.refusedAsStale(result)) return;
    if (!result.ok) return setFormError(refusalOf(result, "value"));
    api.saved(result.data.version, t("saved"));
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="text-sm text-slate-700">{t("canned.placeholders")}</p>
      <FormError error={formError} />
      {rows.map((row, i) => {
        const n = i + 1;
        const missing = cannedLanguages.filter((l) => !row.body[l].trim());
        const bodyError = error(`${i}.body`);
        return (
          <fieldset key={row.key} className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
            <legend className="px-1 font-semibold">{t("canned.reply", { n })}</legend>
            <TextField id={`canned-${row.key}-id`} label={t("canned.id", { n })} hint={t("canned.idHint")} error={error(`${i}.id`)} value={row.id} maxLength={60} autoComplete="off" onChange={(e) => change(row.key, (r) => ({ ...r, id: e.target.value }))} />
            <div className="grid gap-3 md:grid-cols-3">
              {cannedLanguages.map((l) => (
                <TextField key={l} id={`canned-${row.key}-title-${l}`} label={t(`canned.title.${l}`, { n })} error={error(`${i}.title.${l}`) ?? (l === "en" ? error(`${i}.title`) : undefined)} value={row.title[l]} maxLength={200} onChange={(e) => change(row.key, (r) => ({ ...r, title: { ...r.title, [l]: e.target.value } }))} />
              ))}
            </div>
            {missing.length > 0 && missing.length < 3 ? <p className="text-sm text-amber-900">{t("canned.missing", { languages: missing.map((l) => t(`options.${l}`)).join(", ") })}</p> : null}
            {bodyError ? <p className="text-sm font-medium text-red-800">{bodyError}</p> : null}
            <div className="grid gap-3 md:grid-cols-3">
              {cannedLanguages.map((l) => {
                const id = `canned-${row.key}-body-${l}`;
                const fieldError = error(`${i}.body.${l}`);
                return (
                  <Field key={l} id={id} label={t(`canned.body.${l}`, { n })} error={fieldError}>
                    <textarea id={id} rows={6} value={row.body[l]} aria-invalid={fieldError || bodyError ? true : undefined} aria-describedby={fieldIds(id, undefined, fieldError).describedBy} className="w-full rounded-md border border-slate-500 p-2" onChange={(e) => change(row.key, (r) => ({ ...r, body: { ...r.body, [l]: e.target.value } }))} />
                  </Field>
                );
              })}
            </div>
            <Button variant="secondary" className="self-start" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
              {t("canned.remove", { n })}
            </Button>
          </fieldset>
        );
      })}
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => setRows((all) => [...all, { key: Math.max(-1, ...all.map((r) => r.key)) + 1, id: `reply-${all.length + 1}`, title: empty(), body: empty() }])}>
          {t("canned.add")}
        </Button>
        <Button type="submit" disabled={pending}>
          {t("save", { setting: title })}
        </Button>
      </div>
    </form>
  );
}
