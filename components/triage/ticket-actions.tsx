"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { addNoteAction, assignTicketAction, changeStatusAction, claimTicketAction } from "@/lib/triage/actions";
import { ticketStatuses } from "@/lib/triage/rules";
import { assignSchema, noteSchema, statusSchema } from "@/lib/triage/schema";
import { TicketConflict, useTicket } from "./ticket-context";
import { refusalOf, type ActionFailure, type Shown } from "@/components/forms/refusal";
import { callAction, isUnreachable } from "@/components/forms/call-action";

// The ticket's other forms. Each submits the version the page's TicketProvider holds at that
// moment, so the agent's own earlier change never refuses the next one; the status and assignee
// selects are keyed by the page by what they show, so after any change they show the ticket as it is.

type Failure = ActionFailure;

/** "Claim this ticket" (also the "c" key). */
export function ClaimButton() {
  const t = useTranslations("it.ticket");
  const ticket = useTicket();
  const [error, setError] = useState<Shown | null>(null);
  const [pending, setPending] = useState(false);
  const claim = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    const result = await callAction(() => claimTicketAction({ number: ticket.ticket.number }));
    setPending(false);
    if (result.ok) return ticket.done(result.data);
    setError(refusalOf(result));
    // Claimed by a colleague meanwhile, say: the page shows who. Without a link the refresh would fail too.
    if (!isUnreachable(result)) ticket.behind();
  };
  const latest = useRef(claim);
  useEffect(() => {
    latest.current = claim;
  });
  const { register } = ticket;
  useEffect(() => register({ claim: () => void latest.current() }), [register]);
  return (
    <div className="flex flex-col gap-2">
      <FormError error={error} />
      <Button disabled={pending} onClick={claim}>
        {t("claim")}
      </Button>
    </div>
  );
}

const noteForm = noteSchema.pick({ body: true });

export function NoteForm() {
  const t = useTranslations("it.ticket");
  const ticket = useTicket();
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ body: string }, unknown>({
    schema: noteForm,
    defaultValues: { body: "" },
    action: ({ body }) => addNoteAction({ number: ticket.ticket.number, body }),
    onSuccess: (data) => {
      form.reset({ body: "" });
      ticket.done(data);
    },
  });
  const error = fieldError("body");
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <FormError error={summary} />
      <Field id="note-body" label={t("noteLabel")} hint={t("noteHint")} error={error}>
        <textarea id="note-body" rows={3} aria-invalid={error ? true : undefined} aria-describedby={fieldIds("note-body", t("noteHint"), error).describedBy} className={`w-full rounded-md border px-3 py-2 ${error ? "border-red-700" : "border-slate-500"}`} {...form.register("body")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">
        {t("addNote")}
      </Button>
    </form>
  );
}

/** The action's answer as useActionForm reads it; a colleague's change becomes the conflict notice instead of a summary. */
function unlessStale<T>(form: string, ticket: ReturnType<typeof useTicket>, result: { ok: true; data: T } | Failure): { ok: true; data: T } | Failure {
  return !result.ok && ticket.refusedAsStale(form, result) ? { ok: false } : result;
}

const statusForm = statusSchema.pick({ status: true });

/** Keyed by the ticket's status on the page, so it always starts from the status as it is. */
export function StatusForm({ status, mailedTo }: { status: string; mailedTo?: string | null }) {
  const t = useTranslations("it.ticket");
  const ts = useTranslations("it.status");
  const ticket = useTicket();
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ status: string }, unknown>({
    schema: statusForm,
    defaultValues: { status },
    action: async (values) => unlessStale("status", ticket, await changeStatusAction({ number: ticket.ticket.number, version: ticket.version(), status: values.status })),
    onSuccess: (data) => {
      ticket.clearConflict();
      ticket.done(data);
    },
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <TicketConflict form="status" />
      <FormError error={summary} />
      <SelectField id="status" label={t("statusLabel")} hint={mailedTo ? t("statusHint", { address: mailedTo }) : undefined} error={fieldError("status")} {...form.register("status")}>
        {ticketStatuses.map((s) => (
          <option key={s} value={s}>
            {ts(s)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">
        {t("changeStatus")}
      </Button>
    </form>
  );
}

const assignForm = assignSchema.pick({ assigneeId: true });

/** Keyed by the ticket's assignee on the page: it shows who has the ticket now, never "Choose an agent" on an assigned one. */
export function AssignForm({ agents, current }: { agents: { id: string; name: string }[]; current: { id: string; name: string } | null }) {
  const t = useTranslations("it.ticket");
  const ticket = useTicket();
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ assigneeId: string }, unknown>({
    schema: assignForm,
    defaultValues: { assigneeId: current?.id ?? "" },
    action: async (values) => unlessStale("assign", ticket, await assignTicketAction({ number: ticket.ticket.number, version: ticket.version(), assigneeId: values.assigneeId })),
    onSuccess: (data) => {
      ticket.clearConflict();
      ticket.done(data);
    },
  });
  // An assignee who no longer works tickets still shows as the one who has it.
  const options = current && !agents.some((a) => a.id === current.id) ? [current, ...agents] : agents;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <TicketConflict form="assign" />
      <FormError error={summary} />
      <SelectField id="assigneeId" label={t("assignLabel")} error={fieldError("assigneeId")} {...form.register("assigneeId")}>
        {current ? null : <option value="">{t("assignNone")}</option>}
        {options.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={isSubmitting} className="self-start">
        {t("assign")}
      </Button>
    </form>
  );
}
