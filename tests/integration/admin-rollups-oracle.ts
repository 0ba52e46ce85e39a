import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { funnelSteps, type FunnelCounts } from "@/lib/admin/funnel";
import { workingConnectivity } from "@/lib/onboarding/rules";

// The dashboard's figures recomputed from the rows, as lib/admin/dashboard.ts and overview.ts
// computed them before the rollups (issue 16): the oracle the rollup-backed figures must equal.
// Two changes only, both to make the old queries deterministic: a person with a reserved and an
// issued computer counts the issued one (the old `limit 1` picked either), and categories with as
// many open tickets are ordered by name.

export async function oracleFunnel(by: "site" | "unit", tx: DbOrTx): Promise<{ overall: FunnelCounts; groups: { group: string; counts: FunnelCounts }[] }> {
  const group = by === "site" ? sql`coalesce(s.name, '–')` : sql`coalesce(o.name, '–')`;
  const rows = (await tx.execute(sql`
    with people as (
      select ${group} as grp,
             exists (select 1 from users u where u.employee_id = e.id) as signed_in,
             exists (select 1 from invitations i where i.employee_id = e.id) as invited,
             coalesce(c.eligibility = 'eligible', false) as eligible,
             d.status as device,
             exists (select 1 from mfa_tokens t where t.employee_id = e.id and t.status = 'active') as token,
             coalesce(c.connectivity::text in ${workingConnectivity}, false) as connectivity
        from employees e
        left join sites s on s.id = e.site_id
        left join org_units o on o.id = e.org_unit_id
        left join onboarding_cases c on c.employee_id = e.id
        left join lateral (select a.status::text as status from allocations a
                            where a.employee_id = e.id and a.kind in ('laptop', 'vdi_seat') and a.status in ('reserved', 'issued') order by a.status desc limit 1) d on true
       where e.active)
    select grp,
           count(*)::int as roster,
           count(*) filter (where invited or signed_in)::int as invited,
           count(*) filter (where signed_in)::int as signed_in,
           count(*) filter (where signed_in and eligible)::int as eligible,
           count(*) filter (where signed_in and eligible and device is not null)::int as device,
           count(*) filter (where signed_in and eligible and device is not null and token)::int as token,
           count(*) filter (where signed_in and eligible and device is not null and token and connectivity)::int as connectivity,
           count(*) filter (where signed_in and eligible and device = 'issued' and token and connectivity)::int as ready
      from people group by rollup (grp) order by grp nulls first`)) as unknown as ({ grp: string | null } & FunnelCounts)[];
  const pick = (r: FunnelCounts) => Object.fromEntries(funnelSteps.map((s) => [s, r[s]])) as FunnelCounts;
  const overall = rows.find((r) => r.grp === null);
  return {
    overall: overall ? pick(overall) : (Object.fromEntries(funnelSteps.map((s) => [s, 0])) as FunnelCounts),
    groups: rows.filter((r) => r.grp !== null).map((r) => ({ group: r.grp!, counts: pick(r) })),
  };
}

export async function oracleTicketsByAge(tx: DbOrTx) {
  return (await tx.execute(sql`
    select category::text as category,
           count(*) filter (where created_at > now() - interval '1 day')::int as under1,
           count(*) filter (where created_at <= now() - interval '1 day' and created_at > now() - interval '3 days')::int as under3,
           count(*) filter (where created_at <= now() - interval '3 days')::int as older
      from tickets where status not in ('resolved', 'closed')
     group by category order by count(*) desc, category`)) as unknown as { category: string; under1: number; under3: number; older: number }[];
}

export async function oracleTopIspFailures(limit: number, tx: DbOrTx) {
  return (await tx.execute(sql`
    select coalesce(isp, '?') as isp, count(*)::int as tests,
           count(*) filter (where verdict <> 'good')::int as failed,
           coalesce(jsonb_object_agg(verdict, n) filter (where verdict <> 'good'), '{}'::jsonb) as verdicts
      from (select isp, verdict::text as verdict, count(*) over (partition by isp, verdict) as n
              from connectivity_tests
             where status = 'completed' and started_at > now() - interval '7 days' and verdict <> 'udp_untested') t
     group by isp having count(*) filter (where verdict <> 'good') > 0
     order by failed desc, isp limit ${limit}`)) as unknown as { isp: string; tests: number; failed: number; verdicts: Record<string, number> }[];
}

export async function oracleQueueHistory(days: number, tx: DbOrTx) {
  return (await tx.execute(sql`
    with days as (
      select d::date as day, ((d::date + 1)::timestamp at time zone 'Europe/Zurich') as day_end, (d::date::timestamp at time zone 'Europe/Zurich') as day_start
        from generate_series((now() at time zone 'Europe/Zurich')::date - ${days - 1}::int, (now() at time zone 'Europe/Zurich')::date, interval '1 day') d)
    select to_char(days.day, 'YYYY-MM-DD') as day,
           count(a.id) filter (where a.kind = 'laptop' and a.requested_at < days.day_end and (a.reserved_at is null or a.reserved_at >= days.day_end) and (a.released_at is null or a.released_at >= days.day_end))::int as laptop,
           count(a.id) filter (where a.kind = 'vdi_seat' and a.requested_at < days.day_end and (a.reserved_at is null or a.reserved_at >= days.day_end) and (a.released_at is null or a.released_at >= days.day_end))::int as vdi_seat,
           count(a.id) filter (where a.kind = 'router_4g' and a.requested_at < days.day_end and (a.reserved_at is null or a.reserved_at >= days.day_end) and (a.released_at is null or a.released_at >= days.day_end))::int as router_4g,
           count(a.id) filter (where a.reserved_at >= days.day_start and a.reserved_at < days.day_end)::int as activated
      from days left join allocations a on a.kind in ('laptop', 'vdi_seat', 'router_4g') and a.requested_at < days.day_end
     group by days.day order by days.day`)) as unknown as { day: string; laptop: number; vdi_seat: number; router_4g: number; activated: number }[];
}

export async function oracleOverview(tx: DbOrTx) {
  const [row] = (await tx.execute(sql`
    select
      (select count(*) from employees where active)::int as "activeEmployees",
      (select count(*) from users)::int as "signedUp",
      (select count(*) from sessions where expires > now())::int as "activeSessions",
      (select count(*) from outbox where status = 'pending')::int as "mailPending",
      (select count(*) from outbox where status = 'dead')::int as "mailDead"`)) as unknown as Record<string, number>[];
  return row;
}
