// HR's month overview (/hr) at 15,000 people, served by `monthOverview` from the per-unit
// cache (lib/rht/unit-months.ts): cold (every unit stale), warm (a pure cache read, one
// after another and 20 at once), and after one employee's day changed (one unit stale).
// Each time is also given as a multiple of the COPY floor measured in the same run.
// Loaded by bench/rht-export.ts after it pointed the app at its database.
import { sql } from "drizzle-orm";
import { percentile } from "./bench-database";
import { measure, mb } from "./measure";

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** JSON with keys sorted: the cache comes back from jsonb, whose key order is its own. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export async function benchOverview(month: string, floorMs: number): Promise<void> {
  const { monthOverview } = await import("../../lib/rht/unit-months");
  const { reviewMonth } = await import("../../lib/rht/periods");
  const { db } = await import("../../lib/db");
  const x = (value: number) => `${(value / floorMs).toFixed(2)}x COPY`;
  const query = async <T>(q: ReturnType<typeof sql>) => (await db().execute(q)) as unknown as T[];
  const cacheStamps = async () => canonical(await query(sql`select org_unit_id, generation, computed_at from rht_unit_months order by org_unit_id`));

  const [{ cached }] = await query<{ cached: number }>(sql`select count(*)::int as cached from rht_unit_months`);
  const cold = await measure(() => monthOverview(month));
  console.log(
    `RHT overview cold (${cold.result.units.length} units stale, ${cached} kept): ${ms(cold.ms)} = ${x(cold.ms)}; ` +
      `peak +${mb(cold.rss)} MB RSS, +${mb(cold.heap)} MB heap`,
  );

  // Warm: nothing changed, so every call is a read of the kept reviews (none recomputed).
  const before = await cacheStamps();
  const sequential: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const t = performance.now();
    await monthOverview(month);
    sequential.push(performance.now() - t);
  }
  // 20 at once: the first burst also opens the pool's other connections (as after 30 s idle,
  // when postgres.js closes them), so it is reported apart; the target is for the 5 after it.
  const burst = async () => {
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const t = performance.now();
        await monthOverview(month);
        latencies.push(performance.now() - t);
      }),
    );
    return { latencies, wall: performance.now() - started };
  };
  const opening = await burst();
  const concurrent: number[] = [];
  let burstWall = 0;
  for (let i = 0; i < 5; i += 1) {
    const { latencies, wall } = await burst();
    concurrent.push(...latencies);
    burstWall = Math.max(burstWall, wall);
  }
  const recomputed = (await cacheStamps()) !== before;
  const p95 = Math.max(percentile(sequential, 95), percentile(concurrent, 95));
  const warmOk = p95 < 200 && p95 <= 0.5 * floorMs && !recomputed;
  console.log(
    `RHT overview warm, 50 in turn: p50 ${ms(percentile(sequential, 50))}, p95 ${ms(percentile(sequential, 95))} = ${x(percentile(sequential, 95))}; ` +
      `20 at once (5 bursts): p50 ${ms(percentile(concurrent, 50))}, p95 ${ms(percentile(concurrent, 95))} = ${x(percentile(concurrent, 95))}, ` +
      `slowest burst ${ms(burstWall)}; first burst, opening pool connections: p95 ${ms(percentile(opening.latencies, 95))}, ${ms(opening.wall)} in all${recomputed ? "; RECOMPUTED a unit although nothing changed" : ""} (target p95 < 200 ms and ≤ 0.5x COPY) ${warmOk ? "OK" : "SLOW"}`,
  );

  // One person's worked day becomes a day with an hour lost: the trigger makes their unit
  // stale, the next overview recomputes that unit alone. The largest and the smallest unit.
  for (const code of ["PRD", "DIR"]) {
    const days = await query<{ employee_id: string; day: string; people: number }>(sql`
      select distinct on (d.employee_id) d.employee_id, d.day::text as day,
             (select count(*)::int from employees x where x.org_unit_id = o.id) as people
        from timesheet_days d join employees e on e.id = d.employee_id join org_units o on o.id = e.org_unit_id
       where o.code = ${code} and d.absences = '{}'::jsonb and d.worked_minutes = d.planned_minutes and d.planned_minutes >= 60
         and d.day >= ${`${month}-01`}::date and d.day < ${`${month}-01`}::date + interval '1 month'
       order by d.employee_id, d.day limit 5`);
    const runs: number[] = [];
    for (const d of days) {
      await db().execute(sql`update timesheet_days set worked_minutes = planned_minutes - 60 where employee_id = ${d.employee_id} and day = ${d.day}::date`);
      const t = performance.now();
      await monthOverview(month);
      runs.push(performance.now() - t);
    }
    const median = percentile(runs, 50);
    console.log(
      `RHT overview after one day changed in ${code} (${days[0]?.people.toLocaleString("en")} people, 1 unit stale, ${runs.length} runs): ` +
        `median ${ms(median)} = ${x(median)}, slowest ${ms(Math.max(...runs))} = ${x(Math.max(...runs))}`,
    );
  }

  // The cache must also be right: after those changes it equals a recomputation from the rows.
  const kept = await monthOverview(month);
  const fresh = await reviewMonth(month);
  const byId = <T extends { orgUnitId: string }>(units: T[]) => [...units].sort((a, b) => a.orgUnitId.localeCompare(b.orgUnitId));
  const byKey = <T extends { unitId?: string | null; code: string }>(checks: T[]) =>
    [...checks].sort((a, b) => `${a.unitId}:${a.code}`.localeCompare(`${b.unitId}:${b.code}`));
  const same = canonical(byId(kept.units)) === canonical(byId(fresh.units)) && canonical(byKey(kept.checks)) === canonical(byKey(fresh.checks));
  console.log(`RHT overview equals reviewMonth after the changes: ${same ? "yes" : "NO (the kept reviews differ from a recomputation)"}`);
}
