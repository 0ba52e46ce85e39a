import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";

// A roll-out in progress, set-based, for the dashboard's plan checks (admin-rollups-plans.test.ts):
// `people` employees on five sites and twelve units, most signed in, devices, tokens, invitations,
// tickets over a month, connection tests over two weeks and a mail history. Scaled by `people`;
// tickets, tests and mails are multiples of it as at crisis scale (15,000 people: 100,000 tickets,
// 30,000 tests, 60,000 mails).

export async function seedRollOut(people: number): Promise<void> {
  // One transaction with long-work limits: statements of thousands of rows outlast the web-request limit (5 s) on a busy machine.
  await db().transaction(async (x) => {
    await allowLongWork(x);
    await x.execute(sql`
      insert into sites (code, name, city, canton)
      select 'S' || g, 'Site ' || g, 'City ' || g, 'VD' from generate_series(1, 5) g`);
    await x.execute(sql`insert into org_units (code, name) select 'U' || g, 'Unit ' || g from generate_series(1, 12) g`);
    await x.execute(sql`
      insert into resource_pools (kind, capacity, daily_activation_limit) values
        ('laptop', ${people}, 400), ('vpn_licence', ${people}, null), ('vdi_seat', ${people}, 800), ('router_4g', ${people}, 50)
      on conflict (kind) do update set capacity = excluded.capacity`);
    await x.execute(sql`
      insert into employees (number, first_name, last_name, work_email, job_family, site_id, org_unit_id, active)
      select 'R' || lpad(g::text, 6, '0'), 'First' || g, 'Last' || g, 'p' || g || '@rollout.test', 'office',
             (select id from sites where code = 'S' || (1 + g % 5)), (select id from org_units where code = 'U' || (1 + g % 12)), g % 50 <> 0
        from generate_series(1, ${people}) g`);
    await x.execute(sql`
      create temporary table seed_people on commit preserve rows as
      select e.id, e.work_email, row_number() over (order by e.number) as k, abs(hashtext(e.number)) % 10000 as h1,
             abs(hashtext(e.number || ':2')) % 10000 as h2, abs(hashtext(e.number || ':3')) % 10000 as h3,
             abs(hashtext(e.number || ':4')) % 10000 as h4, abs(hashtext(e.number || ':5')) % 10000 as h5
        from employees e where e.number like 'R%'`);
    const [wave] = (await x.execute(sql`insert into invitation_waves (name, per_day, template) values ('Seed', 500, '{}'::jsonb) returning id`)) as unknown as { id: string }[];
    await x.execute(sql`
      insert into invitations (employee_id, wave_id, sent_at, day)
      select id, ${wave.id}, now() - make_interval(days => (h1 % 14)), (now() - make_interval(days => (h1 % 14)))::date from seed_people where h1 % 10 < 8`);
    await x.execute(sql`
      insert into users (id, email, employee_id, created_at)
      select gen_random_uuid()::text, work_email, id, now() - make_interval(mins => (h1 * 7 + k::int) % 20160) from seed_people where h1 % 10 < 7`);
    await x.execute(sql`
      insert into sessions (session_token, user_id, expires)
      select 's' || u.id, u.id, now() + make_interval(days => 30 - (abs(hashtext(u.id)) % 40)) from users u`);
    await x.execute(sql`
      insert into onboarding_cases (employee_id, eligibility, connectivity, created_at)
      select p.id,
             (case when p.h2 % 100 < 85 then 'eligible' when p.h2 % 100 < 90 then 'not_eligible' when p.h2 % 100 < 95 then 'review' else 'pending' end)::eligibility_status,
             (case when p.h3 % 100 < 60 then 'good' when p.h3 % 100 < 70 then 'limited' when p.h3 % 100 < 80 then 'offline' else 'not_tested' end)::connectivity_status,
             u.created_at
        from seed_people p join users u on u.employee_id = p.id`);
    // Computers for 80 % of the eligible, asked over the last three weeks; a tenth given back and asked again.
    await x.execute(sql`
      insert into allocations (employee_id, pool_id, kind, status, requested_at, reserved_at, issued_at, released_at)
      select d.id, pl.id, d.kind::pool_kind, d.status::allocation_status, d.requested_at,
             case when d.status <> 'waiting' then d.requested_at + make_interval(hours => d.h % 30) end,
             case when d.status in ('issued', 'released') then d.requested_at + make_interval(hours => 30 + d.h % 48) end,
             case when d.status = 'released' then d.requested_at + make_interval(hours => 80) end
        from (select p.id, p.h4 as h, now() - make_interval(mins => (p.h4 * 13) % 30240) as requested_at,
                     case when p.h4 / 100 < 55 then 'laptop' when p.h4 / 100 < 95 then 'vdi_seat' else 'router_4g' end as kind,
                     case when p.h5 % 20 = 0 then 'released' when p.h5 % 10 < 5 then 'issued' when p.h5 % 10 < 8 then 'reserved' else 'waiting' end as status
                from seed_people p join onboarding_cases c on c.employee_id = p.id
               where c.eligibility = 'eligible' and p.h4 % 100 < 80) d
        join resource_pools pl on pl.kind = d.kind::pool_kind`);
    await x.execute(sql`
      update resource_pools p set in_use = n
        from (select pl.id, count(a.id)::int as n from resource_pools pl left join allocations a on a.pool_id = pl.id and a.status in ('reserved', 'issued') group by pl.id) c
       where c.id = p.id`);
    await x.execute(sql`
      insert into mfa_tokens (employee_id, type, status, secret_enc)
      select distinct a.employee_id, 'totp'::mfa_type, (case when p.h5 % 7 < 6 then 'active' else 'pending_verification' end)::mfa_status, 'x'
        from allocations a join seed_people p on p.id = a.employee_id where a.status in ('reserved', 'issued')`);
    // Tickets: about 6.7 per person over a month, 40 % open, at most one open per person and category.
    await x.execute(sql`
      insert into tickets (employee_id, category, priority, status, summary, snapshot, sla_due_at, created_at, updated_at, resolved_at)
      select t.employee_id, t.category::ticket_category, t.priority::ticket_priority, t.status::ticket_status, 'seed', '{}'::jsonb,
             t.created_at + interval '8 hours', t.created_at, t.created_at,
             case when t.status in ('resolved', 'closed') then t.created_at + interval '3 hours' end
        from (select p.id as employee_id, now() - make_interval(mins => (g * 7919 + p.h1) % 43200) as created_at,
                     (array['help_request','token_problem','vpn_blocked','no_connectivity','device_problem','gateway_unreachable','eligibility_review'])[1 + g] as category,
                     (array['low','normal','normal','high','urgent'])[1 + (p.h2 + g) % 5] as priority,
                     case when (p.h3 + g) % 5 < 2 then (array['new','in_progress','waiting_for_employee'])[1 + (p.h4 + g) % 3] else (array['resolved','closed'])[1 + g % 2] end as status
                from seed_people p cross join generate_series(0, 6) g
               where (p.h5 + g * 1000) % 100 < 96) t`);
    await x.execute(sql`
      insert into connectivity_tests (employee_id, status, isp, verdict, started_at, completed_at)
      select p.id, (case when g % 50 = 0 then 'abandoned' else 'completed' end)::connectivity_test_status,
             case when g % 97 = 0 then null else (array['Swisscom','Swisscom','Sunrise','Salt','Quickline','Init7','Wingo'])[1 + (g * 7) % 7] end,
             case when g % 50 <> 0 then (array['good','good','good','limited','udp_blocked','udp_untested','gateway_unreachable','offline'])[1 + (g * 11) % 8]::connectivity_verdict end,
             now() - make_interval(secs => (g * 61 + 45) % 1209600), now() - make_interval(secs => (g * 61 + 15) % 1209600)
        from generate_series(1, ${people * 2}) g join seed_people p on p.k = 1 + g % ${people}`);
    // Mail: four per person, sent over 60 days; a few pending, a few dead.
    await x.execute(sql`
      insert into outbox (to_address, subject, text_body, html_body, status, attempts, sent_at, created_at, next_attempt_at)
      select 'm' || g || '@rollout.test', 'Seed', 'token https://example.test/t/' || g, '<p>seed</p>',
             (case when g % 1000 = 0 then 'dead' when g % 500 = 1 then 'pending' else 'sent' end)::outbox_status, 1,
             case when g % 1000 <> 0 and g % 500 <> 1 then now() - make_interval(mins => (g * 37) % 86400) end,
             now() - make_interval(mins => (g * 37) % 86400), now()
        from generate_series(1, ${people * 4}) g`);
    await x.execute(sql`analyze`);
  });
}
