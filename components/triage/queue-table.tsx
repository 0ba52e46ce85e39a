"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PhoneLink } from "@/components/contact/phone-link";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { bulkAction } from "@/lib/triage/actions";

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
};

/** `now`: the page's reference time (ISO), so relative times need no clock of their own and match server and browser. */
export function QueueTable({ rows, agents, now }: { rows: QueueItem[]; agents: { id: string; name: string }[]; now: string }) {
  const t = useTranslations("it");
  const format = useFormatter();
  const router = useRouter();
  const [selected, setSelected] = useState<number[]>([]);
  const [kind, setKind] = useState<"assign" | "reply" | "resolve">("assign");
  const [assigneeId, setAssigneeId] = useState(agents[0]?.id ?? "");
  const [body, setBody] = useState("");
  const [resolve, setResolve] = useState(false);
  // One id per intended operation: a double click or a retry is applied once.
  const [operationId, setOperationId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const toggle = (n: number) => setSelected((s) => (s.includes(n) ? s.filter((x) => x !== n) : [...s, n]));

  async function apply() {
    setError(null);
    setPending(true);
    const action = kind === "assign" ? { kind, assigneeId } : kind === "reply" ? { kind, body, resolve } : { kind };
    const result = await bulkAction({ operationId, numbers: selected, action });
    setPending(false);
    if (!result.ok) {
      setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.formError ?? "unexpected");
      return;
    }
    setDone(result.data.tickets);
    setSelected([]);
    setBody("");
    setOperationId(crypto.randomUUID());
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      {selected.length > 0 ? (
        <section aria-labelledby="bulk-heading" className="flex flex-col gap-3 rounded-lg border border-blue-300 bg-blue-50 p-4">
          <h2 id="bulk-heading" className="font-semibold">
            {t("bulk.heading", { count: selected.length })}
          </h2>
          <FormError error={error} />
          <SelectField id="bulk-kind" label={t("bulk.action")} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="assign">{t("bulk.assign")}</option>
            <option value="reply">{t("bulk.reply")}</option>
            <option value="resolve">{t("bulk.resolve")}</option>
          </SelectField>
          {kind === "assign" ? (
            <SelectField id="bulk-assignee" label={t("ticket.assignLabel")} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {kind === "reply" ? (
            <>
              <label htmlFor="bulk-body" className="font-medium">
                {t("ticket.replyLabel")}
              </label>
              <textarea id="bulk-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} className="w-full rounded-md border border-slate-500 px-3 py-2" />
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" className="h-5 w-5 accent-blue-700" checked={resolve} onChange={(e) => setResolve(e.target.checked)} />
                {t("ticket.resolveWithReply")}
              </label>
            </>
          ) : null}
          {kind === "assign" ? null : <p className="text-sm">{t("bulk.mailHint")}</p>}
          <Button onClick={apply} disabled={pending}>
            {t("bulk.apply", { count: selected.length })}
          </Button>
        </section>
      ) : null}
      {done !== null ? (
        <p role="status" className="font-medium text-green-800">
          {t("bulk.done", { count: done })}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">{t("queue.caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">
                <span className="sr-only">{t("queue.select")}</span>
              </th>
              {["ticket", "category", "priority", "status", "employee", "site", "assignee", "sla"].map((c) => (
                <th key={c} scope="col" className="p-2">
                  {t(`queue.columns.${c as "ticket"}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.number} className={`border-b border-slate-200 ${row.overdue ? "bg-red-50" : ""}`}>
                <td className="p-2">
                  <input type="checkbox" className="h-5 w-5 accent-blue-700" aria-label={t("queue.selectTicket", { number: row.number })} checked={selected.includes(row.number)} onChange={() => toggle(row.number)} />
                </td>
                <td className="p-2">
                  <Link href={`/it/tickets/${row.number}`} className="font-medium text-blue-800 underline">
                    #{row.number}
                  </Link>
                  {row.incident ? <span className="block text-xs text-slate-700">{row.incident}</span> : null}
                </td>
                <td className="p-2">{t(`category.${row.category as "help_request"}`)}</td>
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
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
