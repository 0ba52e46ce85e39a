import type { ActionFailure } from "@/lib/auth/action-result";

/**
 * Calls a server action from the browser so that it always settles with a result. An action
 * answers every refusal itself (lib/auth/action.ts); its promise rejects only when the browser got
 * no usable answer: a phone's link lost between the tap and the reply, an instance gone, a proxy's
 * error page. Unwrapped, that rejection left the form silent and a pending button disabled for good.
 * Whether the server had already acted is unknown here: the next try is answered like a double
 * click (receipts for identical submits, versions on forms of values, operation ids on bulk work).
 */
export async function callAction<R>(run: () => Promise<R>): Promise<R | ActionFailure> {
  try {
    return await run();
  } catch {
    return unreachable;
  }
}

const unreachable: ActionFailure = { ok: false, formError: "unreachable" };

/** A refusal made in the browser because no answer came: the page cannot be refreshed either. */
export function isUnreachable(result: { ok: boolean; formError?: string }): boolean {
  return !result.ok && result.formError === "unreachable";
}
