import { z } from "zod";

// Months as "YYYY-MM", the way URLs, forms and the database's first-of-month dates meet.

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(monthPattern, "monthInvalid");

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
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

export function daysOfMonth(month: string): string[] {
  const [year, m] = month.split("-").map(Number);
  const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}
