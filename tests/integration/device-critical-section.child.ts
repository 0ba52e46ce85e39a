// A process that asks for a VDI seat and stops right after the unit is taken, before the
// commit, and tells its parent (tests/integration/device-critical-section.test.ts), which then
// kills it: a real crash of the app mid-request. Run with `node --import tsx`, the database in
// DATABASE_URL, the employee as the first argument.
import { register } from "node:module";
import type { SQL } from "drizzle-orm";

register("../../bench/resolve-hook.mjs", import.meta.url);
const { sql } = await import("drizzle-orm");
const { db } = await import("../../lib/db");
const { requestDevice } = await import("../../lib/devices/service");

await db().transaction(async (tx) => {
  const [{ pid }] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
  const dialect = (tx as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string } } }).dialect;
  const watched = new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop !== "execute") return Reflect.get(target, prop, receiver);
      return async (query: SQL) => {
        const result = await target.execute(query);
        if (/update resource_pools set in_use/.test(dialect.sqlToQuery(query).sql)) {
          process.send!({ decided: true, pid });
          await new Promise(() => {});
        }
        return result;
      };
    },
  });
  await requestDevice(watched, process.argv[2], "vdi");
});
