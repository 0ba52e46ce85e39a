// `npx tsx bench/keep-db.ts`: the HTTP bench's crisis data set on a throwaway PostgreSQL, kept up
// (printing its URL) until Ctrl-C, to EXPLAIN a page's queries by hand. Never run by `npm run bench`.
import { register } from "node:module";
import { createDb, noConnectionLimits } from "../db/client";
import { parseKey } from "../lib/tokens/secret-box";
import { benchKey, startBenchDatabase } from "./lib/bench-database";

// The crisis seed locks last month through lib/rht (server-only, next-intl): loaded the way the tests load lib/.
register("./resolve-hook.mjs", import.meta.url);

async function main() {
  const database = await startBenchDatabase("keep", { settings: { shared_preload_libraries: "pg_stat_statements" } });
  const seedDb = createDb(database.url, { max: 4, limits: noConnectionLimits });
  const { seedCrisis } = await import("../db/seed/crisis");
  await seedCrisis(seedDb.db, { employees: Number(process.env.BENCH_EMPLOYEES ?? 15_000), encryptionKey: parseKey(benchKey), log: console.log });
  await seedDb.sql.end({ timeout: 5 });
  console.log(`ready: ${database.url}`);
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 60_000);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
