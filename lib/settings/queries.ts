import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { settings } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/log/logger";

/** A setting parsed with its schema; the fallback when missing or invalid. */
export async function getSetting<T>(key: string, schema: z.ZodType<T>, fallback: T, tx: DbOrTx = db()): Promise<T> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  if (!parsed.success) {
    // Never silently: a broken setting is an operator's mistake to see in the logs.
    logger.warn({ setting: key, issues: parsed.error.issues.map((i) => i.path.join(".")) }, "invalid setting, using the default");
    return fallback;
  }
  return parsed.data;
}
