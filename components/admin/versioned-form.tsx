"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition, type ReactNode } from "react";
import { FormError } from "@/components/forms/form-error";

export type VersionedApi = {
  /**
   * The save went through, and `stored` is the version it left: say so (if given). Its answer
   * carries the page's new render (each action saved through here `refreshesPage`), whose new
   * version restarts the form from the stored value. That render can come after the answer (a
   * busy server streams the page later): until it is shown, the fields wait, since what is typed
   * sooner would be wiped by it (and the old value sent again).
   */
  saved: (stored: string | number, message?: string) => void;
  /**
   * True when the server refused the save because the value changed since the page was
   * read: the message shows above the form and the page reloads with the fresh value.
   * The form then shows nothing itself. Any other refusal clears an earlier "saved".
   */
  refusedAsStale: (result: { ok: boolean; formError?: string }) => boolean;
};

/**
 * An admin form that writes absolute values, keyed by the version of what it shows: after
 * a save (its answer brings the page), or a refusal because someone else saved first (the page
 * refreshes), the version
 * changes and the form starts again from the stored value, so it can never send an old
 * value back. Messages live here, outside the key, so they survive that restart.
 */
export function VersionedForm({ version, children, noticeAt = "top" }: { version: string; children: (api: VersionedApi) => ReactNode; noticeAt?: "top" | "bottom" }) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ saved: string | null } | "stale" | null>(null);
  // While the page reloads after a refusal, the fields are disabled: typed into now, they would be replaced.
  const [refreshing, startRefresh] = useTransition();
  const refresh = () => startRefresh(() => router.refresh());
  // After a save that changed the value, the version shown then: the fields wait while the page
  // still shows it. After a refusal, the refresh above. And where the keyboard was: the form that
  // comes with the page is new elements, so the place is found again by what it is (its id, else
  // its kind, name and words) once they are there.
  const [awaiting, setAwaiting] = useState<{ over: string; refresh: boolean; focus: string | null } | null>(null);
  const [refocus, setRefocus] = useState<{ key: string } | null>(null);
  if (awaiting !== null && (awaiting.over !== version || (awaiting.refresh && !refreshing))) {
    setAwaiting(null);
    if (awaiting.focus !== null) setRefocus({ key: awaiting.focus });
  }
  const formId = useId();
  useEffect(() => () => void lastFocus.delete(formId), [formId]);
  useEffect(() => {
    // Only where the keyboard has nowhere else to be: never taken from where the person went meanwhile.
    if (refocus === null || (document.activeElement !== null && document.activeElement !== document.body)) return;
    const elements = fieldsetOf(formId)?.querySelectorAll<HTMLElement>("input, select, textarea, button") ?? [];
    [...elements].find((el) => focusKey(el) === refocus.key)?.focus();
  }, [refocus, formId]);
  const waitFor = (refresh: boolean) => {
    // Where the keyboard last was in this form, if it is still there or nowhere: the button that
    // saved is most often disabled while its form submits, which takes the focus away.
    const active = document.activeElement;
    const here = active === null || active === document.body || fieldsetOf(formId)?.contains(active);
    setAwaiting({ over: version, refresh, focus: here ? (lastFocus.get(formId) ?? null) : null });
  };
  const api: VersionedApi = {
    saved: (stored, message) => {
      setNotice({ saved: message ?? null });
      if (String(stored) !== version) waitFor(false);
    },
    refusedAsStale: (result) => {
      if (result.ok) return false;
      if (result.formError === "changedMeanwhile") {
        setNotice("stale");
        waitFor(true);
        refresh();
        return true;
      }
      setNotice(null);
      return false;
    },
  };
  const message =
    notice === "stale" ? (
      <FormError error="changedMeanwhile" />
    ) : notice?.saved ? (
      <p role="status" className="font-medium text-green-800">
        {notice.saved}
      </p>
    ) : null;
  // Beside the button that saved, for a long form (the rules editor) at its foot.
  return (
    <div className="flex flex-col gap-3">
      {noticeAt === "top" ? message : null}
      <fieldset key={version} data-versioned={formId} onFocus={(event) => lastFocus.set(formId, focusKey(event.target))} disabled={refreshing || (awaiting !== null && !awaiting.refresh && awaiting.over === version)} className="m-0 flex min-w-0 flex-col gap-3 border-0 p-0">
        {children(api)}
      </fieldset>
      {noticeAt === "bottom" ? message : null}
    </div>
  );
}

/** Where the keyboard last was in each form on the page (by its id): read only in events, so outside React's state. */
const lastFocus = new Map<string, string>();

/** What a form element is, the same before and after the form restarts. */
function focusKey(element: HTMLElement): string {
  return element.id ? `#${element.id}` : `${element.tagName}|${element.getAttribute("name") ?? ""}|${element.textContent ?? ""}`;
}

function fieldsetOf(formId: string): HTMLFieldSetElement | null {
  return document.querySelector<HTMLFieldSetElement>(`fieldset[data-versioned="${CSS.escape(formId)}"]`);
}
