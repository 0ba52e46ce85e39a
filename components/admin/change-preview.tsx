"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, type InputHTMLAttributes, type Ref } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { isBigJump } from "@/lib/admin/big-change";
import { formatNumber } from "@/lib/i18n/format";

// Before an admin saves a count (stock, daily activations, an arrival, a slot's places, a
// wave's daily number), the form shows what changes ("Laptops: 400 → 400’400"); a change of
// more than ten times up or down needs the "Yes, 400’400 is right" box ticked. The server
// checks the same (lib/admin/big-change.ts), so a crafted request cannot skip it
// (issue 15 point 10).

/** A watched field: what it is called in the preview, the value it changes, and the value it leads to. */
export type WatchedCount<T extends FieldValues> = {
  name: Path<T>;
  what: string;
  from: number | null;
  /** The value the typed count leads to (an arrival adds to the stock); the count itself by default. */
  to?: (typed: number | null) => number | null;
  /** Empty means "none" (no daily limit) rather than "not typed yet". */
  blankIsNone?: boolean;
};

export type CountChange<T extends FieldValues> = { name: Path<T>; what: string; from: number | null; to: number | null; big: boolean };

/** The count typed, as the server reads it: a whole number from 0, null for an empty "none", undefined when not (yet) a count. */
function typedCount(raw: unknown, blankIsNone = false): number | null | undefined {
  const text = String(raw ?? "").trim();
  if (text === "") return blankIsNone ? null : undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** What the typed values change, in the order of `watched`. Pure: the preview and the submit both use it. */
export function countChanges<T extends FieldValues>(watched: WatchedCount<T>[], values: unknown[]): CountChange<T>[] {
  return watched.flatMap((w, i) => {
    const typed = typedCount(values[i], w.blankIsNone);
    if (typed === undefined) return [];
    const to = w.to ? w.to(typed) : typed;
    return to === w.from ? [] : [{ name: w.name, what: w.what, from: w.from, to, big: isBigJump(w.from, to) }];
  });
}

/**
 * The refusal a submit gets before it reaches the server when a tenfold change is not
 * confirmed: the same field error the server would answer.
 */
export function unconfirmedRefusal<T extends FieldValues>(watched: WatchedCount<T>[], values: T & { confirmed?: boolean }) {
  const big = countChanges(watched, watched.map((w) => values[w.name as keyof T])).find((c) => c.big);
  return big && !values.confirmed ? { ok: false as const, formError: "invalidInput", fieldErrors: { [big.name]: ["bigChangeUnconfirmed"] } } : null;
}

/**
 * The change preview and, for a tenfold change, the confirmation box (registered as
 * `confirmed`; unticked again whenever a watched value changes, so it confirms what is shown).
 */
export function ChangePreview<T extends FieldValues>({ id, form, watched }: { id: string; form: UseFormReturn<T>; watched: WatchedCount<T>[] }) {
  const values = form.watch(watched.map((w) => w.name)) as unknown[];
  const changes = countChanges(watched, values);
  const { setValue } = form;
  const typed = JSON.stringify(values);
  useEffect(() => {
    setValue("confirmed" as Path<T>, false as never);
  }, [typed, setValue]);
  return <ChangeList id={id} changes={changes} className="sm:basis-full" checkbox={form.register("confirmed" as Path<T>)} />;
}

/**
 * The changes as a list ("Laptops: 400 → 400’400"), a tenfold one in amber with its
 * confirmation box; `checkbox` wires the box to the form (registered, or controlled).
 */
export function ChangeList({ id, changes, checkbox, className = "" }: { id: string; changes: { name: string; what: string; from: number | null; to: number | null; big: boolean }[]; checkbox: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }; className?: string }) {
  const t = useTranslations("admin.change");
  const locale = useLocale();
  const big = changes.filter((c) => c.big);
  const n = (v: number | null) => (v === null ? t("none") : formatNumber(locale, v));
  // Always there, even empty: the submit button points at it (aria-describedby).
  if (changes.length === 0) return <div id={id} />;
  return (
    <div id={id} className={`flex flex-col gap-2 text-sm ${className}`}>
      <ul className="flex flex-col gap-1">
        {changes.map((c) => (
          <li key={c.name} className={c.big ? "font-semibold text-amber-900" : "text-slate-800"}>
            {t("preview", { what: c.what, from: n(c.from), to: n(c.to) })}
          </li>
        ))}
      </ul>
      {big.length > 0 ? (
        <div className="flex flex-col gap-1 rounded-md border border-amber-700 bg-amber-50 p-2">
          <p id={`${id}-why`}>{t("why")}</p>
          <label className="flex min-h-11 items-center gap-2 font-medium">
            <input type="checkbox" className="h-5 w-5" aria-describedby={`${id}-why`} {...checkbox} />
            {t("confirm", { count: big.length, values: big.map((c) => n(c.to)).join(", ") })}
          </label>
        </div>
      ) : null}
    </div>
  );
}
