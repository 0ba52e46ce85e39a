"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionButton } from "@/components/forms/action-button";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { answerIncidentAction, createIncidentAction } from "@/lib/triage/actions";

export function CreateIncidentButton({ title, numbers }: { title: string; numbers: number[] }) {
  const t = useTranslations("it.incidents");
  return (
    <ActionButton variant="secondary" action={() => createIncidentAction({ title, numbers })}>
      {t("confirm", { count: numbers.length })}
    </ActionButton>
  );
}

export function IncidentAnswerForm({ incidentId, open }: { incidentId: string; open: number }) {
  const t = useTranslations("it.incidents");
  const router = useRouter();
  const [body, setBody] = useState("");
  const [resolve, setResolve] = useState(true);
  const [operationId, setOperationId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const id = `incident-${incidentId}`;
  return (
    <div className="flex flex-col gap-2">
      <FormError error={error} />
      {done !== null ? <p role="status" className="font-medium text-green-800">{t("answered", { count: done })}</p> : null}
      <label htmlFor={`${id}-body`} className="font-medium">
        {t("answerLabel", { count: open })}
      </label>
      <textarea id={`${id}-body`} rows={4} value={body} onChange={(e) => setBody(e.target.value)} className="w-full rounded-md border border-slate-500 px-3 py-2" />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" className="h-5 w-5 accent-blue-700" checked={resolve} onChange={(e) => setResolve(e.target.checked)} />
        {t("resolveAll")}
      </label>
      <p className="text-sm">{t("mailHint")}</p>
      <Button
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await answerIncidentAction({ operationId, incidentId, body, resolve });
          setPending(false);
          if (!result.ok) return setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.formError ?? "unexpected");
          setDone(result.data.tickets);
          setBody("");
          setOperationId(crypto.randomUUID());
          router.refresh();
        }}
      >
        {t("send")}
      </Button>
    </div>
  );
}
