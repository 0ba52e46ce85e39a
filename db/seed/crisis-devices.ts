import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { seal } from "../../lib/tokens/secret-box";
import { newTotpSecret } from "../../lib/tokens/totp";
import type { CrisisCounts } from "./crisis";

// Devices, tokens and self-tests of the crisis-scale set (db/seed/crisis.ts). Laptop stock is
// used up: the latest laptop requests wait, in the order they came (queue_seq follows the
// request time), with no date since stock is short; VDI seats have room. The pools' units in
// use and activations per day are counted from the rows they describe.

type Timed = <T>(step: string, work: () => Promise<T>) => Promise<T>;

export async function seedCrisisDevices(tx: Tx, counts: CrisisCounts, encryptionKey: Buffer, timed: Timed): Promise<void> {
  await timed(`${counts.issued.toLocaleString("en")} devices issued, ${counts.waiting} waiting`, () => devices(tx, counts));
  await timed("authentication tokens", () => tokens(tx, encryptionKey));
  await timed(`${counts.connectionTests.toLocaleString("en")} connection tests`, () => tests(tx, counts));
}

async function devices(tx: Tx, counts: CrisisCounts) {
  await tx.execute(sql`
    create temporary table crisis_devices as
    with asked as (
      select c.employee_id as id, p.k, p.h, case when p.vdi then 'vdi_seat' else 'laptop' end as kind,
             least(c.eligibility_decided_at + make_interval(mins => 1 + (p.h % 50)::int), now() - interval '30 seconds') as requested_at
        from onboarding_cases c join crisis_people p on p.id = c.employee_id
       where c.eligibility = 'eligible' order by p.k limit ${counts.issued + counts.waiting})
    select a.*, case when a.kind = 'laptop' and row_number() over (partition by a.kind order by a.requested_at desc, a.k desc) <= ${counts.waiting} then 'waiting' else 'issued' end as status
      from asked a`);
  const [check] = (await tx.execute(sql`select count(*)::int as n, count(*) filter (where status = 'waiting')::int as waiting from crisis_devices`)) as unknown as { n: number; waiting: number }[];
  if (check.n !== counts.issued + counts.waiting || check.waiting !== counts.waiting) {
    throw new Error(`The roster is too small for ${counts.issued} devices and ${counts.waiting} people waiting (${check.n} eligible, ${check.waiting} laptop requests)`);
  }
  // In request order, as people asked one by one; a laptop is shipped the next day (markHandedOver).
  await tx.execute(sql`
    insert into allocations (employee_id, pool_id, kind, status, wave_day, handover_method, shipping_address, requested_at, reserved_at, issued_at)
    select d.id, pl.id, d.kind::pool_kind, d.status::allocation_status,
           case when d.status = 'issued' then (d.requested_at at time zone 'Europe/Zurich')::date end,
           case when d.status = 'issued' and d.kind = 'laptop' then 'ship'::handover_method end,
           case when d.status = 'issued' and d.kind = 'laptop'
                then jsonb_build_object('street', 'Rue du Marché ' || (1 + d.h % 90), 'postcode', (1000 + d.h % 8000)::text, 'city', (array['Lausanne', 'Zürich', 'Fribourg', 'Bern'])[1 + d.h % 4]) end,
           d.requested_at,
           case when d.status = 'issued' then d.requested_at end,
           case when d.status = 'issued' then (case when d.kind = 'vdi_seat' then d.requested_at else least(d.requested_at + interval '20 hours', now() - interval '1 minute') end) end
      from crisis_devices d join resource_pools pl on pl.kind::text = d.kind
     order by d.requested_at, d.k`);
  await tx.execute(sql`
    insert into allocations (employee_id, pool_id, kind, status, parent_id, requested_at, reserved_at, wave_day)
    select a.employee_id, p.id, 'vpn_licence', 'reserved', a.id, a.reserved_at, a.reserved_at, a.wave_day
      from allocations a join resource_pools p on p.kind = 'vpn_licence'
     where a.kind = 'laptop' and a.status = 'issued' order by a.reserved_at`);
  // Laptops are used up (the queue waits for stock, not for a wave); 1,000 VDI seats per 15,000 people are free.
  await tx.execute(sql`
    update resource_pools p
       set capacity = case p.kind when 'laptop' then c.n when 'vdi_seat' then c.n + ${Math.round((counts.employees * 1000) / 15_000)} else greatest(p.capacity, c.n) end,
           in_use = c.n,
           daily_activation_limit = case when p.kind in ('laptop', 'vdi_seat', 'vpn_licence') then null else p.daily_activation_limit end,
           updated_at = now()
      from (select pl.id, count(a.id)::int as n from resource_pools pl left join allocations a on a.pool_id = pl.id and a.status in ('reserved', 'issued') group by pl.id) c
     where c.id = p.id`);
  await tx.execute(sql`
    insert into activation_days (pool_id, day, used)
    select pool_id, wave_day, count(*)::int from allocations where wave_day is not null and status in ('reserved', 'issued') group by pool_id, wave_day
    on conflict (pool_id, day) do update set used = excluded.used`);
}

async function tokens(tx: Tx, encryptionKey: Buffer) {
  // A few dozen sealed secrets shared out: sealing one per person would be most of this step's time.
  const secrets = Array.from({ length: 32 }, () => seal(newTotpSecret(), encryptionKey));
  await tx.execute(sql`
    insert into mfa_tokens (employee_id, type, status, secret_enc, created_at, activated_at)
    select d.id, 'totp', (case when d.h / 13 % 100 < 90 then 'active' else 'pending_verification' end)::mfa_status, ${JSON.stringify(secrets)}::jsonb ->> (d.h % 32)::int, t.at,
           case when d.h / 13 % 100 < 90 then least(t.at + interval '2 minutes', now() - interval '10 seconds') end
      from crisis_devices d cross join lateral (select least(d.requested_at + interval '5 minutes', now() - interval '20 seconds') as at) t
     where d.h / 13 % 100 < 93`);
  await tx.execute(sql`
    insert into recovery_codes (employee_id, code_hash, created_at)
    select t.employee_id, encode(sha256(convert_to(t.id::text || ':' || i, 'UTF8')), 'hex'), t.activated_at
      from mfa_tokens t cross join generate_series(1, 10) i where t.status = 'active'`);
}

async function tests(tx: Tx, counts: CrisisCounts) {
  await tx.execute(sql`
    with testers as (
      select t.employee_id as id, t.activated_at, p.h, d.kind, row_number() over (order by p.k) as n
        from mfa_tokens t join crisis_people p on p.id = t.employee_id join crisis_devices d on d.id = t.employee_id where t.status = 'active'),
    runs as (
      select g, x.*, (g * 11 + x.h) % 100 as v, (x.activated_at + (now() - x.activated_at) * (((g * 7919) % 1000) / 1000.0)) as at
        from generate_series(1, ${counts.connectionTests}) g join testers x on x.n = (g - 1) % (select count(*) from testers) + 1),
    judged as (
      select r.*, case when v < 62 then 'good' when v < 76 then 'limited' when v < 86 then 'udp_blocked' when v < 89 then 'udp_untested'
                       when v < 94 then 'gateway_unreachable' else 'offline' end as verdict
        from runs r)
    insert into connectivity_tests (employee_id, status, isp, latency_ms, jitter_ms, download_kbps, upload_kbps, udp_ok, gateways, verdict, recommendation, limits, started_at, completed_at)
    select j.id, 'completed', (array['swisscom', 'swisscom', 'swisscom', 'sunrise', 'sunrise', 'salt', 'quickline', 'init7', 'wingo', 'other:AccNet'])[1 + (j.g * 7 + j.h) % 10],
           case when verdict = 'offline' then null when verdict = 'limited' then 150 + j.g % 100 else 10 + j.g % 60 end,
           case when verdict = 'offline' then null else 2 + j.g % 20 end,
           case when verdict = 'offline' then null when verdict = 'limited' then 4000 + j.g % 4000 else 20000 + (j.g * 131) % 100000 end,
           case when verdict = 'offline' then null else 2000 + (j.g * 71) % 30000 end,
           case verdict when 'udp_blocked' then false when 'udp_untested' then null when 'offline' then null else true end,
           jsonb_build_array(jsonb_build_object('id', 'zrh', 'reachable', verdict not in ('gateway_unreachable', 'offline'), 'ms', case when verdict in ('gateway_unreachable', 'offline') then null else 20 + j.g % 30 end),
                             jsonb_build_object('id', 'lsn', 'reachable', verdict not in ('gateway_unreachable', 'offline'), 'ms', case when verdict in ('gateway_unreachable', 'offline') then null else 25 + j.g % 30 end)),
           j.verdict::connectivity_verdict,
           case when verdict = 'offline' then 'retry' when j.kind = 'vdi_seat' then 'vdi' when verdict in ('good', 'limited') then 'ipsec' when verdict = 'gateway_unreachable' then 'it' else 'ssl' end,
           case when verdict = 'limited' then '["latency", "download"]'::jsonb else '[]'::jsonb end,
           j.at, least(j.at + interval '30 seconds', now())
      from judged j`);
  // Each person's step is their latest run's verdict.
  await tx.execute(sql`
    update onboarding_cases c set connectivity = l.verdict::text::connectivity_status, updated_at = l.completed_at
      from (select distinct on (employee_id) employee_id, verdict, completed_at from connectivity_tests order by employee_id, started_at desc) l
     where l.employee_id = c.employee_id`);
}
