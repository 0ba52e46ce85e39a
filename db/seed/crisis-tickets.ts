import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { defaultSlaSettings } from "../../lib/settings/schemas";
import type { CrisisCounts } from "./crisis";

// IT's tickets and the sent mail of the crisis-scale set (db/seed/crisis.ts). One open ticket
// per person and category at most (the partial unique index); numbers in the order tickets
// were raised; each ticket's events as the triage functions write them: opened, then claimed,
// answered and ended (resolved or closed), its version one more for each change after opening.

type Timed = <T>(step: string, work: () => Promise<T>) => Promise<T>;

/** When an agent took a ticket: a quarter of an hour after it came, and never in the future. */
const claimedAt = sql`least(t.created_at + interval '15 minutes', greatest(t.created_at, now() - interval '30 seconds'))`;

const categories = ["eligibility_review", "token_problem", "no_connectivity", "vpn_blocked", "gateway_unreachable", "device_problem", "help_request"];
const summaries: Record<string, string> = {
  eligibility_review: "Eligibility review: confidential_paper",
  token_problem: "The authenticator codes are not accepted",
  no_connectivity: "No internet at home and no 4G coverage",
  vpn_blocked: "VPN over UDP blocked by the provider",
  gateway_unreachable: "Self-test: no VPN gateway reachable on TCP 443",
  device_problem: '"I need help" from the status page',
  help_request: '"I need help" from the status page',
};

export async function seedCrisisTickets(tx: Tx, counts: CrisisCounts, timed: Timed): Promise<void> {
  await timed(`${counts.tickets.toLocaleString("en")} tickets (${counts.openTickets.toLocaleString("en")} open), ${counts.ticketEvents.toLocaleString("en")} events`, () => tickets(tx, counts));
  await timed(`${counts.sentMails.toLocaleString("en")} sent mails`, () => mails(tx, counts));
}

async function tickets(tx: Tx, counts: CrisisCounts) {
  const users = counts.signedIn;
  const sla = defaultSlaSettings;
  // The case as IT sees it on a ticket (lib/onboarding/snapshot.ts), once per person.
  await tx.execute(sql`
    create temporary table crisis_snapshots as
    select p.k, p.id, jsonb_build_object(
             'roster', jsonb_build_object('jobFamily', e.job_family, 'contractType', e.contract_type, 'siteCode', s.code, 'siteId', s.id, 'number', e.number,
                                          'firstName', e.first_name, 'lastName', e.last_name, 'orgUnit', o.name, 'site', s.name),
             'steps', jsonb_build_object('eligibility', coalesce(c.eligibility::text, 'pending'), 'connectivity', coalesce(c.connectivity::text, 'not_tested'),
                                         'device', coalesce(a.status::text, 'none'), 'path', case a.kind when 'laptop' then 'laptop' when 'vdi_seat' then 'vdi' end,
                                         'handoverChosen', a.handover_method is not null or a.kind = 'vdi_seat', 'handoverMethod', a.handover_method,
                                         'token', case m.status when 'active' then 'active' when 'pending_verification' then 'pending_verification' else 'none' end),
             'eligibility', case when c.id is null then null else jsonb_build_object('answers', c.eligibility_answers, 'ruleId', c.eligibility_rule_id,
                                         'rulesVersion', c.eligibility_rules_version, 'decidedAt', c.eligibility_decided_at) end,
             'connectivity', (select jsonb_build_object('startedAt', t.started_at, 'isp', t.isp, 'verdict', t.verdict, 'recommendation', t.recommendation, 'limits', t.limits,
                                         'latencyMs', t.latency_ms, 'jitterMs', t.jitter_ms, 'downloadKbps', t.download_kbps, 'uploadKbps', t.upload_kbps, 'udpOk', t.udp_ok, 'gateways', t.gateways)
                                from connectivity_tests t where t.employee_id = p.id and t.status = 'completed' order by t.started_at desc limit 1)) as snapshot
      from crisis_people p join employees e on e.id = p.id left join sites s on s.id = e.site_id left join org_units o on o.id = e.org_unit_id
      left join onboarding_cases c on c.employee_id = p.id
      left join allocations a on a.employee_id = p.id and a.kind in ('laptop', 'vdi_seat') and a.status <> 'released'
      left join mfa_tokens m on m.employee_id = p.id and m.status <> 'revoked'
     where p.k <= ${users}`);
  await tx.execute(sql`create unique index on crisis_snapshots (k)`);
  // Open tickets take each person's categories in turn (never two open in one category);
  // ended ones are spread over three weeks. The first `claimedOpen` open ones are being worked on.
  await tx.execute(sql`
    create temporary table crisis_tickets as
    with agents as (select array_agg(r.employee_id order by r.employee_id) as ids from employee_roles r join employees e on e.id = r.employee_id
                     where r.role = 'it_agent' and e.number not like 'D%'),
    planned as (
      select g, g <= ${counts.openTickets} as open,
             case when g <= ${counts.openTickets} then (g - 1) % ${users} + 1 else (g * 7) % ${users} + 1 end as k,
             ${JSON.stringify(categories)}::jsonb ->> (case when g <= ${counts.openTickets} then ((g - 1) / ${users}) % 7 else (g * 13) % 7 end)::int as category,
             (array['low', 'normal', 'normal', 'high', 'urgent'])[1 + (g * 3) % 5] as priority,
             case when g <= ${counts.openTickets} then now() - make_interval(mins => ((g * 37) % 14400)::int + 1)
                  else now() - make_interval(mins => 60 + ((g * 53) % 28800)::int) end as created_at
        from generate_series(1, ${counts.tickets}) g)
    select gen_random_uuid() as id, p.*,
           case when p.open and p.g <= ${counts.claimedOpen} then 'in_progress' when p.open then 'new' when p.g % 4 = 0 then 'closed' else 'resolved' end as status,
           case when p.open and p.g > ${counts.claimedOpen} then null else agents.ids[1 + p.g % cardinality(agents.ids)] end as assignee,
           case when p.open then null else least(p.created_at + make_interval(mins => 30 + p.g % 2000), now() - interval '1 minute') end as resolved_at
      from planned p cross join agents`);
  // In the order they were raised, so the numbers follow it; the case as it was, once per person.
  await tx.execute(sql`
    insert into tickets (id, employee_id, category, status, priority, summary, snapshot, assignee_employee_id, version, sla_due_at, created_at, updated_at, resolved_at)
    select t.id, s.id, t.category::ticket_category, t.status::ticket_status, t.priority::ticket_priority, ${JSON.stringify(summaries)}::jsonb ->> t.category,
           jsonb_build_object('takenAt', t.created_at) || s.snapshot, t.assignee, case t.status when 'new' then 1 when 'in_progress' then 2 else 4 end,
           t.created_at + make_interval(mins => (60 * (${JSON.stringify(sla)}::jsonb ->> t.priority)::numeric)::int),
           t.created_at, coalesce(t.resolved_at, case when t.status = 'in_progress' then ${claimedAt} else t.created_at end), t.resolved_at
      from crisis_tickets t join crisis_snapshots s on s.k = t.k order by t.created_at, t.g`);
  // Opened by the person; claimed (15 min), answered (25 min) and ended by an agent.
  await tx.execute(sql`
    insert into ticket_events (ticket_id, at, actor_employee_id, kind, public, body, details)
    select e.* from (
      select t.id, t.created_at as at, s.id as actor, 'opened' as kind, false as public, ${JSON.stringify(summaries)}::jsonb ->> t.category as body, null::jsonb as details
        from crisis_tickets t join crisis_snapshots s on s.k = t.k
      union all
      select t.id, ${claimedAt}, t.assignee, 'claimed', false, null, null from crisis_tickets t where t.status <> 'new'
      union all
      select id, least(created_at + interval '25 minutes', resolved_at), assignee, 'reply', true, 'Merci pour votre message : voici la marche à suivre.', null from crisis_tickets where not open
      union all
      select id, resolved_at, assignee, 'status', false, null, jsonb_build_object('from', 'waiting_for_employee', 'to', status) from crisis_tickets where not open) e`);
  await tx.execute(sql`drop table crisis_tickets`);
  await tx.execute(sql`drop table crisis_snapshots`);
}

/** Mail the worker has sent (to the dev mailbox, in demo mode) over the last 25 days. */
async function mails(tx: Tx, counts: CrisisCounts) {
  await tx.execute(sql`
    with sent as (
      insert into outbox (to_address, subject, text_body, html_body, status, attempts, next_attempt_at, sent_at, created_at)
      select p.address, m.subject, m.subject || E'\n\nhttps://passerelle.invalid/', '<p>' || m.subject || '</p>', 'sent', 1, at, at + interval '2 seconds', at
        from generate_series(1, ${counts.sentMails}) g join crisis_people p on p.k = (g - 1) % ${counts.signedIn} + 1
       cross join lateral (select now() - make_interval(secs => (g * 7919) % (25 * 86400)) as at) t
       cross join lateral (select (array['Votre lien de connexion à Passerelle', 'Votre ordinateur est réservé', 'Réponse à votre demande', 'Ihr Anmeldelink für Passerelle'])[1 + g % 4] as subject) m
      returning id, to_address, subject, text_body, html_body, sent_at)
    insert into dev_mailbox (outbox_id, to_address, subject, text_body, html_body, links, delivered_at)
    select id, to_address, subject, text_body, html_body, '[]'::jsonb, sent_at from sent`);
}
