"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { bulkAction } from "@/lib/triage/actions";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

/**
 * Assign, reply to or resolve the selected tickets. The result region is always on the page
 * (so screen readers hear each change): a new operation first clears the last result and says
 * it is working, then gives its own result.
 */
export function BulkBar({ selected, agents, onApplied }: { selected: number[]; agents: { id: string; name: string }[]; onApplied: () => void }) {
  const t = useTranslations("it.bulk");
  const tt = useTranslations("it.ticket");
  const [kind, setKind] = useState<"assign" | "reply" | "resolve">("assign");
  const [assigneeId, setAssigneeId] = useState(agents[0]?.id ?? "");
  const [body, setBody] = useState("");
  const [resolve, setResolve] = useState(false);
  // One id per intended operation: a double click or a retry is applied once.
  const [operationId, setOperationId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<Shown | string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [pending, setPending] = useState(false);

  async function apply() {
    setError(null);
    setDone(null);
    setPending(true);
    const action = kind === "assign" ? { kind, assigneeId } : kind === "reply" ? { kind, body, resolve } : { kind };
    try {
      const result = await callAction(() => bulkAction({ operationId, numbers: selected, action }));
      if (!result.ok) {
        setError(refusalOf(result));
        return;
      }
      setDone(result.data.tickets);
      setBody("");
      setOperationId(crypto.randomUUID());
      onApplied();
    } catch {
      setError("unexpected");
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {selected.length > 0 ? (
        <section aria-labelledby="bulk-heading" aria-busy={pending} className="flex flex-col gap-3 rounded-lg border border-blue-300 bg-blue-50 p-4">
          <h2 id="bulk-heading" className="font-semibold">
            {t("heading", { count: selected.length })}
          </h2>
          <FormError error={error} />
          <SelectField id="bulk-kind" label={t("action")} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="assign">{t("assign")}</option>
            <option value="reply">{t("reply")}</option>
            <option value="resolve">{t("resolve")}</option>
          </SelectField>
          {kind === "assign" ? (
            <SelectField id="bulk-assignee" label={tt("assignLabel")} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
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
                {tt("replyLabel")}
              </label>
              <textarea id="bulk-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} className="w-full rounded-md border border-slate-500 px-3 py-2" />
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" className="h-5 w-5 accent-blue-700" checked={resolve} onChange={(e) => setResolve(e.target.checked)} />
                {tt("resolveWithReply")}
              </label>
            </>
          ) : null}
          {kind === "assign" ? null : <p className="text-sm">{t("mailHint")}</p>}
          <Button onClick={apply} disabled={pending}>
            {pending ? t("working") : t("apply", { count: selected.length })}
          </Button>
        </section>
      ) : null}
      <p id="bulk-result" role="status" className={`font-medium ${pending ? "text-slate-800" : "text-green-800"}`}>
        {pending ? t("working") : done !== null ? t("done", { count: done }) : null}
      </p>
    </>
  );
}
