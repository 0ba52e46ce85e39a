import { z } from "zod";
import { optionalPhone } from "@/lib/contact/phone";

export const devicePathSchema = z.object({ path: z.enum(["laptop", "vdi"], { error: "pathRequired" }) });

/** Swiss (and Liechtenstein) postcodes: four digits, 1000 to 9699. */
export const swissPostcode = z
  .string({ error: "postcodeRequired" })
  .trim()
  .regex(/^[1-9]\d{3}$/, "postcodeInvalid")
  .refine((v) => Number(v) >= 1000 && Number(v) <= 9699, "postcodeInvalid");

export const handoverSchema = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal("collect"), slotId: z.uuid({ error: "slotRequired" }) }),
    z.object({
      method: z.literal("ship"),
      street: z.string({ error: "streetRequired" }).trim().min(3, "streetRequired").max(120, "tooLong"),
      addressExtra: z.string().trim().max(120, "tooLong").optional().or(z.literal("")),
      postcode: swissPostcode,
      city: z
        .string({ error: "cityRequired" })
        .trim()
        .min(2, "cityRequired")
        .max(60, "tooLong")
        .regex(/^[\p{L}][\p{L}\p{M} .'’()/-]*$/u, "cityInvalid"),
      phone: optionalPhone,
    }),
  ],
  { error: "methodRequired" },
);

export type HandoverInput = z.infer<typeof handoverSchema>;
