// A process that asks for a VDI seat and stops right after the unit is taken, before the
// commit, and tells its parent (tests/integration/device-critical-section.test.ts), which then
// kills it: a real crash of the app mid-request. Run with `node --import tsx`, the database in
// DATABASE_URL, the employee as the first argument.
import { register } from "node:module";

register("../../bench/resolve-hook.mjs", import.meta.url);
const { sql } = await import("drizzle-orm");
const { db } = await import("../../lib/db");
const { requestDevice } = await import("../../lib/devices/service");
const { watched } = await import("./device-critical-section.watch");

await db().transaction(async (tx) => {
  const [{ pid }] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
  const watch = watched(tx, {
    done: async (text) => {
      if (!/update resource_pools set in_use/.test(text)) return;
      process.send!({ decided: true, pid });
      await new Promise(() => {});
    },
  });
  await requestDevice(watch, process.argv[2], "vdi");
});
