import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** Runs a bulk operation once per `operationId`, whatever the retries and double clicks. */
export async function once<T extends Record<string, unknown>>(tx: DbOrTx, operationId: string, kind: string, actorId: string, run: () => Promise<T>): Promise<T & { repeated: boolean }> {
  const inserted = await tx.execute(sql`insert into bulk_operations (id, kind, actor_employee_id) values (${operationId}, ${kind}, ${actorId}) on conflict (id) do nothing returning id`);
  if (inserted.length === 0) {
    const [done] = (await tx.execute(sql`select result from bulk_operations where id = ${operationId}`)) as unknown as { result: T }[];
    return { ...done.result, repeated: true };
  }
  const result = await run();
  await tx.execute(sql`update bulk_operations set result = ${JSON.stringify(result)}::jsonb where id = ${operationId}`);
  return { ...result, repeated: false };
}
