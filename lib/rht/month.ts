import { z } from "zod";

// Months as "YYYY-MM", the way URLs, forms and the database's first-of-month dates meet.

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(monthPattern, "monthInvalid");

// Called for every employee of an export (15,000 a month at crisis scale): plain arithmetic,
// no Date, no arrays.
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  const m = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${m < 10 ? "0" : ""}${m}`;
}

/** The asked month when it is well formed, else the current one. */
export function monthOrCurrent(asked: string | undefined, now = new Date()): string {
  return asked && monthPattern.test(asked) ? asked : `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The month's first day, as a UTC date (for formatting its name). */
export function monthStart(month: string): Date {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}

const monthDays = new Map<string, readonly string[]>();

/** The month's dates, "YYYY-MM-DD". Kept per month (asked once per employee by the export): never change the list. */
export function daysOfMonth(month: string): readonly string[] {
  let days = monthDays.get(month);
  if (!days) {
    const [year, m] = month.split("-").map(Number);
    const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
    days = Object.freeze(Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`));
    if (monthDays.size > 240) monthDays.clear();
    monthDays.set(month, days);
  }
  return days;
}
