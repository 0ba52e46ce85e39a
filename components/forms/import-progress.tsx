"use client";

import { useTranslations } from "next-intl";

/** While a file is sent and then checked: a bar, and the same in words for screen readers. */
export function ImportProgress({ progress }: { progress: number | null }) {
  const t = useTranslations("shell");
  if (progress === null) return null;
  // In steps of 10 %, so screen readers are not told every percent.
  const text = progress < 100 ? t("importSending", { percent: Math.floor(progress / 10) * 10 }) : t("importChecking");
  return (
    <div className="flex flex-col gap-1">
      <progress max={100} value={progress < 100 ? progress : undefined} aria-label={text} className="h-2 w-full max-w-md" />
      <p role="status" className="text-sm text-slate-700">
        {text}
      </p>
    </div>
  );
}
