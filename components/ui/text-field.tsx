import { forwardRef, type InputHTMLAttributes } from "react";
import { Field, fieldIds } from "./field";

type Props = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string; error?: string };

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField({ id, label, hint, error, className = "", ...props }, ref) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldIds(id, hint, error).describedBy}
        className={`min-h-11 w-full rounded-md border px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-500"} ${className}`}
        {...props}
      />
    </Field>
  );
});
