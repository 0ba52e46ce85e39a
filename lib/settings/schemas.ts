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

/** A text in the three languages of the portal; an empty one is not written yet. */
const cannedTexts = (max: number) =>
  z
    .object({ fr: z.string().trim().max(max, "tooLong"), de: z.string().trim().max(max, "tooLong"), en: z.string().trim().max(max, "tooLong") })
    .refine((texts) => Boolean(texts.fr || texts.de || texts.en), "cannedTextRequired");
export type CannedLanguage = "fr" | "de" | "en";
export const cannedLanguages: readonly CannedLanguage[] = ["fr", "de", "en"];

/**
 * Canned replies for IT, with {firstName} and {ticket} placeholders, each in French, German and
 * English: a reply goes out in the person's language (issue 15 point 6). Settings saved before
 * (one title and one body, written in English) still read: the title stands for every language
 * and the body becomes the English text, the others empty until an admin writes them.
 */
const cannedResponseSchema = z.preprocess(
  (value) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    const old = value as { title?: unknown; body?: unknown };
    return {
      ...value,
      title: typeof old.title === "string" ? { fr: old.title, de: old.title, en: old.title } : old.title,
      body: typeof old.body === "string" ? { fr: "", de: "", en: old.body } : old.body,
    };
  },
  z.object({ id: z.string().trim().min(1, "cannedIdRequired").max(60, "tooLong"), title: cannedTexts(200), body: cannedTexts(5000) }),
);
export const cannedResponsesSchema = z
  .array(cannedResponseSchema)
  .max(100)
  .refine((list) => new Set(list.map((r) => r.id)).size === list.length, "cannedIdTwice");
export type CannedResponse = z.infer<typeof cannedResponsesSchema>[number];

/**
 * The text of a canned reply for a reader of `language`, else (not written yet) the first
 * written one of English, French, German; `language` says which one it is.
 */
export function cannedText(texts: CannedResponse["body"], language: CannedLanguage): { text: string; language: CannedLanguage } {
  const chosen = texts[language] ? language : (["en", "fr", "de"] as const).find((l) => texts[l])!;
  return { text: texts[chosen], language: chosen };
}

export const defaultCannedResponses: CannedResponse[] = [
  {
    id: "ssl",
    title: { fr: "Utiliser le profil VPN SSL", de: "SSL-VPN-Profil verwenden", en: "Use the SSL VPN profile" },
    body: {
      fr: "Bonjour {firstName},\n\nVotre fournisseur d’accès bloque le VPN standard. Veuillez utiliser le profil VPN SSL (port 443) décrit dans votre guide de connexion : il fonctionne avec votre connexion.\n\nVotre équipe IT (demande n° {ticket})",
      de: "Guten Tag {firstName}\n\nIhr Internetanbieter blockiert das Standard-VPN. Bitte verwenden Sie das SSL-VPN-Profil (Port 443), das in Ihrer Verbindungsanleitung beschrieben ist: Es funktioniert mit Ihrer Verbindung.\n\nIhr IT-Team (Anfrage Nr. {ticket})",
      en: "Hello {firstName},\n\nYour provider blocks the standard VPN. Please use the SSL VPN profile (port 443) described in your connection guide. It works on your connection.\n\nYour IT team (request #{ticket})",
    },
  },
  {
    id: "router",
    title: { fr: "Routeur 4G en route", de: "4G-Router unterwegs", en: "4G router on its way" },
    body: {
      fr: "Bonjour {firstName},\n\nUn routeur 4G est en route vers chez vous. Une fois branché, veuillez refaire le test de connexion dans Passerelle.\n\nVotre équipe IT (demande n° {ticket})",
      de: "Guten Tag {firstName}\n\nEin 4G-Router ist unterwegs zu Ihnen. Sobald er angeschlossen ist, führen Sie bitte den Verbindungstest in Passerelle noch einmal durch.\n\nIhr IT-Team (Anfrage Nr. {ticket})",
      en: "Hello {firstName},\n\nA 4G router is on its way to you. Once it is connected, please run the connection test again in Passerelle.\n\nYour IT team (request #{ticket})",
    },
  },
  {
    id: "call",
    title: { fr: "Nous vous appelons", de: "Wir rufen Sie an", en: "We will call you" },
    body: {
      fr: "Bonjour {firstName},\n\nNous vous appellerons aujourd’hui pour régler cela ensemble. Veuillez garder votre téléphone à portée de main.\n\nVotre équipe IT (demande n° {ticket})",
      de: "Guten Tag {firstName}\n\nWir rufen Sie heute an, um das gemeinsam zu lösen. Bitte halten Sie Ihr Telefon bereit.\n\nIhr IT-Team (Anfrage Nr. {ticket})",
      en: "Hello {firstName},\n\nWe will call you today to sort this out together. Please keep your phone at hand.\n\nYour IT team (request #{ticket})",
    },
  },
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
    .array(z.object({ from: z.iso.date(), to: z.iso.date() }).refine((s) => s.from <= s.to, "shutdownEndsBeforeStart"))
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
  /** Who decides a "needs review" (issue 17 point 4), and within how many working days of the answers. */
  reviewBy: z.enum(["hr", "it"]).default("hr"),
  reviewWorkingDays: z.number().int().min(1).max(20).default(2),
});
export type HrContact = z.infer<typeof hrContactSchema>;
export const defaultHrContact: HrContact = { name: "", email: "", phone: "", url: "", reviewBy: "hr", reviewWorkingDays: 2 };
