import { forwardRef, type SelectHTMLAttributes } from "react";
import { Field, fieldIds } from "./field";

type Props = SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; hint?: string; error?: string };

/** A labelled select whose hint and error are announced with it, like TextField. */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ id, label, hint, error, children, className = "", ...props }, ref) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldIds(id, hint, error).describedBy}
        className={`min-h-11 w-full rounded-md border bg-white px-3 ${error ? "border-red-700" : "border-slate-500"} ${className}`}
        {...props}
      >
        {children}
      </select>
    </Field>
  );
});
