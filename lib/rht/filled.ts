// Which days of a month are filled (RHT-RULES.md, Decisions: an untouched day is empty,
// not "worked 0"). Pure, so the grid, the employee's submission and HR's "submit all
// imported months" count empty days the same way, and store a day the same way.

import { bookPublicHoliday, dayRefusal, type AbsenceKind, type Absences, type DayEntry } from "./rules";

/** A day of the month as the count sees it: its plan, whether it is a public holiday, whether it has a stored row. */
export type FillDay = { planned: number; holiday: boolean | string | null; filled: boolean };

/**
 * Working days still empty: planned and not a public holiday of the person's canton, with
 * no stored day. A planned public holiday without an entry is fine: it is booked as one.
 */
export function emptyWorkingDays(days: Iterable<FillDay>): number {
  let empty = 0;
  for (const day of days) if (day.planned > 0 && !day.holiday && !day.filled) empty += 1;
  return empty;
}

/** A day as the form sends it, parsed: a blank time field is null, not 0. */
export type EnteredDay = { worked: number | null; absenceKind: AbsenceKind | ""; absence: number | null; overtime: boolean };

/** Nothing typed on the day (no time, no absence, no overtime tick): it stays, or becomes again, empty. "0" is typed. */
export const isEmptyEntry = (entry: EnteredDay) => entry.worked === null && entry.absence === null && entry.absenceKind === "" && !entry.overtime;

/**
 * What a filled day stores, or why it is refused. On a planned public holiday the holiday's
 * minutes are whatever the plan leaves after the hours worked and other absences, so a
 * `public_holiday` the entry carries (the grid shows the booked rest) is recomputed, never
 * counted against the plan; any other day is checked and stored as entered.
 */
export function filledDay(planned: number, isHoliday: boolean, entry: EnteredDay): { refusal: ReturnType<typeof dayRefusal>; worked: number; absences: Absences } {
  const worked = entry.worked ?? 0;
  const absence = entry.absence ?? 0;
  const derived = isHoliday && planned > 0 && entry.absenceKind === "public_holiday";
  const checked: DayEntry = derived ? { worked, absenceKind: "", absence: 0, overtime: entry.overtime } : { worked, absenceKind: entry.absenceKind, absence, overtime: entry.overtime };
  const absences: Absences = checked.absenceKind && checked.absence > 0 ? { [checked.absenceKind]: checked.absence } : {};
  return { refusal: dayRefusal(planned, checked), worked, absences: bookPublicHoliday({ planned, worked, absences }, isHoliday).absences };
}
