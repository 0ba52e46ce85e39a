import { z } from "zod";
import { isoDate } from "@/lib/http/fields";
import { monthSchema } from "./month";
import { absenceKinds } from "./rules";

/** "7:30", "7.5", "7,5" or "7" hours → minutes; "" → 0. */
export function parseDuration(raw: string): number | null {
  const value = raw.trim();
  if (value === "") return 0;
  let match = value.match(/^(\d{1,2}):([0-5]\d)$/);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  match = value.match(/^(\d{1,2})(?:[.,](\d{1,2}))?$/);
  if (match) return Math.round((Number(match[1]) + Number(`0.${match[2] ?? "0"}`)) * 60);
  return null;
}

/** 504 → "8:24"; a negative balance (a flextime deficit) as "−3:30". */
export function formatDuration(minutes: number): string {
  const size = Math.abs(minutes);
  return `${minutes < 0 ? "−" : ""}${Math.floor(size / 60)}:${String(size % 60).padStart(2, "0")}`;
}

/** A time field: minutes, or null when left blank (an untouched day is empty, not "worked 0"). */
const duration = z
  .string()
  .max(6, "timeInvalid")
  .transform((v, ctx) => {
    if (v.trim() === "") return null;
    const minutes = parseDuration(v);
    if (minutes === null) {
      ctx.addIssue({ code: "custom", message: "timeInvalid" });
      return z.NEVER;
    }
    if (minutes > 24 * 60) {
      ctx.addIssue({ code: "custom", message: "timeTooLong" });
      return z.NEVER;
    }
    return minutes;
  });

/** One day of the grid. All blank (no overtime tick) is an empty day: not stored, its row deleted (lib/rht/filled.ts). */
export const dayEntrySchema = z.object({
  date: isoDate(),
  worked: duration,
  absenceKind: z.enum(["", ...absenceKinds], { error: "absenceInvalid" }),
  absence: duration,
  overtime: z.boolean(),
});

/** The month grid: one schema for the form and the server action. */
export const monthSheetSchema = z.object({
  month: monthSchema,
  days: z.array(dayEntrySchema).max(31),
});
export type MonthSheetInput = z.input<typeof monthSheetSchema>;

/** An org unit's month, for HR's approve / reopen / lock. */
export const periodSchema = z.object({ month: monthSchema, unitId: z.uuid("unitNotFound") });

/** An employee's month, named by employee number (HR). */
export const employeeMonthSchema = z.object({ month: monthSchema, number: z.string().trim().min(1, "employeeNotFound").max(40, "employeeNotFound") });

/** HR writes an employee's month before its unit is approved. */
export const hrSheetSchema = monthSheetSchema.extend({ number: employeeMonthSchema.shape.number });

/** A correction after lock needs its reason. */
export const correctionSchema = hrSheetSchema.extend({ reason: z.string().trim().min(5, "reasonRequired").max(1000, "reasonRequired") });

/** Reminders for a unit's month (or every unit's), once per operation id. */
export const reminderSchema = z.object({ month: monthSchema, unitId: z.union([z.literal("all"), z.uuid()]), operationId: z.uuid() });

