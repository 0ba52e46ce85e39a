"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

// Keyboard shortcuts for screens people use all day (the IT queue and ticket). One hook and
// one help overlay, so every screen's keys behave alike: single keys without modifiers, never
// while the person is typing, and "?" lists them.

export type Shortcut = {
  /** The key as KeyboardEvent.key gives it: "j", "k", "r", "Enter", "/". */
  key: string;
  /** What it does, already translated, for the "?" overlay. */
  description: string;
  run: () => void;
};

const typing = (target: EventTarget | null) => {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
};

/**
 * Runs a shortcut when its key is pressed outside a text field, without Ctrl, Alt or Meta
 * (so browser and screen-reader keys keep working). Escape leaves a field, so the keys work again.
 */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (typing(event.target)) {
        if (event.key === "Escape" && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      const shortcut = latest.current.find((s) => s.key === event.key);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/**
 * The screen's shortcuts, and "?" to list them in a dialog (a native <dialog>: focus moves in,
 * Escape closes it, focus returns). A visible button opens it too, for people who do not know the key.
 */
export function ShortcutHelp({ shortcuts }: { shortcuts: Shortcut[] }) {
  const t = useTranslations("shortcuts");
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const show = () => {
    if (!dialog.current?.open) dialog.current?.showModal();
    setOpen(true);
  };
  useShortcuts([...shortcuts, { key: "?", description: t("help"), run: show }]);
  return (
    <>
      <button type="button" onClick={show} aria-haspopup="dialog" aria-expanded={open} className="min-h-11 rounded-md px-2 text-sm text-blue-800 underline">
        {t("open")}
      </button>
      <dialog ref={dialog} aria-labelledby="shortcuts-title" onClose={() => setOpen(false)} className="m-auto max-w-md rounded-lg border border-slate-300 p-0 backdrop:bg-slate-900/40">
        <div className="flex flex-col gap-3 p-4">
          <h2 id="shortcuts-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            {[...shortcuts, { key: "?", description: t("help") }].map((s) => (
              <div key={s.key} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-400 bg-slate-100 px-2 py-0.5 font-mono">{s.key}</kbd>
                </dt>
                <dd>{s.description}</dd>
              </div>
            ))}
          </dl>
          <p className="text-sm text-slate-700">{t("typing")}</p>
          <form method="dialog">
            <button type="submit" className="min-h-11 rounded-md bg-blue-800 px-4 font-medium text-white">
              {t("close")}
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}
