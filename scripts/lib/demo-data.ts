// The demo data `npm start` seeds (scripts/start.ts): the company once, then its roll-out in
// progress (db/seed/rollout.ts) or, with DEMO_EMPLOYEES, the crisis-scale set (db/seed/crisis.ts).
import { register } from "node:module";
import type { Db } from "../../db/client";
import { seedDemo } from "../../db/seed/demo";
import { EnvError } from "../../lib/config/env-schema";

/**
 * The demo's shape: DEMO_EMPLOYEES=N seeds the crisis-scale set for N people (15000: issue 16's
 * figures) on a fresh .data/; otherwise the 2,000-person demo, mid-roll-out unless DEMO_ROLLOUT=0.
 */
export function demoShape(vars: NodeJS.ProcessEnv): { employees: number | null; rollout: boolean } {
  const employees = vars.DEMO_EMPLOYEES?.trim();
  if (employees && !(/^\d+$/.test(employees) && Number(employees) >= 300 && Number(employees) <= 100_000)) {
    throw new EnvError(["DEMO_EMPLOYEES must be a whole number of people from 300 to 100000 (e.g. 15000)."]);
  }
  const rollout = (vars.DEMO_ROLLOUT ?? "1").trim().toLowerCase();
  if (!["1", "true", "on", "0", "false", "off"].includes(rollout)) throw new EnvError(["DEMO_ROLLOUT must be 1 (the demo mid-roll-out, the default) or 0 (the demo before it starts)."]);
  return { employees: employees ? Number(employees) : null, rollout: ["1", "true", "on"].includes(rollout) };
}

/** Demo data: the company once, then its roll-out or the crisis-scale set once. */
export async function seedDemoData(db: Db, encryptionKey: Buffer, shape: ReturnType<typeof demoShape>, log: (line: string) => void) {
  if (shape.employees !== null) {
    // The crisis set locks last month through lib/ (lib/rht/periods.ts), loaded as the roll-out's below.
    register("./server-only-hook.mjs", import.meta.url);
    const { seedCrisis } = await import("../../db/seed/crisis");
    const started = performance.now();
    const steps = await seedCrisis(db, { employees: shape.employees, encryptionKey, log });
    if (steps) log(`Crisis-scale demo seeded for ${shape.employees.toLocaleString("en")} people in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    else log("DEMO_EMPLOYEES applies to a fresh .data/ only: this one already has its demo data (delete .data/ to start over).");
    return;
  }
  const result = await seedDemo(db, { encryptionKey });
  if (result.seeded) log(`Demo data seeded: ${result.employees} employees of Transalpina SA.`);
  if (shape.rollout) await seedRolloutOnce(db, encryptionKey, log);
}

/** The demo's roll-out, once (db/seed/rollout.ts). */
export async function seedRolloutOnce(db: Db, encryptionKey: Buffer, log: (line: string) => void) {
  const [pending] = (await db.$client`select not exists (select 1 from app_meta where key in ('demo_rollout', 'demo_crisis')) as pending`) as { pending: boolean }[];
  if (!pending.pending) return;
  // The roll-out writes part of its data through lib/ (RHT locks, case snapshots), loaded as the tests load it.
  register("./server-only-hook.mjs", import.meta.url);
  const { seedRollout } = await import("../../db/seed/rollout");
  const started = performance.now();
  const done = await seedRollout(db, { encryptionKey });
  if (done) {
    log(
      `Demo roll-out seeded (day 3 of 5) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${done.invited} invited, ${done.signedIn} signed in, ` +
        `${done.devices} devices out, ${done.waiting} waiting for a laptop, ${done.openTickets} open tickets, ${done.month} hours filled.`,
    );
  }
}
