// By when a "needs review" is decided (issue 17 point 4): a number of working days after the
// day the person answered, in Zurich's calendar, skipping weekends and the public holidays of
// the person's canton (and the national ones). Pure: the holidays are given.

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isWeekend = (iso: string) => {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * The day the decision is due: `workingDays` working days after `answeredOn` (answered on a
 * Friday with 2 days: Tuesday). The day itself does not count, whatever time it was.
 */
export function reviewDueDay(answeredOn: string, workingDays: number, closedDays: ReadonlySet<string>): string {
  let day = answeredOn;
  for (let left = Math.max(1, workingDays); left > 0; ) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !closedDays.has(day)) left -= 1;
  }
  return day;
}
