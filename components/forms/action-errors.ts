import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { refusalOf, type ActionFailure, type Shown } from "./refusal";

export type { ActionFailure };

/**
 * Puts the server's field errors next to their fields, in the server's words (type "server": the
 * message is the text, not a key; a refusal made in the browser keeps its key); returns what the
 * form's summary shows, if anything.
 */
export function applyActionErrors<T extends FieldValues>(result: ActionFailure, setError: UseFormSetError<T>): Shown | null {
  for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
    if (field === "_form" || !keys[0]) continue;
    const text = result.messages?.[keys[0]];
    // A refusal the browser made itself (a check before sending) has no text: its key is translated here.
    setError(field as Path<T>, text ? { type: "server", message: text } : { type: "validate", message: keys[0] });
  }
  if (result.formError && result.formError !== "invalidInput") return refusalOf(result);
  return result.fieldErrors ? { key: "invalidInput", text: result.messages?.invalidInput } : null;
}
