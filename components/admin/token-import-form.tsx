"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/forms/form-error";
import { ImportProgress } from "@/components/forms/import-progress";
import { useFileImport } from "@/components/forms/use-file-import";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TokenImportReport } from "@/lib/tokens/hardware-import";

/** The vendor's serials and seeds: all or nothing, problems listed by line. The file goes to /api/imports/tokens. */
export function TokenImportForm() {
  const t = useTranslations("admin.stock.tokens");
  const te = useTranslations("errors");
  const router = useRouter();
  const { formRef: form, run, pending, progress, error, report } = useFileImport<TokenImportReport>("tokens");
  return (
    <form
      ref={form}
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await run("apply"))?.applied) router.refresh();
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
      <ImportProgress progress={progress} />
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
