import "server-only";
import { desc, sql } from "drizzle-orm";
import { devMailbox } from "@/db/schema";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/auth/schema";

/** The dev mailbox hands out sign-in links: it exists only in demo mode without SMTP. */
export function devMailboxEnabled(): boolean {
  return env().devMailbox;
}

export type DevMail = {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  deliveredAt: Date;
};

export async function listDevMail(to?: string | null, limit = 50): Promise<DevMail[]> {
  const address = to ? normalizeEmail(to) : null;
  const rows = await db()
    .select()
    .from(devMailbox)
    .where(address ? sql`lower(${devMailbox.toAddress}) = ${address}` : undefined)
    .orderBy(desc(devMailbox.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    text: r.textBody,
    html: r.htmlBody,
    links: r.links,
    deliveredAt: r.deliveredAt,
  }));
}
