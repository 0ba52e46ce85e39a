"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { PhoneLink } from "@/components/contact/phone-link";

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

type Props = {
  row: QueueItem;
  href: string;
  now: string;
  selected: boolean;
  active: boolean;
  /** The first row's link is the target of "Skip to the first ticket". */
  first: boolean;
  onToggle: () => void;
  onFocus: () => void;
};

/** One ticket of the queue: what the agent needs to decide whether to open it now. */
export function QueueRow({ row, href, now, selected, active, first, onToggle, onFocus }: Props) {
  const t = useTranslations("it");
  const tc = useTranslations("status.connectivity");
  const format = useFormatter();
  const verdict = row.verdict ? (tc.has(row.verdict as "good") ? tc(row.verdict as "good") : row.verdict) : null;
  const internet = [row.provider, verdict].filter(Boolean).join(" · ");
  return (
    // The row j/k reached is outlined, so the eye follows the keys.
    <tr onFocus={onFocus} className={`border-b border-slate-200 align-top ${row.overdue ? "bg-red-50" : ""} ${active ? "outline-2 -outline-offset-2 outline-blue-700" : ""}`}>
      <td className="p-2">
        <input type="checkbox" className="h-5 w-5 accent-blue-700" aria-label={t("queue.selectTicket", { number: row.number })} checked={selected} onChange={onToggle} />
      </td>
      <td className="p-2">
        <Link href={href} id={first ? "first-ticket" : undefined} data-ticket={row.number} className="font-medium text-blue-800 underline">
          #{row.number}
        </Link>
        {row.newReply ? <span className="mt-1 block w-fit rounded border border-amber-500 bg-amber-50 px-1.5 text-xs font-semibold text-amber-900">{t("queue.newReply")}</span> : null}
        <span className="block text-xs text-slate-700">{t("queue.opened", { age: format.relativeTime(new Date(row.createdAt), new Date(now)) })}</span>
        {row.incident ? <span className="block text-xs text-slate-700">{row.incident}</span> : null}
      </td>
      <td className="min-w-56 p-2">
        <span className="block font-medium">{t(`category.${row.category as "help_request"}`)}</span>
        {row.firstWords ? <q className="block text-slate-800">{row.firstWords}</q> : null}
        {internet ? <span className="block text-xs text-slate-700">{`${t("queue.internet")}: ${internet}`}</span> : null}
      </td>
      <td className="p-2">{t(`priority.${row.priority as "normal"}`)}</td>
      <td className="p-2">{t(`status.${row.status as "new"}`)}</td>
      <td className="p-2">
        {row.employeeName}
        <span className="block text-xs text-slate-700">{row.employeeNumber}</span>
        {row.phone ? (
          <span className="block">
            <span className="sr-only">{t("reach.phone")}: </span>
            <PhoneLink phone={row.phone} />
          </span>
        ) : null}
      </td>
      <td className="p-2">
        {row.site ?? "–"}
        <span className="block text-xs text-slate-700">{row.orgUnit ?? ""}</span>
      </td>
      <td className="p-2">{row.assignee ?? t("queue.unassigned")}</td>
      <td className="p-2">
        {row.overdue ? <strong className="text-red-800">{t("queue.overdue")} </strong> : null}
        {format.relativeTime(new Date(row.slaDueAt), new Date(now))}
      </td>
    </tr>
  );
}
