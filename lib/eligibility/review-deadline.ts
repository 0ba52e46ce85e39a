import { addOpenDays } from "@/lib/calendar/days";

// By when a "needs review" is decided (issue 17 point 4): a number of working days after the
// day the person answered, in Zurich's calendar, skipping weekends and the public holidays of
// the person's canton (and the national ones). Pure: the holidays are given.

/**
 * The day the decision is due: `workingDays` working days after `answeredOn` (answered on a
 * Friday with 2 days: Tuesday). The day itself does not count, whatever time it was.
 */
export function reviewDueDay(answeredOn: string, workingDays: number, closedDays: ReadonlySet<string>): string {
  return addOpenDays(answeredOn, Math.max(1, workingDays), closedDays);
}
