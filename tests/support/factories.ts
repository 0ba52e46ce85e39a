import { randomBytes, randomUUID } from "node:crypto";
import { employeeRoles, employees, sessions, users } from "@/db/schema";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/auth/roles";

let counter = 0;

export async function createEmployee(overrides: Partial<typeof employees.$inferInsert> = {}) {
  counter += 1;
  const suffix = `${Date.now().toString(36)}${counter}`;
  const [row] = await db()
    .insert(employees)
    .values({
      number: `T${suffix}`,
      firstName: "Test",
      lastName: `Person${counter}`,
      workEmail: `person.${suffix}@work.test`,
      jobFamily: "sales",
      ...overrides,
    })
    .returning();
  return row;
}

export async function grantRole(employeeId: string, role: StaffRole) {
  await db().insert(employeeRoles).values({ employeeId, role });
}

export async function createUserWithSession(employee: { id: string; workEmail: string | null }) {
  const [user] = await db()
    .insert(users)
    .values({ id: randomUUID(), email: employee.workEmail ?? `${employee.id}@x.test`, employeeId: employee.id })
    .returning();
  const token = randomBytes(16).toString("hex");
  await db().insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3600_000) });
  return { user, sessionToken: token };
}

/** Stock, rules and settings as the demo starts with them (small token stock). */
export async function seedJourney() {
  const { seedJourneyDefaults } = await import("@/db/seed/journey");
  await seedJourneyDefaults(db(), Buffer.from(process.env.TOKEN_ENCRYPTION_KEY!, "base64"), { hardwareTokens: 5 });
}

/** `count` employees whose eligibility check already said yes. */
export async function createEligibleEmployees(count: number, overrides: Partial<typeof employees.$inferInsert> = {}) {
  const { onboardingCases } = await import("@/db/schema");
  const rows = [];
  for (let i = 0; i < count; i += 1) rows.push(await createEmployee(overrides));
  await db().insert(onboardingCases).values(rows.map((r) => ({ employeeId: r.id, eligibility: "eligible" as const })));
  return rows;
}

export async function setPool(kind: "laptop" | "vdi_seat" | "vpn_licence", capacity: number, dailyActivationLimit: number | null) {
  const { resourcePools } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  await db().update(resourcePools).set({ capacity, dailyActivationLimit }).where(eq(resourcePools.kind, kind));
}
