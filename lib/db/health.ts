import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export type DatabaseProbe = "ok" | "unavailable" | "timeout";

// The one `select 1` in flight per client, shared by every check that arrives
// while it waits: a hung server then costs one connection, not one per check.
const holder = globalThis as unknown as { __passerelleProbes?: WeakMap<Db, Promise<DatabaseProbe>> };

/**
 * Whether PostgreSQL answers, within `timeoutMs`. A server that refuses or
 * drops the connection gives "unavailable" as soon as postgres.js says so; one
 * that accepts and then says nothing (stopped, swapping, pool exhausted) gives
 * "timeout" when the timer wins the race.
 */
export async function probeDatabase(database: Db, timeoutMs = 2000): Promise<DatabaseProbe> {
  const probes = (holder.__passerelleProbes ??= new WeakMap());
  let pending = probes.get(database);
  if (!pending) {
    pending = database
      .execute(sql`select 1`)
      .then(
        () => "ok" as const,
        () => "unavailable" as const,
      )
      .finally(() => probes.delete(database));
    probes.set(database, pending);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseProbe>((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
