"use client";

import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { ShortcutHelp, type Shortcut } from "@/components/ui/shortcuts";
import { useTicket } from "./ticket-context";

/**
 * The ticket page's way through the agent's list: back to the queue with its filter, the
 * previous and next ticket of that filter, and the keys (listed by "?"): n / p, c to claim,
 * r to write the reply, 1–9 for a canned reply, d to resolve and go on to the next ticket.
 */
export function TicketKeys({ queueHref, next, previous, canClaim, canResolve, cannedTitles }: { queueHref: string; next: number | null; previous: number | null; canClaim: boolean; canResolve: boolean; cannedTitles: string[] }) {
  const t = useTranslations("it.ticket");
  const router = useRouter();
  const { nav, handlers } = useTicket();
  const bar = useRef<HTMLElement>(null);
  // Says when the keys work (after hydration): a script or test driving the page by keyboard waits for it.
  useEffect(() => {
    if (bar.current) bar.current.dataset.keys = "ready";
  }, []);
  const shortcuts: Shortcut[] = [
    ...(nav.next ? [{ key: "n", description: t("keys.next"), run: () => router.push(nav.next!) }] : []),
    ...(nav.previous ? [{ key: "p", description: t("keys.previous"), run: () => router.push(nav.previous!) }] : []),
    ...(canClaim ? [{ key: "c", description: t("keys.claim"), run: () => handlers.current.claim?.() }] : []),
    { key: "r", description: t("keys.reply"), run: () => handlers.current.focusReply?.() },
    ...cannedTitles.slice(0, 9).map((title, i) => ({ key: String(i + 1), description: t("keys.canned", { title }), run: () => handlers.current.canned?.(i) })),
    ...(canResolve ? [{ key: "d", description: t("keys.resolve"), run: () => handlers.current.resolve?.() }] : []),
  ];
  return (
    <nav ref={bar} aria-label={t("listNav")} className="flex flex-wrap items-center gap-x-5">
      <Link href={queueHref} className="min-h-11 py-2 font-medium text-blue-800 underline">
        {t("back")}
      </Link>
      {nav.previous && previous ? (
        <Link href={nav.previous} className="min-h-11 py-2 font-medium text-blue-800 underline">
          {t("previous", { number: previous })}
        </Link>
      ) : null}
      {nav.next && next ? (
        <Link href={nav.next} className="min-h-11 py-2 font-medium text-blue-800 underline">
          {t("next", { number: next })}
        </Link>
      ) : (
        <span className="py-2 text-slate-700">{t("noNext")}</span>
      )}
      <ShortcutHelp shortcuts={shortcuts} />
    </nav>
  );
}
