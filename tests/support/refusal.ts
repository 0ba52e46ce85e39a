import { expect } from "vitest";
import { ActionError } from "@/lib/auth/action-error";

/** "accepted", or the message key of the domain's refusal (other errors propagate). */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof ActionError) return error.key;
    throw error;
  }
}

/**
 * An action's refusal exactly as it arrives: its keys (for the code) and each key's text in the
 * person's language (for the person; which language is tested in refusal-texts.test.ts).
 */
export function refused(formError: string, fieldErrors?: Record<string, string[]>) {
  const keys = [formError, ...Object.values(fieldErrors ?? {}).flat()];
  return { ok: false, formError, ...(fieldErrors ? { fieldErrors } : {}), messages: Object.fromEntries(keys.map((k) => [k, expect.any(String)])) };
}
