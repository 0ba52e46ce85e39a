import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb, noConnectionLimits } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export async function migrateDatabase(url: string): Promise<void> {
  const { db, sql } = createDb(url, { max: 1, limits: noConnectionLimits });
  try {
    await migrate(db, { migrationsFolder });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
