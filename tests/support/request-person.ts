import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import type { CurrentPerson } from "@/lib/roster/queries";

// Each simulated request carries its own signed-in person, so concurrent requests
// from different people can run at once. Use in a test file with:
//   vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);
// Only the session lookup is replaced; the wrapper, domain code and PostgreSQL are real.
const current = new AsyncLocalStorage<CurrentPerson>();

export const sessionModule = { getCurrentPerson: async () => current.getStore() ?? null };

export const asPerson = <T,>(person: CurrentPerson, fn: () => Promise<T>): Promise<T> => current.run(person, fn);

export function personOf(e: { id: string; number: string; firstName: string; lastName: string; workEmail: string | null }, roles: Role[] = ["employee"]): CurrentPerson {
  return { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail ?? "", locale: "en", language: "en", roles } as CurrentPerson;
}
