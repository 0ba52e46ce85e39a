"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page from the server every `seconds` so new tickets appear without a reload.
 *
 * Only when the server answers: a refresh that gets no answer makes Next reload the whole page
 * instead, which a lost link or a restarting instance turns into the browser's error page, and the
 * tickets the agent had selected are gone. So each round first asks `/api/health` (its own
 * connection, 5 s at most) and skips the refresh without a clear yes; the next round tries again.
 */
export function AutoRefresh({ seconds = 20 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    let asking = false;
    const timer = setInterval(async () => {
      if (asking || document.visibilityState !== "visible" || !navigator.onLine) return;
      asking = true;
      try {
        const health = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(5_000) }).catch(() => null);
        if (health?.ok) router.refresh();
      } finally {
        asking = false;
      }
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
