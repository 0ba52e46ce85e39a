import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";

test("the audit log is append-only: updates, deletes and truncation are refused", async () => {
  await recordAudit(db(), { actorEmployeeId: null, action: "test.happened", targetType: "thing", targetId: "1" });
  const refusal = (statement: ReturnType<typeof sql>) =>
    db().execute(statement).then(
      () => "accepted",
      (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message),
    );
  expect(await refusal(sql`update audit_log set action = 'rewritten'`)).toMatch(/append-only \(UPDATE refused\)/);
  expect(await refusal(sql`delete from audit_log`)).toMatch(/append-only \(DELETE refused\)/);
  expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only \(TRUNCATE refused\)/);
  const rows = (await db().execute(sql`select action from audit_log`)) as unknown as { action: string }[];
  expect(rows.map((r) => r.action)).toEqual(["test.happened"]);
});
