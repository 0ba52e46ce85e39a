"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { answerTicketAction } from "@/lib/triage/actions";

const schema = z.object({ body: z.string().trim().min(2, "messageRequired").max(5000, "messageTooLong") });

/** The employee answers IT on their own ticket; the server checks it is theirs. */
export function AnswerForm({ number }: { number: number }) {
  const t = useTranslations("status.tickets");
  const id = `answer-${number}`;
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ body: string }, unknown>({
    schema,
    defaultValues: { body: "" },
    action: (values) => answerTicketAction({ ...values, number }),
    onSuccess: () => {
      form.reset({ body: "" });
    },
  });
  const error = fieldError("body");
  return (
    <form onSubmit={submit} noValidate className="mt-2 flex flex-col gap-2">
      <FormError error={summary} />
      <Field id={id} label={t("answerLabel", { number })} error={error}>
        <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={fieldIds(id, undefined, error).describedBy} className="w-full rounded-md border border-slate-500 px-3 py-2" {...form.register("body")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("answer")}
      </Button>
    </form>
  );
}
