import { z } from "zod";
import { staffRoles } from "@/lib/auth/roles";
import { maxImportBytes } from "@/lib/csv/limits";

/** A roster file to check (dry run) or apply; deactivating absentees is opt-in. */
export const rosterImportSchema = z.object({
  file: z
    .instanceof(File, { message: "importNoFile" })
    .refine((f) => f.size > 0, "importNoFile")
    .refine((f) => f.size <= maxImportBytes, "importTooLarge"),
  mode: z.enum(["check", "apply"]),
  deactivateMissing: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const roleChangeSchema = z.object({
  number: z.string().trim().min(1, "employeeNotFound").max(40, "employeeNotFound"),
  role: z.enum(staffRoles),
  grant: z.boolean(),
});
