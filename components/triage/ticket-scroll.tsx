"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** How high each part of the conversation may grow on wide screens before it scrolls. */
const heights = {
  // The person's first words: their start shows, a long message scrolls.
  asked: "lg:max-h-[7.5rem]",
  // The later entries: what the first screen has left above the reply box.
  timeline: "lg:max-h-[max(6rem,calc(100vh_-_42rem))]",
};

/**
 * A part of the conversation in a region of its own on wide screens, so the person's first words
 * and the reply box stay on the first screen (1366×768) whatever the length: the first message
 * opens at its start, the later entries at their end (the latest words, next to the reply box).
 * Focusable, so it scrolls by keyboard too.
 */
export function TicketScroll({ label, part, children }: { label: string; part: keyof typeof heights; children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (region.current && part === "timeline") region.current.scrollTop = region.current.scrollHeight;
  }, [part]);
  return (
    <div ref={region} role="region" aria-label={label} tabIndex={0} className={`rounded-md focus-visible:outline-2 focus-visible:outline-blue-700 lg:overflow-y-auto ${heights[part]}`}>
      {children}
    </div>
  );
}
