import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this file: it diffs db/schema against the
// committed snapshots, so it needs no database. Migrations are applied by
// scripts/start.ts and the test setup through drizzle-orm's migrator.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
