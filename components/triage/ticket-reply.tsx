"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, fieldIds } from "@/components/ui/field";
import { changeStatusAction, replyAction } from "@/lib/triage/actions";
import { replySchema } from "@/lib/triage/schema";
import { TicketConflict, useTicket } from "./ticket-context";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

type Language = "fr" | "de" | "en";

/** A canned reply as the page prepares it: its title in the agent's language, its text filled in and in the person's language when written. */
export type CannedChoice = { id: string; title: string; text: string; language: Language };

const replyForm = replySchema.pick({ body: true });

/**
 * The reply box, under the conversation. A canned reply is put in the box in the person's
 * language (the language their mail goes out in; the agent is told which, and told when a
 * canned reply has no text in it yet). "Send and resolve" answers and resolves in one submit,
 * then opens the next ticket of the agent's list.
 */
export function ReplyForm({ canned, language, firstName, mailedTo, canResolve }: { canned: CannedChoice[]; language: Language; firstName: string; mailedTo: string | null; canResolve: boolean }) {
  const t = useTranslations("it.ticket");
  const router = useRouter();
  const ticket = useTicket();
  const resolving = useRef(false);
  const box = useRef<HTMLTextAreaElement | null>(null);
  const [chosen, setChosen] = useState("");
  const [pending, setPending] = useState(false);
  const [resolveError, setResolveError] = useState<Shown | null>(null);

  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ body: string }, unknown>({
    schema: replyForm,
    defaultValues: { body: "" },
    action: async ({ body }) => {
      const result = await replyAction({ number: ticket.ticket.number, version: ticket.version(), body, resolve: resolving.current });
      // A colleague's change: the page says what changed, the text stays in the box.
      if (!result.ok && ticket.refusedAsStale("reply", result)) return { ok: false };
      return result;
    },
    onSuccess: (data) => {
      ticket.clearConflict();
      if (resolving.current) return router.push(ticket.nav.afterResolve);
      form.reset({ body: "" });
      setChosen("");
      ticket.done(data);
    },
  });

  const choose = (id: string) => {
    const response = canned.find((c) => c.id === id);
    setChosen(id);
    if (response) form.setValue("body", response.text, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  };

  /** The "resolve" key: with text in the box, send it and resolve; without, only resolve. */
  const resolve = async () => {
    if (pending || isSubmitting) return;
    setResolveError(null);
    if (form.getValues("body").trim() !== "") {
      resolving.current = true;
      return submit();
    }
    setPending(true);
    const result = await callAction(() => changeStatusAction({ number: ticket.ticket.number, version: ticket.version(), status: "resolved" }));
    setPending(false);
    if (result.ok) return router.push(ticket.nav.afterResolve);
    if (!ticket.refusedAsStale("reply", result)) setResolveError(refusalOf(result));
  };

  const latest = useRef({ choose, resolve });
  useEffect(() => {
    latest.current = { choose, resolve };
  });
  const { register } = ticket;
  useEffect(
    () =>
      register({
        focusReply: () => box.current?.focus(),
        canned: (index) => (canned[index] ? latest.current.choose(canned[index].id) : undefined),
        ...(canResolve ? { resolve: () => void latest.current.resolve() } : {}),
      }),
    [register, canned, canResolve],
  );

  const picked = canned.find((c) => c.id === chosen);
  const { ref, ...body } = form.register("body");
  const hint = t("replyLanguage", { language, firstName });
  const error = fieldError("body");
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <TicketConflict form="reply" keptText />
      <FormError error={summary ?? resolveError} />
      {canned.length > 0 ? (
        // On one line with its label: the reply box stays on the first screen.
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <label htmlFor="canned" className="font-medium">
            {t("canned")}
          </label>
          <select id="canned" value={chosen} onChange={(e) => choose(e.target.value)} className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-500 bg-white px-3">
            <option value="">{t("cannedNone")}</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {picked && picked.language !== language ? (
        <p role="status" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
          {t("cannedFallback", { wanted: language, used: picked.language })}
        </p>
      ) : null}
      <Field id="reply-body" label={t("replyLabel")} hint={hint} error={error}>
        <textarea
          id="reply-body"
          rows={4}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${fieldIds("reply-body", hint, error).describedBy} reply-mailed`}
          className={`w-full rounded-md border px-3 py-2 ${error ? "border-red-700" : "border-slate-500"}`}
          ref={(element) => {
            ref(element);
            box.current = element;
          }}
          {...body}
        />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant={canResolve ? "secondary" : "primary"} disabled={isSubmitting || pending} onClick={() => (resolving.current = false)}>
          {t("sendReply")}
        </Button>
        {canResolve ? (
          <Button type="submit" disabled={isSubmitting || pending} onClick={() => (resolving.current = true)}>
            {t("sendResolve")}
          </Button>
        ) : null}
      </div>
      <p id="reply-mailed" className="text-sm text-slate-700">
        {mailedTo ? t("replyHintTo", { address: mailedTo }) : t("replyHint")}
      </p>
    </form>
  );
}
