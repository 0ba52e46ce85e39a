import { z } from "zod";

// Field schemas shared by forms, actions and query strings. PostgreSQL refuses
// a NUL byte in text and an impossible date with an error, and an id that is
// not a uuid with another: each is refused here, at the edge, as a field error.

/** U+0000, which PostgreSQL cannot store in text. */
export const hasNul = (value: string) => value.includes("\u0000");

/** True when "YYYY-MM-DD" names a day that exists (no 2026-02-30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysIn(year, month);
}

// Counted by hand: Date.UTC maps years 0–99 to 1900–1999, and Date.parse accepts 2026-02-30.
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar day as "YYYY-MM-DD"; the message is the `errors` key shown next to the field. */
export const isoDate = (message = "dateInvalid") => z.string({ error: message }).refine(isCalendarDate, message);

/** A uuid as PostgreSQL reads one. */
export const uuid = (message?: string) => (message ? z.uuid({ error: message }) : z.uuid());

/** Free text without NUL bytes (the action wrapper refuses them too; this also covers query strings). */
export const safeText = (max: number) => z.string().max(max).refine((v) => !hasNul(v), "invalidCharacters");
