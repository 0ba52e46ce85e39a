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
