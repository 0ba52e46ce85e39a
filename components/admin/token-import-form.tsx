"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { importHardwareTokensAction } from "@/lib/devices/stock-actions";
import type { TokenImportReport } from "@/lib/tokens/hardware-import";

/** The vendor's serials and seeds: all or nothing, problems listed by line. */
export function TokenImportForm() {
  const t = useTranslations("admin.stock.tokens");
  const te = useTranslations("errors");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<TokenImportReport | null>(null);
  return (
    <form
      ref={form}
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setError(null);
        setReport(null);
        const result = await importHardwareTokensAction(new FormData(form.current!));
        setPending(false);
        if (!result.ok) return setError(result.fieldErrors?.file?.[0] ?? result.formError ?? "unexpected");
        setReport(result.data);
        if (result.data.applied) router.refresh();
      }}
    >
      <FormError error={error} />
      <label htmlFor="token-file" className="font-medium">
        {t("file")}
      </label>
      <input id="token-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="token-file-hint" className="min-h-11 rounded-md border border-slate-500 bg-white p-2" />
      <p id="token-file-hint" className="text-sm text-slate-700">
        {t("hint")}
      </p>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("import")}
      </Button>
      {report ? (
        report.applied ? (
          <Notice tone="success">{t("added", { count: report.added })}</Notice>
        ) : (
          <Notice tone="error" title={t("refused", { count: report.issueCount })}>
            <ul className="list-disc pl-5">
              {report.issues.map((issue, i) => (
                <li key={i}>{t("issue", { line: issue.line, problem: te(issue.key as never, issue.values as never) })}</li>
              ))}
            </ul>
          </Notice>
        )
      ) : null}
    </form>
  );
}
