import { getCaseSteps, hasOpenTicket } from "@/lib/onboarding/queries";
import { nextAction } from "@/lib/onboarding/rules";

/** The person's next step as the pages make it: from their steps and whether IT has a request of theirs open. */
export async function getNextAction(employeeId: string) {
  const [steps, open] = await Promise.all([getCaseSteps(employeeId), hasOpenTicket(employeeId)]);
  return nextAction(steps, open);
}
