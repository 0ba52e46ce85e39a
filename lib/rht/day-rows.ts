import { daysOfMonth, shiftMonth } from "./month";
import type { Absences, DayRecord } from "./rules";

// An employee's days travel from PostgreSQL as one text, a line per day ("offset,planned,worked"
// and ",{absences}" when there are any; employee-months.ts builds it with string_agg): at crisis
// scale, parsing four arrays of 315,000 elements in the driver cost more than the month's figures.
// The offset counts days from the first day of the calendar below, whose strings every day shares.
// jsonb's text never holds a raw line feed (it writes \n inside strings), so lines split safely.

/** Every date from the first day of `fromMonth` to the last of `toMonth`, in order. */
export function calendar(fromMonth: string, toMonth: string): string[] {
  const dates: string[] = [];
  for (let m = fromMonth; m <= toMonth; m = shiftMonth(m, 1)) dates.push(...daysOfMonth(m));
  return dates;
}

/** The days of one employee's text, in its order; a day off the calendar is refused, never guessed. */
export function parseDayRows(text: string | null, dates: readonly string[]): DayRecord[] {
  if (!text) return [];
  const days: DayRecord[] = [];
  for (const line of text.split("\n")) {
    const a = line.indexOf(",");
    const b = line.indexOf(",", a + 1);
    const c = line.indexOf(",", b + 1);
    const date = dates[Number(line.slice(0, a))];
    if (a < 1 || b < 0 || date === undefined) throw new Error(`day row out of the calendar: ${line.slice(0, 40)}`);
    days.push({
      date,
      planned: Number(line.slice(a + 1, b)),
      worked: Number(c < 0 ? line.slice(b + 1) : line.slice(b + 1, c)),
      absences: c < 0 ? {} : (JSON.parse(line.slice(c + 1)) as Absences),
    });
  }
  return days;
}
