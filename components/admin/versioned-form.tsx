"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
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
  // The version shown when a save changed it: the fields wait while the page still shows it.
  const [savedOver, setSavedOver] = useState<string | null>(null);
  if (savedOver !== null && savedOver !== version) setSavedOver(null);
  const api: VersionedApi = {
    saved: (stored, message) => {
      setNotice({ saved: message ?? null });
      if (String(stored) !== version) setSavedOver(version);
    },
    refusedAsStale: (result) => {
      if (result.ok) return false;
      if (result.formError === "changedMeanwhile") {
        setNotice("stale");
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
      <fieldset key={version} disabled={refreshing || savedOver === version} className="m-0 flex min-w-0 flex-col gap-3 border-0 p-0">
        {children(api)}
      </fieldset>
      {noticeAt === "bottom" ? message : null}
    </div>
  );
}
