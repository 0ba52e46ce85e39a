"use client";

import { useRef, useState } from "react";

type Result<R> = { ok: true; data: R } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/**
 * A file form that runs one server action in "check" or "apply" mode: the form's data
 * (the file and any other fields) plus the mode, the pending state, the refusal and the report.
 */
export function useFileImport<R>(action: (data: FormData) => Promise<Result<R>>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<R | null>(null);
  async function run(mode: "check" | "apply") {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    data.set("mode", mode);
    setPending(true);
    setError(null);
    setReport(null);
    const result = await action(data);
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.file?.[0] ?? result.formError ?? "unexpected");
    setReport(result.data);
  }
  return { formRef, run, pending, error, report };
}
