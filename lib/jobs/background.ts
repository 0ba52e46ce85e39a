import "server-only";
import type { Tx } from "@/db/client";
import { sendCrisisSummaryIfDue } from "@/lib/admin/crisis-summary";
import { foldAdminRollups } from "@/lib/admin/rollups";
import { serveSignInRequests } from "@/lib/auth/sign-in-requests";
import { purgeReceipts } from "@/lib/auth/receipts";
import { purgeOldConnectivityTests } from "@/lib/connectivity/service";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { promoteAllQueues } from "@/lib/devices/service";
import { logger } from "@/lib/log/logger";
import { purgeSentMail } from "@/lib/mail/retention";
import { configuredTransport } from "@/lib/mail/transport";
import { deliverDueEmails, purgeExpired } from "@/lib/mail/worker";
import { warmUnitMonths } from "@/lib/rht/unit-months";
import { sendDueInvitations } from "@/lib/roster/waves";

// One loop per instance. Every job is safe to run on many instances at once:
// mail is claimed with SKIP LOCKED, queue promotion locks the pool rows.

const state = globalThis as unknown as { __passerelleWorker?: { stop(): void } };

/** A job's transaction: background work, so not held to a web request's few seconds a statement. */
function jobTransaction<T>(job: (tx: Tx) => Promise<T>): Promise<T> {
  return db().transaction(async (tx) => {
    await allowLongWork(tx);
    return job(tx);
  });
}

async function every(lastRun: { at: number }, intervalMs: number, job: () => Promise<unknown>, name: string) {
  if (Date.now() - lastRun.at < intervalMs) return;
  lastRun.at = Date.now();
  try {
    await job();
  } catch (error) {
    logger.error({ job: name, err: error }, "background job failed");
  }
}

export function startBackgroundWorker(): void {
  if (state.__passerelleWorker) return;
  let stopped = false;
  const transport = configuredTransport();
  const purge = { at: 0 };
  const promote = { at: 0 };
  const summary = { at: 0 };
  const invite = { at: 0 };
  const signIn = { at: 0 };
  const rht = { at: 0 };
  const rollups = { at: 0 };
  const loop = async () => {
    while (!stopped) {
      let busy = false;
      try {
        const { sent, failed } = await deliverDueEmails(transport);
        busy = sent + failed >= 20;
      } catch (error) {
        logger.error({ job: "mail", err: error }, "background job failed");
      }
      // Sign-in requests are served right after their answer; this pass catches any left by a crash.
      await every(signIn, 1000, () => serveSignInRequests(), "sign-in-requests");
      // A new day opens a new activation wave: the queues move without anyone clicking.
      await every(promote, 60_000, () => jobTransaction(promoteAllQueues), "promote-queues");
      await every(invite, 60_000, () => jobTransaction(sendDueInvitations), "invitation-waves");
      await every(summary, 60_000, () => jobTransaction(sendCrisisSummaryIfDue), "crisis-summary");
      // HR's month overview: units whose hours changed are recomputed here rather than on HR's next view.
      await every(rht, 15_000, () => warmUnitMonths(), "rht-unit-months");
      // The dashboard's counts: changes appended since the last fold are folded (readers add them until then).
      await every(rollups, 5_000, () => foldAdminRollups(), "admin-rollups");
      await every(purge, 10 * 60_000, () => Promise.all([purgeExpired(), purgeOldConnectivityTests(), purgeReceipts(db()), purgeSentMail()]), "purge");
      if (!busy) await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void loop();
  state.__passerelleWorker = { stop: () => (stopped = true) };
  logger.info({ transport: transport.name }, "background worker started");
}
