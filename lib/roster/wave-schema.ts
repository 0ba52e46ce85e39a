import { z } from "zod";
import { confirmedField } from "@/lib/admin/big-change";

// Stored as jsonb, which refuses a lone UTF-16 surrogate: defineAction makes every input well-formed first.
const text = z.object({
  subject: z.string().trim().min(1, "rosterRequired").max(200, "tooLong"),
  body: z.string().trim().min(1, "rosterRequired").max(5000, "tooLong").refine((b) => b.includes("{link}"), "waveLinkMissing"),
});

/** The invitations per day a new wave's form starts from; more than ten times up or down from it asks for a confirmation. */
export const defaultWavePerDay = 200;

/** A new invitation wave: who (site and/or unit, or everyone), how many a day, and the text in three languages. */
export const waveSchema = z.object({
  name: z.string().trim().min(1, "rosterRequired").max(100, "tooLong"),
  siteId: z.union([z.literal(""), z.uuid()]),
  orgUnitId: z.union([z.literal(""), z.uuid()]),
  perDay: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number({ error: "numberInvalid" }).int("numberInvalid").min(1, "numberNegative").max(20_000, "numberTooLarge")),
  template: z.object({ fr: text, de: text, en: text }),
  confirmed: confirmedField,
});
/** `confirmed`: given by every form (a tenfold change from the default is refused unconfirmed), left out by scripts and tests. */
export type WaveInput = Omit<z.output<typeof waveSchema>, "confirmed"> & { confirmed?: boolean };

export const waveStatusSchema = z.object({ waveId: z.uuid(), status: z.enum(["active", "paused"]) });
