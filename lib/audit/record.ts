import "server-only";
import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

export type AuditEntry = {
  actorEmployeeId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Never secrets, tokens, addresses typed by strangers or AVS numbers. */
  details?: Record<string, unknown>;
};

/** Appends one audit row, inside the caller's transaction when given one. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorEmployeeId: entry.actorEmployeeId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? null,
  });
}
