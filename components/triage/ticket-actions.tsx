"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { z } from "zod";
import { ActionButton } from "@/components/forms/action-button";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { addNoteAction, assignTicketAction, changeStatusAction, claimTicketAction, replyAction } from "@/lib/triage/actions";
import { fillPlaceholders, ticketStatuses } from "@/lib/triage/rules";
import { assignSchema, noteSchema, statusSchema } from "@/lib/triage/schema";

type Props = { number: number; version: number };

export function ClaimButton({ number }: { number: number }) {
  const t = useTranslations("it.ticket");
  return <ActionButton action={() => claimTicketAction({ number })}>{t("claim")}</ActionButton>;
}

function Textarea({ id, label, hint, error, ...props }: { id: string; label: string; hint?: string; error?: string } & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea id={id} rows={5} aria-invalid={error ? true : undefined} aria-describedby={fieldIds(id, hint, error).describedBy} className={`w-full rounded-md border px-3 py-2 ${error ? "border-red-700" : "border-slate-500"}`} {...props} />
    </Field>
  );
}

const replyForm = z.object({ body: z.string().trim().min(2, "messageRequired").max(5000, "messageTooLong"), resolve: z.boolean() });

/** `mailedTo`: the person's contact address, named in the hint so the agent knows where the answer goes. */
export function ReplyForm({ number, version, canned, placeholders, mailedTo }: Props & { canned: { id: string; title: string; body: string }[]; placeholders: Record<string, string | number>; mailedTo?: string | null }) {
  const t = useTranslations("it.ticket");
  const router = useRouter();
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ body: string; resolve: boolean }, unknown>({
    schema: replyForm,
    defaultValues: { body: "", resolve: false },
    action: (values) => replyAction({ ...values, number, version }),
    onSuccess: () => {
      form.reset({ body: "", resolve: false });
      router.refresh();
    },
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <FormError error={summary} />
      <SelectField
        id="canned"
        label={t("canned")}
        defaultValue=""
        onChange={(e) => {
          const response = canned.find((c) => c.id === e.target.value);
          if (response) form.setValue("body", fillPlaceholders(response.body, placeholders));
        }}
      >
        <option value="">{t("cannedNone")}</option>
        {canned.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <Textarea id="reply-body" label={t("replyLabel")} hint={mailedTo ? t("replyHintTo", { address: mailedTo }) : t("replyHint")} error={fieldError("body")} {...form.register("body")} />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" className="h-5 w-5 accent-blue-700" {...form.register("resolve")} />
        {t("resolveWithReply")}
      </label>
      <Button type="submit" disabled={isSubmitting}>
        {t("sendReply")}
      </Button>
    </form>
  );
}

export function NoteForm({ number }: { number: number }) {
  const t = useTranslations("it.ticket");
  const router = useRouter();
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ number: number; body: string }, unknown>({
    schema: noteSchema,
    defaultValues: { number, body: "" },
    action: addNoteAction,
    onSuccess: () => {
      form.reset({ number, body: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <FormError error={summary} />
      <Textarea id="note-body" label={t("noteLabel")} hint={t("noteHint")} rows={3} error={fieldError("body")} {...form.register("body")} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("addNote")}
      </Button>
    </form>
  );
}

export function StatusForm({ number, version, status, mailedTo }: Props & { status: string; mailedTo?: string | null }) {
  const t = useTranslations("it");
  const router = useRouter();
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ number: number; version: number; status: string }, unknown>({
    schema: statusSchema,
    defaultValues: { number, version, status },
    action: changeStatusAction,
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex-1">
        <FormError error={summary} />
        <SelectField id="status" label={t("ticket.statusLabel")} hint={mailedTo ? t("ticket.statusHint", { address: mailedTo }) : undefined} error={fieldError("status")} {...form.register("status")}>
          {ticketStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("ticket.changeStatus")}
      </Button>
    </form>
  );
}

export function AssignForm({ number, version, agents, current }: Props & { agents: { id: string; name: string }[]; current: string | null }) {
  const t = useTranslations("it.ticket");
  const router = useRouter();
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ number: number; version: number; assigneeId: string }, unknown>({
    schema: assignSchema,
    defaultValues: { number, version, assigneeId: current ?? "" },
    action: assignTicketAction,
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex-1">
        <FormError error={summary} />
        <SelectField id="assigneeId" label={t("assignLabel")} error={fieldError("assigneeId")} {...form.register("assigneeId")}>
          <option value="">{t("assignNone")}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("assign")}
      </Button>
    </form>
  );
}
