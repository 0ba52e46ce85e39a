import { z } from "zod";
import { normalisePhone } from "@/lib/contact/phone";

export const vdiSettingsSchema = z.object({
  webUrl: z.url(),
  clients: z.array(z.object({ os: z.string().min(1), url: z.url() })).max(10),
});
export type VdiSettings = z.infer<typeof vdiSettingsSchema>;
export const defaultVdiSettings: VdiSettings = { webUrl: "https://vdi.invalid", clients: [] };

export const recommendationSettingsSchema = z.object({ vdi: z.array(z.string()), laptop: z.array(z.string()) });

/** Time to answer a ticket, by priority, in hours. */
export const slaSettingsSchema = z.object({ urgent: z.number().positive(), high: z.number().positive(), normal: z.number().positive(), low: z.number().positive() });
export type SlaSettings = z.infer<typeof slaSettingsSchema>;
export const defaultSlaSettings: SlaSettings = { urgent: 1, high: 4, normal: 24, low: 72 };

/** Canned replies for IT, with {firstName} and {ticket} placeholders. */
export const cannedResponsesSchema = z.array(z.object({ id: z.string(), title: z.string(), body: z.string() })).max(100);
export type CannedResponse = z.infer<typeof cannedResponsesSchema>[number];
export const defaultCannedResponses: CannedResponse[] = [
  { id: "ssl", title: "Use the SSL VPN profile", body: "Hello {firstName},\n\nYour provider blocks the standard VPN. Please use the SSL VPN profile (port 443) described in your connection guide. It works on your connection.\n\nYour IT team (request #{ticket})" },
  { id: "router", title: "4G router on its way", body: "Hello {firstName},\n\nA 4G router is on its way to you. Once it is connected, please run the connection test again in Passerelle.\n\nYour IT team (request #{ticket})" },
  { id: "call", title: "We will call you", body: "Hello {firstName},\n\nWe will call you today to sort this out together. Please keep your phone at hand.\n\nYour IT team (request #{ticket})" },
];

/** Short-time work settings (../shared/RHT-RULES.md "Ambiguities": these defaults). */
export const rhtSettingsSchema = z.object({
  /** Waiting period deducted per period, in days (0 during parts of 2020–2021). */
  waitingDays: z.number().min(0).max(5),
  /** An earlier overtime balance above this is deducted, in minutes (20 h). */
  overtimeThresholdMinutes: z.number().int().min(0).max(100 * 60),
  /** Months the overtime balance looks back (6; 12 once a benefit period runs). */
  overtimeLookBackMonths: z.number().int().min(1).max(24),
  /** Days before and after a weekday public holiday whose loss is not compensable (0 = rule off). */
  holidayAdjacentDays: z.number().int().min(0).max(5),
  /** Company shutdowns (first and last day); lost time next to them is not compensable. */
  shutdowns: z
    .array(z.object({ from: z.iso.date(), to: z.iso.date() }).refine((s) => s.from <= s.to, "shutdown ends before it starts"))
    .max(50)
    .default([]),
  /** The short-time work authorisation: only days from/until these dates count (a period may start or end mid-month, Art. 48a OACI). */
  authorizedFrom: z.iso.date().nullable().default(null),
  authorizedUntil: z.iso.date().nullable().default(null),
  /** Working days before and after a shutdown whose loss is not compensable. */
  shutdownAdjacentDays: z.number().int().min(0).max(10).default(5),
  /** The department qualifies at this loss, in percent. */
  thresholdPercent: z.number().min(0).max(100),
  /** Who counts for the department threshold. */
  departmentBase: z.enum(["all_entitled", "with_loss"]),
  /** Base of the 85 % loss. */
  lossBase: z.enum(["normal_minus_absences", "normal"]),
  /** Periods above 85 % loss an employee may have in the benefit period. */
  over85MaxPeriods: z.number().int().min(0).max(24),
  /** Months over which periods above 85 % are counted. */
  over85WindowMonths: z.number().int().min(1).max(36),
  /** The insured salary cap, in francs a year (148,200 in 2020–2025); absent in settings saved before it existed. */
  insuredMaxYearlyFrancs: z.number().int().min(0).max(10_000_000).default(148_200),
});
export type RhtSettings = z.infer<typeof rhtSettingsSchema>;
export const defaultRhtSettings: RhtSettings = {
  waitingDays: 1,
  overtimeThresholdMinutes: 20 * 60,
  overtimeLookBackMonths: 6,
  holidayAdjacentDays: 2,
  shutdowns: [],
  authorizedFrom: null,
  authorizedUntil: null,
  shutdownAdjacentDays: 5,
  thresholdPercent: 10,
  departmentBase: "all_entitled",
  lossBase: "normal_minus_absences",
  over85MaxPeriods: 4,
  over85WindowMonths: 24,
  insuredMaxYearlyFrancs: 148_200,
};

/** The crisis cell's daily summary: who gets it, and at what hour (Zurich time). */
export const crisisSummarySettingsSchema = z.object({
  recipients: z.array(z.email()).max(50),
  hour: z.number().int().min(0).max(23),
  language: z.enum(["fr", "de", "en"]),
});
export type CrisisSummarySettings = z.infer<typeof crisisSummarySettingsSchema>;
export const defaultCrisisSummarySettings: CrisisSummarySettings = { recipients: [], hour: 7, language: "fr" };

/**
 * Whom people whose position cannot telework ask about the decision (issue 13 point 7). Every
 * field may be empty (an empty one is not shown); the pages link to what is given.
 */
export const hrContactSchema = z.object({
  name: z.string().trim().max(100),
  email: z.union([z.literal(""), z.email()]),
  /** Swiss or international, read by the one phone rule (lib/contact/phone.ts); kept as HR typed it. */
  phone: z
    .string()
    .trim()
    .max(30)
    .refine((value) => value === "" || normalisePhone(value).ok, "phoneInvalid"),
  /** A web page only: never a javascript: or data: link on an employee page. */
  url: z.union([z.literal(""), z.url({ protocol: /^https?$/ })]),
});
export type HrContact = z.infer<typeof hrContactSchema>;
export const defaultHrContact: HrContact = { name: "", email: "", phone: "", url: "" };
