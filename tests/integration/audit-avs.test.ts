import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { maskAvs } from "@/lib/log/avs";

// Free text typed by staff (a correction reason, a note) may hold an AVS
// number; the audit log keeps the text but never the number.

test.each([
  ["dotted", "Client 756.1234.5678.97 called", "Client [AVS] called"],
  ["bare", "AVS 7561234567897.", "AVS [AVS]."],
  ["spaced", "756 1234 5678 97 twice: 756.9999.8888.77", "[AVS] twice: [AVS]"],
  ["a longer number is left alone", "7561234567897123", "7561234567897123"],
  ["nothing to mask", "Corrected after a call", "Corrected after a call"],
])("maskAvs: %s", (_label, text, expected) => {
  expect(maskAvs(text)).toBe(expected);
});

test("recordAudit masks AVS numbers in every string of details, however deep, and in the target", async () => {
  await recordAudit(db(), {
    actorEmployeeId: null,
    action: "rht.correct",
    targetType: "employee",
    targetId: "756.1234.5678.97",
    details: { month: "2026-03", reason: "Wrong hours for 756.1234.5678.97 (see 7561234567897)", nested: { list: ["ok", "756.1111.2222.33"], n: 3, flag: true, none: null } },
  });
  const [row] = (await db().execute(sql`select target_id as "targetId", details from audit_log where action = 'rht.correct'`)) as unknown as { targetId: string; details: Record<string, unknown> }[];
  const stored = JSON.stringify(row);
  expect(stored).not.toMatch(/756\.?\d{4}/);
  expect(row.details).toEqual({ month: "2026-03", reason: "Wrong hours for [AVS] (see [AVS])", nested: { list: ["ok", "[AVS]"], n: 3, flag: true, none: null } });
  expect(row.targetId).toBe("[AVS]");
});
