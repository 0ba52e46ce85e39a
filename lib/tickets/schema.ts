import { z } from "zod";
import { optionalPhone } from "@/lib/contact/phone";

export const helpCategories = ["help_request", "device_problem", "token_problem", "no_connectivity"] as const;

/** The employee's "I need help" form. */
export const helpRequestSchema = z.object({
  category: z.enum(helpCategories, { error: "categoryRequired" }),
  description: z.string({ error: "descriptionRequired" }).trim().min(10, "descriptionTooShort").max(2000, "descriptionTooLong"),
  /** "How can IT reach you?": E.164 after parsing; empty is no phone. */
  phone: optionalPhone,
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;
