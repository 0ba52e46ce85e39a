"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The conversation's later entries in a region of their own on wide screens, opened at its end
 * (the latest words, next to the reply box), so the person's first words and the reply box stay on
 * the first screen whatever the length. Focusable, so it scrolls by keyboard too.
 */
export function TicketScroll({ label, children }: { label: string; children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (region.current) region.current.scrollTop = region.current.scrollHeight;
  }, []);
  return (
    <div ref={region} role="region" aria-label={label} tabIndex={0} className="rounded-md focus-visible:outline-2 focus-visible:outline-blue-700 lg:max-h-[max(6rem,calc(100vh_-_42rem))] lg:overflow-y-auto">
      {children}
    </div>
  );
}
