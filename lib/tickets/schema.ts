import { z } from "zod";

export const helpCategories = ["help_request", "device_problem", "token_problem", "no_connectivity"] as const;

/** The employee's "I need help" form. */
export const helpRequestSchema = z.object({
  category: z.enum(helpCategories, { error: "categoryRequired" }),
  description: z.string({ error: "descriptionRequired" }).trim().min(10, "descriptionTooShort").max(2000, "descriptionTooLong"),
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;
