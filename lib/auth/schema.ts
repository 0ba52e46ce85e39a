import { z } from "zod";

/**
 * The sign-in form. Error messages are message keys (translated by the form);
 * the same schema runs in the browser (react-hook-form) and on the server
 * (the sign-in route), so both say the same thing.
 */
export const signInSchema = z.object({
  email: z
    .string({ error: "emailRequired" })
    .trim()
    .min(1, "emailRequired")
    .max(254, "emailTooLong")
    .pipe(z.email({ error: "emailInvalid" })),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** Lower-cased and trimmed: how addresses are compared everywhere. */
export function normalizeEmail(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}
