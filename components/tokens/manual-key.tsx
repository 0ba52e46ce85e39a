"use client";

import { useTranslations } from "next-intl";
import { Fragment, useRef } from "react";
import { spokenKey } from "@/lib/tokens/manual-key";
import { CopyButton } from "./copy-button";

/**
 * The key to type or paste into the app. Each group of four is an unbreakable
 * inline block: on a 360 px screen the key wraps between groups, never inside one
 * (a group split over two lines is easy to mistype). Screen readers get the key
 * spelled out instead of the groups read as words.
 */
export function ManualKey({ groups }: { groups: string[] }) {
  const t = useTranslations("token.totp");
  const keyRef = useRef<HTMLParagraphElement>(null);
  return (
    <div className="flex flex-col gap-2">
      <p className="font-medium">{t("manualKeyLabel")}</p>
      <p ref={keyRef} data-testid="manual-key" aria-hidden="true" className="font-mono text-lg leading-relaxed tracking-wide">
        {groups.map((group, i) => (
          <Fragment key={i}>
            {i > 0 ? " " : null}
            <span className="inline-block whitespace-nowrap">{group}</span>
          </Fragment>
        ))}
      </p>
      <p className="sr-only">{t("manualKeySpoken", { key: spokenKey(groups) })}</p>
      <p className="text-sm text-slate-700">{t("manualKeyHint")}</p>
      <CopyButton text={groups.join("")} label={t("copyKey")} copied={t("keyCopied")} selected={t("keySelected")} fallback={keyRef} />
    </div>
  );
}
