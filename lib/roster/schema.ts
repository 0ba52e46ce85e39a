import { z } from "zod";
import { staffRoles } from "@/lib/auth/roles";

export const roleChangeSchema = z.object({
  number: z.string().trim().min(1, "employeeNotFound").max(40, "employeeNotFound"),
  role: z.enum(staffRoles),
  grant: z.boolean(),
});
