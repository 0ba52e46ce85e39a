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
  return parseSetting(key, row ? row.value : undefined, schema, fallback);
}

/**
 * A setting's stored value (`undefined` when it has no row) parsed with its schema; the fallback when
 * missing or invalid. For readers that fetch the value with other data in one statement.
 */
export function parseSetting<T>(key: string, value: unknown, schema: z.ZodType<T>, fallback: T): T {
  if (value === undefined) return fallback;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    // Never silently: a broken setting is an operator's mistake to see in the logs.
    logger.warn({ setting: key, issues: parsed.error.issues.map((i) => i.path.join(".")) }, "invalid setting, using the default");
    return fallback;
  }
  return parsed.data;
}
