"use client";

import { Link } from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { PhoneLink } from "@/components/contact/phone-link";
import type { Column } from "@/components/ui/data-table";

export type QueueItem = {
  number: number;
  category: string;
  priority: string;
  status: string;
  createdAt: string;
  slaDueAt: string;
  overdue: boolean;
  employeeName: string;
  employeeNumber: string;
  site: string | null;
  orgUnit: string | null;
  assignee: string | null;
  incident: string | null;
  /** On no-connection tickets: the phone to call (the person has no internet). */
  phone?: string | null;
  /** The first line of the person's own words. */
  firstWords: string | null;
  /** The provider and verdict of the ticket's self-test. */
  provider: string | null;
  verdict: string | null;
  /** The person answered after IT's last reply. */
  newReply: boolean;
};

type ColumnProps = {
  href: (row: QueueItem) => string;
  now: string;
  isSelected: (row: QueueItem) => boolean;
  onToggle: (row: QueueItem) => void;
};

/** The queue's columns: what the agent needs to decide whether to open a ticket now. The first row's link is the target of "Skip to the first ticket". */
export function useQueueColumns({ href, now, isSelected, onToggle }: ColumnProps): Column<QueueItem>[] {
  const t = useTranslations("it.queue");
  const it = { category: useTranslations("it.category"), priority: useTranslations("it.priority"), status: useTranslations("it.status"), reach: useTranslations("it.reach") };
  const tc = useTranslations("status.connectivity");
  const format = useFormatter();
  return [
    {
      key: "select",
      header: <span className="sr-only">{t("select")}</span>,
      cell: (row) => <input type="checkbox" className="h-5 w-5 accent-blue-700" aria-label={t("selectTicket", { number: row.number })} checked={isSelected(row)} onChange={() => onToggle(row)} />,
    },
    {
      key: "ticket",
      header: t("columns.ticket"),
      cell: (row, i) => (
        <>
          <Link href={href(row)} id={i === 0 ? "first-ticket" : undefined} data-ticket={row.number} className="font-medium text-blue-800 underline">
            #{row.number}
          </Link>
          {row.newReply ? <span className="mt-1 block w-fit rounded border border-amber-500 bg-amber-50 px-1.5 text-xs font-semibold text-amber-900">{t("newReply")}</span> : null}
          <span className="block text-xs text-slate-700">{t("opened", { age: format.relativeTime(new Date(row.createdAt), new Date(now)) })}</span>
          {row.incident ? <span className="block text-xs text-slate-700">{row.incident}</span> : null}
        </>
      ),
    },
    {
      key: "request",
      header: t("columns.request"),
      className: "min-w-56",
      cell: (row) => {
        const verdict = row.verdict ? (tc.has(row.verdict as "good") ? tc(row.verdict as "good") : row.verdict) : null;
        const internet = [row.provider, verdict].filter(Boolean).join(" · ");
        return (
          <>
            <span className="block font-medium">{it.category(row.category as "help_request")}</span>
            {row.firstWords ? <q className="block text-slate-800">{row.firstWords}</q> : null}
            {internet ? <span className="block text-xs text-slate-700">{`${t("internet")}: ${internet}`}</span> : null}
          </>
        );
      },
    },
    { key: "priority", header: t("columns.priority"), cell: (row) => it.priority(row.priority as "normal") },
    { key: "status", header: t("columns.status"), cell: (row) => it.status(row.status as "new") },
    {
      key: "employee",
      header: t("columns.employee"),
      cell: (row) => (
        <>
          {row.employeeName}
          <span className="block text-xs text-slate-700">{row.employeeNumber}</span>
          {row.phone ? (
            <span className="block">
              <span className="sr-only">{it.reach("phone")}: </span>
              <PhoneLink phone={row.phone} />
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: "site",
      header: t("columns.site"),
      cell: (row) => (
        <>
          {row.site ?? "–"}
          <span className="block text-xs text-slate-700">{row.orgUnit ?? ""}</span>
        </>
      ),
    },
    { key: "assignee", header: t("columns.assignee"), cell: (row) => row.assignee ?? t("unassigned") },
    {
      key: "sla",
      header: t("columns.sla"),
      cell: (row) => (
        <>
          {row.overdue ? <strong className="text-red-800">{t("overdue")} </strong> : null}
          {format.relativeTime(new Date(row.slaDueAt), new Date(now))}
        </>
      ),
    },
  ];
}

/** One ticket's row: the cells come from the queue's columns; the row knows whether j/k reached it. */
export function QueueRow({ row, active, onFocus, children }: { row: QueueItem; active: boolean; onFocus: () => void; children: ReactNode }) {
  return (
    // The row j/k reached is outlined, so the eye follows the keys.
    <tr onFocus={onFocus} className={`border-b border-slate-200 align-top ${row.overdue ? "bg-red-50" : ""} ${active ? "outline-2 -outline-offset-2 outline-blue-700" : ""}`}>
      {children}
    </tr>
  );
}
