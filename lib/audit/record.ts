import "server-only";
import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { maskAvs, maskAvsDeep } from "@/lib/log/avs";

export type AuditEntry = {
  actorEmployeeId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Never secrets, tokens, addresses typed by strangers or AVS numbers. */
  details?: Record<string, unknown>;
};

/**
 * Appends one audit row, inside the caller's transaction when given one.
 * Staff type free text (a correction reason, a note) that may hold an AVS
 * number: every string in details, and the target, is masked here, the one
 * place every caller goes through, since the log is append-only and kept.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorEmployeeId: entry.actorEmployeeId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : maskAvs(entry.targetId),
    details: entry.details === undefined ? null : maskAvsDeep(entry.details),
  });
}
