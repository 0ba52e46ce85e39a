"use client";

import { useRef, useState } from "react";
import { maxImportBytes } from "@/lib/csv/limits";
import type { Shown } from "./refusal";

export type ImportKind = "roster" | "hours" | "tokens" | "overtime" | "deliveries";
type Answer = { ok: true; data: unknown } | { ok: false; error: string; message?: string };

/**
 * A file form that sends its file to /api/imports/<kind> in "check" or "apply" mode (a route
 * handler, not a server action: files up to 50 MB, see proxy.ts), with the upload's progress,
 * the pending state, the refusal (a message key of `errors`, with the server's text) and the report. A roster form's
 * `deactivateMissing` checkbox goes along as a query parameter.
 */
export function useFileImport<R>(kind: ImportKind) {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  /** Percent of the file sent; 100 while the server checks it; null when idle. */
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Shown | string | null>(null);
  const [report, setReport] = useState<R | null>(null);
  async function run(mode: "check" | "apply"): Promise<R | null> {
    const form = formRef.current;
    if (!form) return null;
    const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    setError(null);
    setReport(null);
    // Refused here without sending anything; the server checks the same again.
    if (!file || file.size === 0) return (setError("importNoFile"), null);
    if (file.size > maxImportBytes) return (setError("importTooLarge"), null);
    const params = new URLSearchParams({ mode });
    const deactivate = form.elements.namedItem("deactivateMissing") as HTMLInputElement | null;
    if (deactivate) params.set("deactivateMissing", deactivate.checked ? "1" : "0");
    setPending(true);
    setProgress(0);
    const answer = await send(`/api/imports/${kind}?${params}`, file, setProgress);
    setPending(false);
    setProgress(null);
    if (!answer.ok) return (setError({ key: answer.error, text: answer.message }), null);
    setReport(answer.data as R);
    return answer.data as R;
  }
  return { formRef, run, pending, progress, error, report };
}

/** XMLHttpRequest rather than fetch: only it reports upload progress in every browser. */
function send(url: string, file: File, onProgress: (percent: number) => void): Promise<Answer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    // Whatever type the browser guessed for the file (Excel's on Windows): the routes take CSV.
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded * 100) / e.total)));
    };
    xhr.upload.onload = () => onProgress(100);
    xhr.onload = () => {
      const body = xhr.response as Answer | null;
      if (body && typeof body === "object" && typeof body.ok === "boolean") return resolve(body);
      // Not our JSON: a proxy in front refusing the size, or an error page.
      resolve({ ok: false, error: xhr.status === 413 ? "importTooLarge" : xhr.status === 401 ? "unauthenticated" : "unexpected" });
    };
    // No answer at all: the link was lost on the way, or the server went away.
    xhr.onerror = () => resolve({ ok: false, error: "unreachable" });
    xhr.send(file);
  });
}
