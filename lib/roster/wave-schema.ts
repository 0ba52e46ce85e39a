import { z } from "zod";

// Stored as jsonb, which refuses a lone UTF-16 surrogate: defineAction makes every input well-formed first.
const text = z.object({
  subject: z.string().trim().min(1, "rosterRequired").max(200, "tooLong"),
  body: z.string().trim().min(1, "rosterRequired").max(5000, "tooLong").refine((b) => b.includes("{link}"), "waveLinkMissing"),
});

/** A new invitation wave: who (site and/or unit, or everyone), how many a day, and the text in three languages. */
export const waveSchema = z.object({
  name: z.string().trim().min(1, "rosterRequired").max(100, "tooLong"),
  siteId: z.union([z.literal(""), z.uuid()]),
  orgUnitId: z.union([z.literal(""), z.uuid()]),
  perDay: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number({ error: "numberInvalid" }).int("numberInvalid").min(1, "numberNegative").max(20_000, "numberTooLarge")),
  template: z.object({ fr: text, de: text, en: text }),
});
export type WaveInput = z.output<typeof waveSchema>;

export const waveStatusSchema = z.object({ waveId: z.uuid(), status: z.enum(["active", "paused"]) });
