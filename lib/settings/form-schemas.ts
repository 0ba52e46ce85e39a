import { z } from "zod";
import { confirmedField } from "@/lib/admin/big-change";
import { isoDate } from "@/lib/http/fields";
import { versionField } from "./version-field";

export const settingSchema = z.object({
  key: z.enum(["connectivity", "device_recommendations", "vdi", "sla_hours", "canned_responses", "rht", "crisis_summary", "hr_contact"]),
  value: z.string().min(2, "settingNotJson").max(200_000, "settingTooLarge"),
  version: versionField,
  /** "Yes, it is right" for a number moved more than tenfold (lib/admin/big-change.ts). */
  confirmed: confirmedField,
});

/** The rules, and the active version the editor showed (0: none yet). */
export const eligibilityRulesSchema = z.object({
  value: z.string().min(2, "settingNotJson").max(200_000, "settingTooLarge"),
  basedOn: z.coerce.number().int().min(0),
});

export const holidaySchema = z.object({
  canton: z.string().trim().toUpperCase().regex(/^(CH|[A-Z]{2})$/, "rosterCantonInvalid"),
  day: isoDate(),
  name: z.string().trim().min(1, "rosterRequired").max(100, "tooLong"),
});
export const holidayRemovalSchema = holidaySchema.pick({ canton: true, day: true });
