import { z } from "zod";

/** The status page's contact address form; the server then checks the address is one of the person's own. */
export const contactAddressSchema = z.object({
  address: z
    .string({ error: "contactAddressRequired" })
    .trim()
    .min(1, "contactAddressRequired")
    .max(254, "emailTooLong")
    .pipe(z.email({ error: "emailInvalid" })),
});

export type ContactAddressInput = z.infer<typeof contactAddressSchema>;
