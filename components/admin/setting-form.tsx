"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { isBigJump } from "@/lib/admin/big-change";
import { saveSettingAction } from "@/lib/settings/actions";
import { ChangeList } from "./change-preview";
import { VersionedForm, type VersionedApi } from "./versioned-form";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

/** A flat setting's field: a number, a choice, or a list of addresses (one per line). */
export type SettingField = { name: string; label: string; hint?: string } & (
  | { kind: "number" }
  /** A date; empty is none (null). */
  | { kind: "date" }
  | { kind: "select"; options: { value: string; label: string }[] }
  | { kind: "emails" }
  /** Date ranges, one per line: "2026-12-24 2027-01-04" (a single date is a one-day range). */
  | { kind: "ranges" }
  /** One line of text; `type` gives phones the right keyboard (the server's schema still checks it). */
  | { kind: "text"; type?: "text" | "email" | "tel" | "url" }
);

const toLines = (f: SettingField, value: unknown) =>
  f.kind === "emails" ? ((value as string[] | undefined) ?? []).join("\n") : ((value as { from: string; to: string }[] | undefined) ?? []).map((r) => (r.from === r.to ? r.from : `${r.from} ${r.to}`)).join("\n");
const fromLines = (f: SettingField, text: string) =>
  f.kind === "emails"
    ? text.split(/[\s,;]+/).filter(Boolean)
    : text
        .split("\n")
        .map((line) => line.trim().split(/[\s,;]+|\s*[–—]\s*/).filter(Boolean))
        .filter((parts) => parts.length > 0)
        .map(([from, to]) => ({ from, to: to ?? from }));

/** A number field's typed value as the form sends it: null when empty, NaN when not a number. */
const typedNumber = (text: string) => (text.trim() === "" ? null : Number(text.replace(",", ".")));

const inputClass = "min-h-11 w-full rounded-md border border-slate-500 bg-white px-3";

type Props = { settingKey: string; title: string; fields: SettingField[]; initial: Record<string, unknown>; version: string };

/**
 * A setting as a form. The server checks it against the setting's schema like the JSON
 * editor does: the refusal names the field, and nothing is saved. Saved from a page older
 * than the stored value, it is refused and the fresh value shown (VersionedForm).
 */
export function SettingForm(props: Props) {
  return <VersionedForm version={props.version}>{(api) => <Fields {...props} api={api} />}</VersionedForm>;
}

function Fields({ settingKey, title, fields, initial, version, api }: Props & { api: VersionedApi }) {
  const t = useTranslations("admin.settings");
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.kind === "emails" || f.kind === "ranges" ? toLines(f, initial[f.name]) : String(initial[f.name] ?? "")])),
  );
  const [error, setError] = useState<Shown | null>(null);
  const [pending, setPending] = useState(false);
  // What the numbers change, shown before saving; a tenfold change needs the box ticked (the server checks too).
  const changes = fields.flatMap((f) => {
    if (f.kind !== "number") return [];
    const from = typeof initial[f.name] === "number" ? (initial[f.name] as number) : null;
    const to = typedNumber(values[f.name]);
    return to === from || (to !== null && !Number.isFinite(to)) ? [] : [{ name: f.name, what: f.label, from, to, big: isBigJump(from, to) }];
  });
  const big = changes.filter((c) => c.big);
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  // The tick confirms the values shown: typing another one unticks it.
  const shown = JSON.stringify(big.map((c) => [c.name, c.to]));
  const confirmed = big.length > 0 && confirmedFor === shown;

  async function save() {
    const value = {
      ...initial,
      ...Object.fromEntries(
        fields.map((f) => [
          f.name,
          f.kind === "number" ? typedNumber(values[f.name]) : f.kind === "date" ? values[f.name] || null : f.kind === "emails" || f.kind === "ranges" ? fromLines(f, values[f.name]) : values[f.name],
        ]),
      ),
    };
    setPending(true);
    setError(null);
    const result = await callAction(() => saveSettingAction({ key: settingKey, value: JSON.stringify(value), version, confirmed }));
    setPending(false);
    if (api.refusedAsStale(result)) return;
    if (!result.ok) return setError(refusalOf(result, "value"));
    api.saved(result.data.version, t("saved"));
  }

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error ? <FormError error={error} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => {
          const id = `${settingKey}-${f.name}`;
          return (
            <Field key={f.name} id={id} label={f.label} hint={f.hint}>
              {f.kind === "select" ? (
                <select id={id} className={inputClass} aria-describedby={fieldIds(id, f.hint, undefined).describedBy} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.kind === "emails" || f.kind === "ranges" ? (
                <textarea id={id} rows={4} className="w-full rounded-md border border-slate-500 p-2" aria-describedby={fieldIds(id, f.hint, undefined).describedBy} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
              ) : f.kind === "text" ? (
                <input id={id} type={f.type ?? "text"} className={inputClass} aria-describedby={fieldIds(id, f.hint, undefined).describedBy} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
              ) : f.kind === "date" ? (
                <input id={id} type="date" className={inputClass} aria-describedby={fieldIds(id, f.hint, undefined).describedBy} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
              ) : (
                <input id={id} inputMode="decimal" className={inputClass} aria-describedby={fieldIds(id, f.hint, undefined).describedBy} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
              )}
            </Field>
          );
        })}
      </div>
      <ChangeList id={`${settingKey}-changes`} changes={changes} checkbox={{ checked: confirmed, onChange: (e) => setConfirmedFor(e.target.checked ? shown : null) }} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start" aria-describedby={`${settingKey}-changes`}>
        {t("save", { setting: title })}
      </Button>
    </form>
  );
}
