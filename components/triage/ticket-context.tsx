"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";

// One place on the ticket page that knows which version of the ticket the agent's forms are
// based on. Every change answers the ticket's new version; the forms read it here when they
// submit, so the agent's own claim, reply or note never makes their next form "stale" (the
// page's new render, which each of these actions sends with its answer, brings it too, but a
// form's props and state would keep the old one). A refusal because a colleague changed the
// ticket refreshes the page and says what changed, comparing what the agent saw with what the
// page now shows.

/** What the agent sees of the ticket, as last rendered by the server. */
export type TicketSnapshot = {
  number: number;
  version: number;
  status: string;
  assigneeId: string | null;
  assignee: string | null;
  events: { id: number; kind: string; actor: string | null }[];
};

/** Where the page's keys and "send and resolve" lead: hrefs of the queue filter's neighbours. */
export type TicketNav = { next: string | null; previous: string | null; afterResolve: string };

/** What the shortcuts call in the forms that registered them. */
export type TicketHandlers = { claim?: () => void; focusReply?: () => void; canned?: (index: number) => void; resolve?: () => void };

type Refusal = { ok: false; formError?: string };
type Context = {
  ticket: TicketSnapshot;
  nav: TicketNav;
  handlers: RefObject<TicketHandlers>;
  /** A form offers what the keys call; the returned function takes it back (on unmount). */
  register: (offered: TicketHandlers) => () => void;
  /** The version a form submits now. */
  version: () => number;
  /** After the agent's own change: remember its version (the page's new render came with the answer). */
  done: (data: unknown) => void;
  /** After a refusal that may mean the page is behind: show it as it is now. */
  behind: () => void;
  /** True (and the conflict is shown beside `form`) when the refusal is a colleague's change. */
  refusedAsStale: (form: string, result: Refusal) => boolean;
  conflict: { form: string; base: TicketSnapshot } | null;
  clearConflict: () => void;
};

const TicketContext = createContext<Context | null>(null);

export function useTicket(): Context {
  const context = useContext(TicketContext);
  if (!context) throw new Error("useTicket outside TicketProvider");
  return context;
}

/** Keyed by the ticket number on the page: the next ticket starts with nothing of this one. */
export function TicketProvider({ ticket, nav, children }: { ticket: TicketSnapshot; nav: TicketNav; children: ReactNode }) {
  const router = useRouter();
  const own = useRef(0);
  const latest = useRef(ticket);
  useEffect(() => {
    latest.current = ticket;
  });
  const handlers = useRef<TicketHandlers>({});
  const [conflict, setConflict] = useState<Context["conflict"]>(null);

  const version = useCallback(() => Math.max(latest.current.version, own.current), []);
  const done = useCallback(
    (data: unknown) => {
      const v = (data as { version?: unknown } | null)?.version;
      if (typeof v === "number") own.current = Math.max(own.current, v);
    },
    [],
  );
  const behind = useCallback(() => router.refresh(), [router]);
  const refusedAsStale = useCallback(
    (form: string, result: Refusal) => {
      if (result.formError !== "staleTicket") return false;
      setConflict({ form, base: latest.current });
      router.refresh();
      return true;
    },
    [router],
  );
  const clearConflict = useCallback(() => setConflict(null), []);
  const register = useCallback((offered: TicketHandlers) => {
    Object.assign(handlers.current, offered);
    return () => {
      for (const key of Object.keys(offered) as (keyof TicketHandlers)[]) if (handlers.current[key] === offered[key]) delete handlers.current[key];
    };
  }, []);
  const value = useMemo(
    () => ({ ticket, nav, handlers, register, version, done, behind, refusedAsStale, conflict, clearConflict }),
    [ticket, nav, register, version, done, behind, refusedAsStale, conflict, clearConflict],
  );
  return <TicketContext.Provider value={value}>{children}</TicketContext.Provider>;
}

/**
 * "Someone changed this ticket meanwhile", and what: the status, the assignee, new messages,
 * replies and notes since what the agent saw. `keptText`: the form still holds what was typed.
 */
export function TicketConflict({ form, keptText = false }: { form: string; keptText?: boolean }) {
  const t = useTranslations("it.ticket");
  const ts = useTranslations("it.status");
  const te = useTranslations("it.events");
  const { ticket, conflict } = useTicket();
  if (!conflict || conflict.form !== form) return null;
  const { base } = conflict;
  const seen = Math.max(0, ...base.events.map((e) => e.id));
  const lines: string[] = [];
  if (ticket.status !== base.status) lines.push(t("conflict.status", { status: ts(ticket.status as "new") }));
  if (ticket.assigneeId !== base.assigneeId) lines.push(ticket.assignee ? t("conflict.assignee", { name: ticket.assignee }) : t("conflict.unassigned"));
  for (const event of ticket.events.filter((e) => e.id > seen)) {
    const name = event.actor ?? t("system");
    // Status and assignment are said above, once, as they are now.
    if (["status", "assigned", "claimed", "reopened"].includes(event.kind)) continue;
    if (event.kind === "employee_message") lines.push(t("conflict.message", { name }));
    else if (event.kind === "reply") lines.push(t("conflict.reply", { name }));
    else if (event.kind === "note") lines.push(t("conflict.note", { name }));
    else lines.push(t("conflict.other", { what: te(event.kind as "opened"), name }));
  }
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
      <p className="font-semibold">{t("conflict.title")}</p>
      {lines.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p className="mt-1">{keptText ? t("conflict.keptText") : t("conflict.retry")}</p>
    </div>
  );
}
