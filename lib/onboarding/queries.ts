import "server-only";
import { eq } from "drizzle-orm";
import { onboardingCases } from "@/db/schema";
import { db } from "@/lib/db";
import { emptyCase, type CaseSteps } from "./rules";

/** The employee's case, or the untouched case when they have not started (nothing is written on a read). */
export async function getCaseSteps(employeeId: string): Promise<CaseSteps> {
  const [row] = await db()
    .select({
      eligibility: onboardingCases.eligibility,
      device: onboardingCases.device,
      path: onboardingCases.path,
      token: onboardingCases.token,
      connectivity: onboardingCases.connectivity,
    })
    .from(onboardingCases)
    .where(eq(onboardingCases.employeeId, employeeId));
  return row ?? emptyCase;
}
