"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { applyActionErrors, type ActionFailure } from "./action-errors";
import { callAction } from "./call-action";
import { useErrorText, type Shown } from "./refusal";

type Result<D> = { ok: true; data: D } | ActionFailure;

/**
 * A react-hook-form form wired to a server action, with one zod schema for
 * both sides: client errors and the server's field errors show next to the
 * fields (the server's in its words, the browser's own checks from `errors.*`), the rest in the
 * form's summary.
 */
export function useActionForm<T extends FieldValues, D>(options: {
  schema: z.ZodType;
  defaultValues?: DefaultValues<T>;
  action: (values: T) => Promise<Result<D>>;
  onSuccess?: (data: D) => void;
}) {
  const errorText = useErrorText();
  const [formError, setFormError] = useState<Shown | null>(null);
  const form = useForm<T>({ resolver: zodResolver(options.schema as never) as never, defaultValues: options.defaultValues });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => options.action(values));
    if (!result.ok) {
      setFormError(applyActionErrors(result, form.setError));
      return;
    }
    options.onSuccess?.(result.data);
  });

  /** The translated message for a field, with the server's values (e.g. tries left). */
  const fieldError = (name: Path<T>): string | undefined => {
    // getFieldState reads nested paths too ("template.en.body").
    const error = form.getFieldState(name, form.formState).error;
    if (!error?.message) return undefined;
    // The server's refusals arrive in words; the browser's own checks give a key.
    return error.type === "server" ? error.message : errorText({ key: error.message, values: formError?.values });
  };

  return {
    form,
    submit,
    fieldError,
    /** The summary message key, unless the fields already say it all. */
    summary: formError && formError.key !== "invalidInput" ? formError : null,
    isSubmitting: form.formState.isSubmitting,
  };
}
