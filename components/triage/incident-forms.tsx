"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { ActionButton } from "@/components/forms/action-button";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, fieldIds } from "@/components/ui/field";
import { answerIncidentAction, createIncidentAction } from "@/lib/triage/actions";
import { incidentAnswerSchema } from "@/lib/triage/schema";

export function CreateIncidentButton({ title, numbers }: { title: string; numbers: number[] }) {
  const t = useTranslations("it.incidents");
  return (
    <ActionButton variant="secondary" action={() => createIncidentAction({ title, numbers })}>
      {t("confirm", { count: numbers.length })}
    </ActionButton>
  );
}

// The form's fields of the action's schema: the same rules on both sides.
const formSchema = incidentAnswerSchema.pick({ body: true, resolve: true });
type Values = { body: string; resolve: boolean };
type Outcome = { tickets: number; resolved: number };

/**
 * One reply to every open ticket of the incident. Resolving them is a deliberate second
 * choice: the box starts unticked, and sending with it ticked asks once more, naming how many
 * tickets will be resolved and mailed. The operation id stays the same until it succeeds, so
 * a double click or a retry is applied once (the server's once-guard).
 */
export function IncidentAnswerForm({ incidentId, open }: { incidentId: string; open: number }) {
  const t = useTranslations("it.incidents");
  const operationId = useRef<string>(crypto.randomUUID());
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const busy = useRef(false);
  // Settles the pending send when the person answers the confirmation (yes, cancel, Escape).
  const decide = useRef<((go: boolean) => void) | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<Values, Outcome>({
    schema: formSchema,
    defaultValues: { body: "", resolve: false },
    action: async (values) => {
      // A second click while the question is open or the reply is on its way does nothing here
      // (and the same operation id makes the server apply it once anyway).
      if (busy.current) return { ok: false };
      busy.current = true;
      try {
        setDone(null);
        if (values.resolve && !(await confirmed())) return { ok: false };
        return await answerIncidentAction({ ...values, incidentId, operationId: operationId.current });
      } finally {
        busy.current = false;
      }
    },
    onSuccess: (outcome) => {
      setDone(outcome);
      operationId.current = crypto.randomUUID();
      form.reset({ body: "", resolve: false });
    },
  });
  const resolve = useWatch({ control: form.control, name: "resolve" });

  function confirmed(): Promise<boolean> {
    dialog.current?.showModal();
    // The safe answer has the focus: Enter alone never resolves a whole incident.
    cancel.current?.focus();
    return new Promise((settle) => {
      decide.current = settle;
    });
  }
  function answer(go: boolean) {
    const settle = decide.current;
    decide.current = null;
    if (dialog.current?.open) dialog.current.close();
    settle?.(go);
  }

  const id = `incident-${incidentId}`;
  const error = fieldError("body");
  const result = done ? (done.resolved > 0 ? t("answeredResolved", { tickets: done.tickets, resolved: done.resolved }) : t("answered", { count: done.tickets })) : null;
  // Once every ticket is answered and resolved the form goes, but the result stays to read.
  if (open === 0 && !result) return null;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <FormError error={summary} />
      {result ? (
        <p role="status" className="font-medium text-green-800">
          {result}
        </p>
      ) : null}
      {open > 0 ? (
        <>
          <Field id={`${id}-body`} label={t("answerLabel", { count: open })} error={error}>
            <textarea id={`${id}-body`} rows={4} aria-invalid={error ? true : undefined} aria-describedby={fieldIds(`${id}-body`, undefined, error).describedBy} className="w-full rounded-md border border-slate-500 px-3 py-2" {...form.register("body")} />
          </Field>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" className="h-5 w-5 accent-blue-700" {...form.register("resolve")} />
            {t("resolveAll", { count: open })}
          </label>
          <p className="text-sm">{t("mailHint")}</p>
          <div>
            <Button type="submit" disabled={isSubmitting}>
              {resolve ? t("sendResolve", { count: open }) : t("send")}
            </Button>
          </div>
        </>
      ) : null}
      <dialog ref={dialog} aria-labelledby={`${id}-confirm`} aria-describedby={`${id}-confirm-hint`} onClose={() => answer(false)} className="m-auto max-w-md rounded-lg border border-slate-300 p-0 backdrop:bg-slate-900/40">
        <div className="flex flex-col gap-3 p-4">
          <h2 id={`${id}-confirm`} className="text-lg font-semibold">
            {t("confirmResolve", { count: open })}
          </h2>
          <p id={`${id}-confirm-hint`}>{t("confirmResolveHint")}</p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => answer(true)}>{t("confirmYes", { count: open })}</Button>
            <button ref={cancel} type="button" className={buttonClass("secondary")} onClick={() => answer(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
