import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { workingConnectivity } from "@/lib/onboarding/rules";

// The crisis dashboard's figures are derived once (issue 16). Triggers (migration 0021) append
// to admin_rollup_deltas how a count moves when a row changes, and mark in admin_funnel_dirty
// the people whose funnel step may have moved; both are appends, so writers never wait on each
// other. `foldAdminRollups` (background worker, every few seconds) moves them into the small
// tables under one advisory lock, in one transaction. Readers add what is not folded yet, in
// the same snapshot as the folded rows: every figure equals a recomputation from the rows, at
// any time, folded or not, and no page aggregates over the whole history.

/**
 * A person's step in the roll-out funnel as one number: 0 roster, 1 invited, 2 signed in,
 * 3 eligible, 4 device, 5 token, 6 connectivity, 7 ready. Each step requires the ones before
 * (invited counts anyone who signed in), so "reached step s" is "level ≥ s". A person with two
 * computers counts the issued one.
 */
export function funnelLevels(who: SQL): SQL {
  return sql`
    select e.id, e.site_id, e.org_unit_id,
           (case when not (p.invited or p.signed_in) then 0 when not p.signed_in then 1 when not p.eligible then 2
                 when p.device is null then 3 when not p.token then 4 when not p.connectivity then 5
                 when p.device <> 'issued' then 6 else 7 end)::smallint as level
      from employees e
      left join onboarding_cases c on c.employee_id = e.id
      -- offset 0: each fact is looked up once, not once per mention in the case above.
      cross join lateral (select
        exists (select 1 from users u where u.employee_id = e.id) as signed_in,
        exists (select 1 from invitations i where i.employee_id = e.id) as invited,
        coalesce(c.eligibility = 'eligible', false) as eligible,
        coalesce(c.connectivity::text in ${workingConnectivity}, false) as connectivity,
        (select a.status::text from allocations a
          where a.employee_id = e.id and a.kind in ('laptop', 'vdi_seat') and a.status in ('reserved', 'issued')
          order by a.status desc limit 1) as device,
        exists (select 1 from mfa_tokens t where t.employee_id = e.id and t.status = 'active') as token
        offset 0) p
     where e.active and e.id in (${who})`;
}

/**
 * Active people per site, unit and level, exact now: the folded counts, minus the marked
 * people as they were folded, plus the marked people as they are.
 */
export const funnelCounts = sql`
  select site_id, org_unit_id, level, sum(people)::int as people from (
    select site_id, org_unit_id, level, people from admin_funnel_counts where people <> 0
    union all
    select p.site_id, p.org_unit_id, p.level, -1 from admin_funnel_people p where p.employee_id in (select employee_id from admin_funnel_dirty)
    union all
    select site_id, org_unit_id, level, 1 from (${funnelLevels(sql`select employee_id from admin_funnel_dirty`)}) fresh) x
   group by 1, 2, 3 having sum(people) <> 0`;

/**
 * One figure's counts by keys and bucket, exact now: the folded rows and the appended changes,
 * to be summed (every figure is a sum, so the reader's own sum merges them; grouping them here
 * first cost the dashboard a hash of every hourly bucket per view). `since`: only buckets
 * starting at or after it; `before`: only buckets starting before it (an index range on figure
 * and bucket).
 */
export function rolled(figures: string[], since: SQL = sql`'-infinity'::timestamptz`, before?: SQL): SQL {
  const list = sql.join(
    figures.map((f) => sql`${f}`),
    sql`, `,
  );
  const range = before ? sql`at >= ${since} and at < ${before}` : sql`at >= ${since}`;
  return sql`
    select figure, k1, k2, at, n from admin_rollups where figure in (${list}) and ${range}
    union all
    select figure, k1, k2, at, n from admin_rollup_deltas where figure in (${list}) and ${range}`;
}

/**
 * Folds the marks and changes into the rollup tables. One instance at a time (a transaction's
 * advisory lock; another instance's fold in progress means there is nothing to do now). In one
 * transaction, so a reader sees either the marks or their folded result, never both or neither.
 */
export async function foldAdminRollups(pool: Db = db()): Promise<{ people: number; changes: number } | null> {
  return pool.transaction(async (tx) => {
    // A fold after a mass change (a roster import) may take more than a page's few seconds.
    await allowLongWork(tx);
    const [{ locked }] = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('admin_rollups_fold')) as locked`)) as unknown as { locked: boolean }[];
    if (!locked) return null;
    // The level is computed in this statement's snapshot, which also decides which marks it takes.
    const people = (await tx.execute(sql`
      with taken as (delete from admin_funnel_dirty returning employee_id),
      who as (select distinct employee_id as id from taken),
      fresh as (${funnelLevels(sql`select id from who`)}),
      old as (select p.site_id, p.org_unit_id, p.level from admin_funnel_people p join who on who.id = p.employee_id),
      gone as (delete from admin_funnel_people p using who where p.employee_id = who.id and not exists (select 1 from fresh f where f.id = p.employee_id)),
      kept as (
        insert into admin_funnel_people (employee_id, site_id, org_unit_id, level) select id, site_id, org_unit_id, level from fresh
        on conflict (employee_id) do update set site_id = excluded.site_id, org_unit_id = excluded.org_unit_id, level = excluded.level),
      moved as (select site_id, org_unit_id, level, -1 as n from old union all select site_id, org_unit_id, level, 1 from fresh),
      counted as (
        insert into admin_funnel_counts (site_id, org_unit_id, level, people)
        select site_id, org_unit_id, level, sum(n) from moved group by 1, 2, 3 having sum(n) <> 0
        on conflict on constraint admin_funnel_counts_key do update set people = admin_funnel_counts.people + excluded.people)
      select count(*)::int as n from who`)) as unknown as { n: number }[];
    const changes = (await tx.execute(sql`
      with taken as (delete from admin_rollup_deltas returning figure, k1, k2, at, n),
      folded as (
        insert into admin_rollups (figure, k1, k2, at, n)
        select figure, k1, k2, at, sum(n) from taken group by 1, 2, 3, 4 having sum(n) <> 0
        on conflict on constraint admin_rollups_key do update set n = admin_rollups.n + excluded.n)
      select count(*)::int as n from taken`)) as unknown as { n: number }[];
    await settleOldHours(tx);
    // Keys nobody is at any more (a closed hour, a person who moved) leave the tables small.
    await tx.execute(sql`delete from admin_funnel_counts where people = 0`);
    await tx.execute(sql`delete from admin_rollups where n = 0`);
    return { people: people[0].n, changes: changes[0].n };
  });
}

/**
 * Hours no reader can tell apart any more are merged or dropped, so a crisis of many weeks reads
 * as few rows as its first days (the open tickets' rollup had 964 hourly rows after ten days, all
 * summed on every dashboard view). Open tickets created before the hour three days ago are all
 * "older" from now on, tickets due before this hour all late (lib/triage/counts.ts): one row per
 * key each, at -infinity. Tests before the hour seven days ago are in no window: gone. Exact, since
 * a later reader's edges are no earlier than these (its now() is later).
 */
async function settleOldHours(tx: DbOrTx): Promise<void> {
  const settled = [
    { figures: ["tickets_open"], before: sql`(select date_trunc('hour', now() - interval '3 days', 'UTC'))` },
    { figures: ["tickets_due_queue", "tickets_due_review"], before: sql`(select date_trunc('hour', now(), 'UTC'))` },
  ];
  for (const { figures, before } of settled) {
    await tx.execute(sql`
      with old as (
        delete from admin_rollups where figure in ${figures} and at > '-infinity' and at < ${before}
        returning figure, k1, k2, n)
      insert into admin_rollups (figure, k1, k2, at, n)
      select figure, k1, k2, '-infinity', sum(n) from old group by 1, 2, 3
      on conflict on constraint admin_rollups_key do update set n = admin_rollups.n + excluded.n`);
  }
  await tx.execute(sql`delete from admin_rollups where figure = 'isp_tests' and at < (select date_trunc('hour', now() - interval '7 days', 'UTC'))`);
}

/** Sums one figure over all its keys and buckets (the users count). */
export async function rolledTotal(figure: string, tx: DbOrTx = db()): Promise<number> {
  const [row] = (await tx.execute(sql`select coalesce(sum(n), 0)::int as n from (${rolled([figure])}) r`)) as unknown as { n: number }[];
  return row.n;
}
