"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** Shown once, right after activation: the page never shows them again. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("token.recovery");
  const router = useRouter();
  return (
    <section aria-labelledby="recovery-heading" className="flex flex-col gap-4">
      <Notice tone="success" title={t("activated")} />
      <h2 id="recovery-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p>{t("body")}</p>
      <ul aria-label={t("listLabel")} className="grid grid-cols-2 gap-2 rounded-md border border-slate-300 bg-white p-4 font-mono text-lg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => window.print()}>
          {t("print")}
        </Button>
        <Button onClick={() => router.refresh()}>{t("done")}</Button>
      </div>
    </section>
  );
}
