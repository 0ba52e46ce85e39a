import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { rolloutClock } from "./rollout-clock";
import { seedDevices } from "./rollout-devices";
import { invitedPeople, seedSignInsAndEligibility, seedWaves, untouchable } from "./rollout-people";
import { seedPlansAndReviews } from "./rollout-plans";
import { seedRhtMonth } from "./rollout-rht";
import { incidentIsp, seedTokensAndTests } from "./rollout-steps";
import { seedTickets } from "./rollout-tickets";

// The default demo, mid-roll-out (issue 16 point 8): day 3 of 5, with people at every step,
// a device queue with positions and dates (laptop deliveries planned), IT's queue with a
// suggested incident and reviews due (a third decided), and last month's short-time hours
// filled with one unit locked. Added once on top of the base demo
// (db/seed/demo.ts), also to an existing .data/; the four demo accounts and the e2e suite's
// office workers are never part of it. Deterministic: each person's story comes from their
// employee number; only the instants follow the day it runs.

export const rolloutSeedVersion = "1";

export type RolloutSummary = { invited: number; signedIn: number; eligible: number; devices: number; waiting: number; openTickets: number; month: string };

/**
 * Who works the roll-out besides the demo accounts: three call-centre team leads help IT
 * with tickets, and a member of the Direction does HR's part of short-time work.
 */
async function crisisStaff(tx: Tx): Promise<{ agents: string[]; hr: string }> {
  const agents = (await tx.execute(sql`
    select e.id from employees e join org_units o on o.id = e.org_unit_id
     where o.code = 'CC' and e.job_family = 'team_lead' and e.active and e.work_email is not null and not ${untouchable}
     order by e.number limit 3`)) as unknown as { id: string }[];
  const [hr] = (await tx.execute(sql`
    select e.id from employees e join org_units o on o.id = e.org_unit_id
     where o.code = 'DIR' and e.active and e.work_email is not null and not ${untouchable} order by e.number limit 1`)) as unknown as { id: string }[];
  await tx.execute(sql`
    insert into employee_roles (employee_id, role)
    select (x->>'id')::uuid, (x->>'role')::staff_role from jsonb_array_elements(${JSON.stringify([...agents.map((a) => ({ id: a.id, role: "it_agent" })), { id: hr.id, role: "hr" }])}::jsonb) x
    on conflict do nothing`);
  return { agents: agents.map((a) => a.id), hr: hr.id };
}

/**
 * Seeds the roll-out once per database (app_meta `demo_rollout`), after the base demo.
 * Returns null when there is nothing to do: already seeded, no base demo, or a crisis-scale set.
 */
export async function seedRollout(db: Db, options: { encryptionKey: Buffer; now?: Date }): Promise<RolloutSummary | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('passerelle-demo-seed'))`);
    const meta = (await tx.execute(sql`select key from app_meta where key in ('demo_seed', 'demo_rollout', 'demo_crisis')`)) as unknown as { key: string }[];
    const keys = new Set(meta.map((m) => m.key));
    if (!keys.has("demo_seed") || keys.has("demo_rollout") || keys.has("demo_crisis")) return null;

    const clock = rolloutClock(options.now ?? new Date());
    const staff = await crisisStaff(tx);
    await seedWaves(tx, clock);
    const stories = await invitedPeople(tx);
    await seedSignInsAndEligibility(tx, clock, stories);
    const allocations = await seedDevices(tx, clock, stories);
    const steps = await seedTokensAndTests(tx, clock, stories, allocations, options.encryptionKey);
    await seedTickets(tx, clock, stories, steps, staff.agents, incidentIsp);
    await seedPlansAndReviews(tx, clock, staff.agents[0]);
    const { month } = await seedRhtMonth(tx, clock, staff.hr);
    await tx.execute(sql`insert into app_meta (key, value) values ('demo_rollout', ${rolloutSeedVersion})`);

    const devices = [...allocations.values()];
    const [{ open }] = (await tx.execute(sql`select count(*)::int as open from tickets where status not in ('resolved', 'closed')`)) as unknown as { open: number }[];
    return {
      invited: stories.length,
      signedIn: stories.filter((s) => s.signedInAt).length,
      eligible: stories.filter((s) => s.decision?.outcome === "eligible").length,
      devices: devices.filter((a) => a.status !== "waiting").length,
      waiting: devices.filter((a) => a.status === "waiting").length,
      openTickets: open,
      month,
    };
  });
}
