"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Renders its children once the enclosing <details> is opened (and keeps them after). For
 * forms inside collapsed sections, e.g. an answer to each ended request on the status page:
 * nobody sees them until they open one, so neither the server nor the browser renders them
 * for every view (each is a react-hook-form form; several per person at crisis scale).
 */
export function WhenOpen({ children }: { children: ReactNode }) {
  const marker = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const details = marker.current?.closest("details");
    if (!details) return setOpen(true);
    const update = () => {
      if (details.open) setOpen(true);
    };
    update();
    details.addEventListener("toggle", update);
    return () => details.removeEventListener("toggle", update);
  }, []);
  return open ? <>{children}</> : <span ref={marker} hidden />;
}
