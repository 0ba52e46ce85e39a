import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export type ActionFailure = { ok: false; formError?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string | number> };

/** Puts the server's field errors next to their fields; returns the form-level message key, if any. */
export function applyActionErrors<T extends FieldValues>(result: ActionFailure, setError: UseFormSetError<T>): string | null {
  for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
    if (field !== "_form" && keys[0]) setError(field as Path<T>, { type: "server", message: keys[0] });
  }
  return result.formError && result.formError !== "invalidInput" ? result.formError : result.fieldErrors ? "invalidInput" : null;
}
