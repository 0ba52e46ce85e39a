import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";

export type AdminOverview = {
  activeEmployees: number;
  signedUp: number;
  activeSessions: number;
  mailPending: number;
  mailDead: number;
};

/** First figures of the crisis dashboard: roster size, sign-ups, and whether mail is flowing. */
export async function getAdminOverview(): Promise<AdminOverview> {
  const [row] = (await db().execute(sql`
    select
      (select count(*) from employees where active)::int as "activeEmployees",
      (select count(*) from users)::int as "signedUp",
      (select count(*) from sessions where expires > now())::int as "activeSessions",
      (select count(*) from outbox where status = 'pending')::int as "mailPending",
      (select count(*) from outbox where status = 'dead')::int as "mailDead"
  `)) as unknown as AdminOverview[];
  return row;
}
