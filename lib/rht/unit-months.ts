import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { logger } from "@/lib/log/logger";
import type { Check } from "./checks";
import { checkOrder } from "./checks";
import type { EmployeeFigures } from "./declaration";
import { reviewMonth, type UnitReview } from "./periods";

// HR's month per unit, computed once and kept until a row behind it changes. The figures
// are derived from days, months, contracts, periods, openings, settings and holidays;
// triggers on each of those tables bump a generation in the writing transaction
// (migration 0016). A review is computed in one snapshot together with the generation it
// saw, so it is served only while nothing has changed since: exact invalidation, no timer.

type Stored = { review: UnitReview; checks: Check[] } | { empty: true };
type Row = { id: string; generation: number | null; current: number; review: Stored | null; has_people: boolean };
/** A person's figures as the declaration's summary reads them back (export-kept.ts). */
export type KeptPerson = { id: string; f: EmployeeFigures };
// The people as the JSON text written: kept with the review for this instance's re-keeping
// (below), a few megabytes per month at crisis scale instead of 15,000 live objects.
type Computed = { generation: number; stored: Stored; people: string };

const first = (month: string) => `${month}-01`;

/**
 * The generation a kept row must carry to be current: its unit's own (`rht_generations` joined as
 * `g` on the unit) plus the global one. export-kept.ts repeats it in its cursor, written for the raw client.
 */
export const currentGeneration = sql`(coalesce(g.generation, 0) + coalesce((select generation from rht_generations where scope = 'all'), 0))`;

/** Dates come back from jsonb as strings. */
const revive = (u: UnitReview): UnitReview => ({ ...u, approvedAt: u.approvedAt ? new Date(u.approvedAt) : null, lockedAt: u.lockedAt ? new Date(u.lockedAt) : null });

/**
 * One unit's review as of one snapshot, and the generation of that snapshot. The generation
 * is read first, so the snapshot is taken then: a change committed later bumps it past.
 */
async function computeUnit(unitId: string, month: string): Promise<Computed> {
  return db().transaction(
    async (tx) => {
      // A large unit's month is recomputed in the background: long work, not a page's few seconds.
      await allowLongWork(tx);
      const [{ generation }] = (await tx.execute(sql`
        select (coalesce((select generation from rht_generations where scope = ${unitId}), 0)
              + coalesce((select generation from rht_generations where scope = 'all'), 0))::int as generation`)) as unknown as { generation: number }[];
      const people: KeptPerson[] = [];
      const { units, checks } = await reviewMonth(month, { unitId, tx, each: (e) => people.push({ id: e.employeeId, f: e.figures }) });
      const review = units.find((u) => u.orgUnitId === unitId);
      return { generation, stored: review ? { review, checks } : { empty: true }, people: JSON.stringify(people) };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** How many unit-months this instance has computed (tests count them). */
export const unitMonthComputations = { count: 0 };

// One computation per unit, month and generation in this instance: twenty HR requests arriving
// on a stale month share one result instead of each recomputing it (each holding a connection
// for a second at crisis scale). The last result per unit and month stays here, so a request that
// read the stale generation just before the result was kept gets it too; a newer generation
// replaces it, and a failure is forgotten. A request abandoned meanwhile leaves its result to the next ones.
type Entry = { generation: number; result: Promise<Computed>; settled: boolean };
const latest = new Map<string, Entry>();

async function computeOnce(unitId: string, month: string, current: number): Promise<Stored> {
  const key = `${unitId}:${month}`;
  const known = latest.get(key);
  if (known && known.generation >= current) {
    if (!known.settled) return (await known.result).stored; // its computation keeps it
    // Settled earlier, yet the kept row read just now is not current (kept rows can be cleared,
    // or another instance's write lost the race): keep it again, so what HR's page and the
    // export read from the database stays what this instance serves.
    const computed = await known.result;
    await keep(unitId, month, computed);
    return computed.stored;
  }
  const entry: Entry = { generation: current, result: computeAndKeep(unitId, month), settled: false };
  latest.set(key, entry);
  entry.result.then(
    () => (entry.settled = true),
    () => latest.get(key) === entry && latest.delete(key),
  );
  return (await entry.result).stored;
}

/** Kept only if no newer state was kept meanwhile (another instance may have computed too). */
async function keep(unitId: string, month: string, computed: Computed): Promise<void> {
  // A row kept before its people were (null) is replaced at the same generation.
  await db()
    .execute(sql`
      insert into rht_unit_months (org_unit_id, month, generation, review, people)
      values (${unitId}, ${first(month)}::date, ${computed.generation}, ${JSON.stringify(computed.stored)}::jsonb, ${computed.people}::jsonb)
      on conflict (org_unit_id, month) do update set generation = excluded.generation, review = excluded.review, people = excluded.people, computed_at = now()
       where rht_unit_months.generation < excluded.generation or (rht_unit_months.generation = excluded.generation and rht_unit_months.people is null)`)
    .catch((error: unknown) => logger.warn({ err: error }, "rht unit month not cached"));
}

async function computeAndKeep(unitId: string, month: string): Promise<Computed> {
  unitMonthComputations.count += 1;
  const computed = await computeUnit(unitId, month);
  await keep(unitId, month, computed);
  return computed;
}

/**
 * Every unit's month and the checks before export, as `reviewMonth` gives them, from the
 * cache where it is current and recomputed (then kept) where it is not.
 */
export async function monthOverview(month: string, unitId: string | null = null): Promise<{ units: UnitReview[]; checks: Check[] }> {
  const rows = (await db().execute(sql`
    select o.id, c.generation, c.review, c.people is not null as has_people,
           ${currentGeneration}::int as current
      from org_units o
      left join rht_generations g on g.scope = o.id::text
      left join rht_unit_months c on c.org_unit_id = o.id and c.month = ${first(month)}::date
     where ${unitId}::uuid is null or o.id = ${unitId}::uuid`)) as unknown as Row[];
  const units: UnitReview[] = [];
  const checks: Check[] = [];
  for (const row of rows) {
    const stored = row.generation === row.current && row.review && row.has_people ? row.review : await computeOnce(row.id, month, row.current);
    if ("empty" in stored) continue;
    units.push(revive(stored.review));
    checks.push(...stored.checks);
  }
  units.sort((a, b) => a.orgUnit.localeCompare(b.orgUnit) || a.orgUnitId.localeCompare(b.orgUnitId));
  return { units, checks: checks.sort(checkOrder) };
}

/**
 * Recomputes, in the background, the stale units of the months HR has looked at lately (they
 * have cache rows), so the page finds them current even while hours keep changing.
 */
export async function warmUnitMonths(now = new Date()): Promise<number> {
  const rows = (await db().execute(sql`
    select distinct to_char(month, 'YYYY-MM') as month from rht_unit_months
     where month >= date_trunc('month', ${now.toISOString()}::timestamptz) - interval '2 months'`)) as unknown as { month: string }[];
  for (const { month } of rows) await monthOverview(month);
  return rows.length;
}

/** At most this share of a month's people is recomputed before the declaration's first byte. */
const freshenShare = 0.2;

/**
 * Before the declaration's summary is read (export.ts): the month's stale units computed again
 * and kept, as HR's overview would, so the summary can read every unit's kept figures. Only for a
 * month HR has looked at (every unit has a kept row, and warmUnitMonths keeps them current), and
 * only when the stale units hold at most a fifth of its people: those are computed before the
 * file's first byte (a whole company's stale month took 3.3 s, a fifth of it 0.7 s on a slow
 * machine), and more is cheaper computed from the days in the export's one pass. A failure here
 * only costs the export that pass.
 */
export async function freshenKeptMonth(month: string, unitId: string | null): Promise<void> {
  try {
    const [row] = (await db().execute(sql`
      select count(*) filter (where c.org_unit_id is null)::int as missing,
             coalesce(sum(x.size), 0)::int as people,
             coalesce(sum(x.size) filter (where x.stale), 0)::int as stale
        from org_units o
        left join rht_unit_months c on c.org_unit_id = o.id and c.month = ${first(month)}::date
        left join rht_generations g on g.scope = o.id::text
        cross join lateral (
          select coalesce(jsonb_array_length(c.people), (c.review->'review'->>'employees')::int, 0) as size,
                 c.people is null or c.generation <> ${currentGeneration} as stale
        ) x
       where ${unitId}::uuid is null or o.id = ${unitId}::uuid`)) as unknown as { missing: number; people: number; stale: number }[];
    if (row.missing === 0 && row.stale <= freshenShare * row.people) await monthOverview(month, unitId);
  } catch (error) {
    logger.warn({ err: error }, "rht kept month not refreshed before the export");
  }
}
