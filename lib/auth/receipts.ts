import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** JSON with sorted keys, so `{a, b}` and `{b, a}` are the same content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const receiptHash = (input: unknown): string => createHash("sha256").update(canonical(input)).digest("hex");

export type Receipt = { fresh: true } | { fresh: false; result: unknown };

/**
 * Claims (actor, action) for this content, in the caller's transaction. The row
 * lock makes a concurrent request of the same person to the same action wait
 * until this one commits; if it sent the same content within the window, it
 * then gets the stored answer instead of doing the work twice. Different
 * content, or the same after the window, is a new request.
 */
export async function claimReceipt(tx: DbOrTx, actor: string, action: string, hash: string, windowSeconds: number): Promise<Receipt> {
  const claimed = (await tx.execute(sql`
    insert into action_receipts as r (actor, action, input_hash) values (${actor}, ${action}, ${hash})
    on conflict (actor, action) do update set input_hash = excluded.input_hash, created_at = now(), result = null
     where r.input_hash <> excluded.input_hash or r.created_at < now() - make_interval(secs => ${windowSeconds})
    returning 1`)) as unknown as unknown[];
  if (claimed.length > 0) return { fresh: true };
  const [row] = (await tx.execute(sql`
    select result from action_receipts where actor = ${actor} and action = ${action}`)) as unknown as { result: unknown }[];
  return { fresh: false, result: row?.result ?? null };
}

export async function storeReceipt(tx: DbOrTx, actor: string, action: string, hash: string, result: unknown): Promise<void> {
  await tx.execute(sql`
    update action_receipts set result = ${JSON.stringify(result ?? null)}::jsonb
     where actor = ${actor} and action = ${action} and input_hash = ${hash}`);
}

/** Receipts only matter within their window; the purge keeps the table small. */
export async function purgeReceipts(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`delete from action_receipts where created_at < now() - interval '1 day'`);
}
