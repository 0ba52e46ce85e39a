import { z } from "zod";

export const settingSchema = z.object({
  key: z.enum(["connectivity", "device_recommendations", "vdi", "sla_hours", "canned_responses", "rht", "crisis_summary"]),
  value: z.string().min(2, "settingNotJson").max(200_000, "settingTooLarge"),
});

export const eligibilityRulesSchema = z.object({ value: z.string().min(2, "settingNotJson").max(200_000, "settingTooLarge") });

export const holidaySchema = z.object({
  canton: z.string().trim().toUpperCase().regex(/^(CH|[A-Z]{2})$/, "rosterCantonInvalid"),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid"),
  name: z.string().trim().min(1, "rosterRequired").max(100, "tooLong"),
});
export const holidayRemovalSchema = holidaySchema.pick({ canton: true, day: true });
