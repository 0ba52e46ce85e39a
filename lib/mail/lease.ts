import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export type HeldLease = {
  /** Stops renewing (waiting for a renewal in flight); true if the claim was still ours at the last check. */
  stop(): Promise<boolean>;
};

/**
 * Keeps an outbox claim alive while its message is being sent: every third of the
 * lease, pushes `locked_until` forward, on the condition that the claim token is still
 * ours. Two renewals can fail (a busy database) before another worker may take the
 * row. Renewals are single autocommit statements, never a transaction held open.
 */
export function keepLease(pool: Db, id: number, token: string, leaseSeconds: number): HeldLease {
  let held = true;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const renew = async () => {
    try {
      const rows = await pool.execute(sql`
        update outbox set locked_until = now() + make_interval(secs => ${leaseSeconds})
         where id = ${id} and claim_token = ${token}::uuid and status = 'pending'
         returning id`);
      if (rows.length === 0) held = false;
    } catch {
      // Database unreachable for now: try again at the next tick while the lease lasts;
      // the fenced outcome write decides in the end.
    }
    schedule();
  };
  function schedule() {
    if (stopped || !held) return;
    timer = setTimeout(() => (inFlight = renew()), (leaseSeconds * 1000) / 3);
  }
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      return held;
    },
  };
}
