import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/** Keys are hashed: no address or IP is stored in clear. */
export function rateKey(kind: string, value: string): string {
  return `${kind}:${createHash("sha256").update(value).digest("hex").slice(0, 32)}`;
}

/**
 * Counts one hit in a fixed window shared by every instance (the counter lives
 * in PostgreSQL, incremented atomically), and says whether it is within `limit`.
 * Inside an action, pass its transaction (and refuse with `ActionError.keeping`
 * so the hit survives the refusal): a second pool connection taken while the
 * transaction holds one is how a burst deadlocks the instance.
 */
export async function hitRateLimit(tx: DbOrTx, key: string, limit: number, windowMinutes: number): Promise<RateDecision> {
  const windowSeconds = windowMinutes * 60;
  const rows = (await tx.execute(sql`
    insert into rate_limits as r (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = r.count + 1
    returning count, extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))::int as remaining
  `)) as unknown as { count: number; remaining: number }[];
  const { count, remaining } = rows[0];
  return { allowed: count <= limit, retryAfterSeconds: Math.max(1, remaining) };
}
