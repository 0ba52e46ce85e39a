"use client";

import type { ReactNode } from "react";

/**
 * A skip link that moves focus itself instead of following "#id": a fragment navigation adds
 * a history entry the App Router cannot restore, so Back onto it changed the address but left
 * the previous page on screen. Without JavaScript the plain fragment still works.
 */
export function SkipLink({ targetId, className, children }: { targetId: string; className: string; children: ReactNode }) {
  return (
    <a
      href={`#${targetId}`}
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        event.preventDefault();
        target.focus();
      }}
      className={className}
    >
      {children}
    </a>
  );
}
