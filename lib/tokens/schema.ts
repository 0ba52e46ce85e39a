import { z } from "zod";

export const otpCode = z
  .string({ error: "codeRequired" })
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "codeInvalid"));

export const verifyTotpSchema = z.object({ code: otpCode });

export const hardwareTokenSchema = z.object({
  serial: z
    .string({ error: "serialRequired" })
    .transform((v) => v.trim().toUpperCase())
    .pipe(z.string().min(1, "serialRequired").max(32, "serialInvalid").regex(/^[A-Z0-9-]{4,32}$/, "serialInvalid")),
  code: otpCode,
});

/** Recovery codes look like `ABCDE-FGHJK` (no I, L, O, U: nothing to misread). */
export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string({ error: "recoveryCodeRequired" })
    .transform((v) => v.trim().toUpperCase().replace(/\s+/g, ""))
    .pipe(z.string().regex(/^[0-9A-Z]{5}-?[0-9A-Z]{5}$/, "recoveryCodeInvalid")),
});
