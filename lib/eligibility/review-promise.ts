import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { getSetting } from "@/lib/settings/queries";
import { defaultHrContact, hrContactSchema } from "@/lib/settings/schemas";

/** Who decides the person's review and by when: the open review ticket's due time (issue 17 point 4). */
export type ReviewPromise = { by: "hr" | "it"; dueAt: Date } | null;

export async function reviewPromise(employeeId: string, tx: DbOrTx = db()): Promise<ReviewPromise> {
  const [row] = (await tx.execute(sql`
    select sla_due_at as "dueAt" from tickets
     where employee_id = ${employeeId} and category = 'eligibility_review' and status not in ('resolved', 'closed')`)) as unknown as { dueAt: string }[];
  if (!row) return null;
  const { reviewBy } = await getSetting("hr_contact", hrContactSchema, defaultHrContact, tx);
  return { by: reviewBy, dueAt: new Date(row.dueAt) };
}
