"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { Button } from "@/components/ui/button";
import { databaseUnavailableDigest } from "@/lib/db/errors";

/**
 * Never a stack trace, never a blank page. A database outage keeps its digest
 * on the way here (lib/db/errors.ts) and gets its own words: "try again in a
 * minute", not "something went wrong" nor "your session has ended".
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const router = useRouter();
  const unavailable = error.digest === databaseUnavailableDigest;
  // reset() alone would re-render the same failed server payload: fetch it again first.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="mx-auto max-w-md" data-error={unavailable ? "unavailable" : "unexpected"}>
      <h1 className="mb-2 text-2xl font-bold">{t(unavailable ? "unavailableTitle" : "title")}</h1>
      <p className="mb-6 text-slate-700">{t(unavailable ? "unavailableBody" : "body")}</p>
      <Button onClick={retry}>{t("retry")}</Button>
    </div>
  );
}
