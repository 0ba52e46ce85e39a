import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { settings } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";

/** A setting parsed with its schema; the fallback when missing or invalid. */
export async function getSetting<T>(key: string, schema: z.ZodType<T>, fallback: T, tx: DbOrTx = db()): Promise<T> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : fallback;
}
