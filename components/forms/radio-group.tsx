import type { InputHTMLAttributes } from "react";

type Option = { value: string; label: string; hint?: string };

/** A fieldset of radio buttons with its legend, hint and error read together. */
export function RadioGroup({
  name,
  legend,
  hint,
  options,
  error,
  inputProps,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: Option[];
  error?: string;
  inputProps: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "id">;
}) {
  const errorId = error ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} htmlFor={`${name}-${option.value}`} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50">
          <input id={`${name}-${option.value}`} type="radio" value={option.value} className="mt-1 h-5 w-5 accent-blue-700" {...inputProps} />
          <span>
            <span className="font-medium">{option.label}</span>
            {option.hint ? <span className="block text-sm text-slate-700">{option.hint}</span> : null}
          </span>
        </label>
      ))}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
