// What every action returns, shared by the server (lib/auth/action.ts) and the browser's forms
// (components/forms/refusal.ts). Types only.

/** A refusal: message keys for the code, and each key's text in the person's language for the person. */
export type ActionFailure = {
  ok: false;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string | number>;
  /** Each key above with its message in the person's language (the browser holds only its forms' own checks). */
  messages?: Record<string, string>;
};

/**
 * What every action returns. Errors are message keys (namespace `errors`), for the code, with
 * their texts in `messages`, for the person: next to the field, or in the form summary.
 */
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;
