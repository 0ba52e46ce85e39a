"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { recoveryCodesFileName, recoveryCodesText } from "@/lib/tokens/recovery-file";
import { CopyButton } from "./copy-button";
import "./recovery-print.css";

/** Hands a text to the browser as a file download; made here, so the codes never travel again. */
function downloadText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Shown once, right after activation: the page never shows them again. Downloading
 * or printing them spares the person copying ten codes by hand on a phone.
 */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("token.recovery");
  const format = useFormatter();
  const router = useRouter();
  const listRef = useRef<HTMLUListElement>(null);
  // Fixed when the codes appear: the file and the printout say when they were made.
  const [createdAt] = useState(() => new Date());
  const heading = t("fileHeading");
  const dateLine = t("fileDate", { date: format.dateTime(createdAt, { dateStyle: "long" }) });

  return (
    <section aria-labelledby="recovery-heading" className="flex flex-col gap-4" data-print-only>
      <div className="print:hidden">
        <Notice tone="success" title={t("activated")} />
      </div>
      <h2 id="recovery-heading" className="text-lg font-semibold print:hidden">
        {t("heading")}
      </h2>
      <p className="print:hidden">{t("body")}</p>
      {/* What the printed sheet says above the codes (on screen, the heading above says it). */}
      <div className="hidden print:block">
        <p className="text-xl font-semibold">{heading}</p>
        <p>{dateLine}</p>
      </div>
      <ul ref={listRef} aria-label={t("listLabel")} className="grid grid-cols-2 gap-2 rounded-md border border-slate-300 bg-white p-4 font-mono text-lg">
        {codes.map((code) => (
          <li key={code} className="whitespace-nowrap">
            {code}
          </li>
        ))}
      </ul>
      <p className="hidden print:block">{t("fileNote")}</p>
      <div className="flex flex-wrap items-start gap-2 print:hidden">
        <Button variant="secondary" onClick={() => downloadText(recoveryCodesFileName, recoveryCodesText({ heading, dateLine, codes, note: t("fileNote") }))}>
          {t("download")}
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          {t("print")}
        </Button>
        <CopyButton text={codes.join("\n")} label={t("copyAll")} copied={t("copied")} selected={t("selected")} fallback={listRef} />
      </div>
      <div className="print:hidden">
        <Button onClick={() => router.refresh()}>{t("done")}</Button>
      </div>
    </section>
  );
}
