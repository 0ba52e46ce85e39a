import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { crisisCounts, seedCrisis, type CrisisStep } from "@/db/seed/crisis";
import { seedRollout } from "@/db/seed/rollout";
import { connectivityVerdict, udpOutcomeOf } from "@/lib/connectivity/verdict";
import { db } from "@/lib/db";
import { queuePosition } from "@/lib/devices/service";
import { evaluateEligibility, ruleSetSchema } from "@/lib/eligibility/rules";
import { monthOverview } from "@/lib/rht/unit-months";
import { reviewMonth } from "@/lib/rht/periods";

// The crisis-scale set (issue 16) at 1/50 of its size: every figure in proportion, and the
// same invariants as the default demo's roll-out (counters equal to the rows, the queue's
// positions, decisions and verdicts as the app's own rules give them).

const employees = 300;
const counts = crisisCounts(employees);
const key = { encryptionKey: Buffer.alloc(32, 2) };
const month = "2026-11";
const rows = async <T>(query: ReturnType<typeof sql>) => (await db().execute(query)) as unknown as T[];
let steps: CrisisStep[] | null;

beforeAll(async () => {
  steps = await seedCrisis(db(), { ...key, employees, month });
}, 120_000);

test("every figure of the measurement, scaled to the roster", async () => {
  expect(steps?.length).toBeGreaterThan(5);
  expect(counts).toMatchObject({ signedIn: 220, issued: 136, waiting: 16, tickets: 2000, openTickets: 800, ticketEvents: 5800, connectionTests: 600, sentMails: 1200 });
  const [c] = await rows<Record<string, number>>(sql`
    select (select count(*) from employees where active)::int as employees,
           (select count(*) from users)::int as "signedIn",
           (select count(distinct s.user_id) from sessions s where s.expires > now())::int as sessions,
           (select count(*) from allocations where kind in ('laptop', 'vdi_seat') and status = 'issued')::int as issued,
           (select count(*) from allocations where status = 'waiting')::int as waiting,
           (select count(*) from tickets)::int as tickets,
           (select count(*) from tickets where status not in ('resolved', 'closed'))::int as "openTickets",
           (select count(*) from ticket_events)::int as "ticketEvents",
           (select count(*) from connectivity_tests)::int as "connectionTests",
           (select count(*) from outbox where status = 'sent')::int as "sentMails",
           (select count(*) from timesheet_days where day >= ${`${month}-01`}::date and day < ${`${month}-01`}::date + interval '1 month')::int as days`);
  expect(c).toEqual({ ...pick(counts), employees, sessions: counts.signedIn, days: (employees - 4) * 21 });
});

test("the counters equal the rows, the queue's positions run 1, 2, 3 …", async () => {
  expect(await rows(sql`select kind from resource_pools p where in_use <> (select count(*) from allocations a where a.pool_id = p.id and a.status in ('reserved', 'issued')) or in_use > capacity`)).toEqual([]);
  expect(await rows(sql`
    select d.* from activation_days d
      full join (select pool_id, wave_day, count(*)::int as n from allocations where wave_day is not null group by pool_id, wave_day) c on c.pool_id = d.pool_id and c.wave_day = d.day
     where d.used is distinct from c.n`)).toEqual([]);
  const waiting = await rows<{ id: string }>(sql`select id from allocations where status = 'waiting' order by priority desc, queue_seq`);
  const positions = [];
  for (const w of waiting) positions.push(await queuePosition(db(), w.id));
  expect(positions).toEqual(waiting.map((_, i) => i + 1));
  // First come, first served: nobody who asked after someone still waiting got a unit.
  expect(await rows(sql`
    select a.id from allocations w join allocations a on a.pool_id = w.pool_id and a.queue_seq > w.queue_seq and a.priority <= w.priority and a.status in ('reserved', 'issued')
     where w.status = 'waiting'`)).toEqual([]);
  // Nobody waits while stock and a wave would let them through (promoteQueue would move them).
  expect(await rows(sql`select kind from resource_pools where in_use < capacity and kind::text in (select kind::text from allocations where status = 'waiting')`)).toEqual([]);
  // Every laptop's VPN licence, every ticket's events and version.
  expect(await rows(sql`select a.id from allocations a where a.kind = 'laptop' and a.status = 'issued' and not exists (select 1 from allocations v where v.parent_id = a.id)`)).toEqual([]);
  expect(await rows(sql`
    select t.number from tickets t where t.version <> (select count(*) from ticket_events e where e.ticket_id = t.id and e.kind in ('claimed', 'reply', 'status')) + 1
        or (t.status in ('resolved', 'closed')) <> (t.resolved_at is not null)`)).toEqual([]);
});

test("decisions and verdicts are the ones the app's rules give", async () => {
  const [{ rules }] = await rows<{ rules: unknown }>(sql`select rules from eligibility_rule_sets where active`);
  const cases = await rows<{ outcome: string; rule_id: string | null; reason: unknown; answers: never; job_family: string; contract_type: string; site: string }>(sql`
    select c.eligibility as outcome, c.eligibility_rule_id as rule_id, c.eligibility_reason as reason, c.eligibility_answers as answers, e.job_family, e.contract_type, s.code as site
      from onboarding_cases c join employees e on e.id = c.employee_id left join sites s on s.id = e.site_id`);
  expect(new Set(cases.map((c) => c.outcome))).toEqual(new Set(["eligible", "not_eligible", "review"]));
  for (const c of cases) {
    const d = evaluateEligibility(ruleSetSchema.parse(rules), { answers: c.answers, employee: { jobFamily: c.job_family, contractType: c.contract_type, siteCode: c.site } });
    expect({ outcome: c.outcome, rule: c.rule_id, reason: c.reason }).toEqual({ outcome: d.outcome, rule: d.ruleId, reason: d.reason });
  }
  const tests = await rows<{ latency_ms: number | null; jitter_ms: number | null; download_kbps: number | null; upload_kbps: number | null; udp_ok: boolean | null; gateways: { reachable: boolean }[]; verdict: string; recommendation: string; limits: string[]; kind: string }>(sql`
    select t.*, a.kind from connectivity_tests t join allocations a on a.employee_id = t.employee_id and a.kind in ('laptop', 'vdi_seat')`);
  for (const t of tests) {
    const m = { latencyMs: t.latency_ms, jitterMs: t.jitter_ms, downloadKbps: t.download_kbps, uploadKbps: t.upload_kbps, udp: udpOutcomeOf(t.udp_ok), gateways: t.gateways };
    expect({ verdict: t.verdict, recommendation: t.recommendation, limits: t.limits }).toEqual(connectivityVerdict(m, t.kind === "laptop" ? "laptop" : "vdi"));
  }
  expect(await rows(sql`
    select c.employee_id from onboarding_cases c
     where c.connectivity::text is distinct from coalesce((select t.verdict::text from connectivity_tests t where t.employee_id = c.employee_id order by t.started_at desc limit 1), 'not_tested')`)).toEqual([]);
});

test("the month before is approved and locked for every unit, as HR's lock leaves it", async () => {
  const before = "2026-10-01";
  const [m] = await rows<Record<string, number>>(sql`
    select (select count(*) from rht_periods where month = ${before}::date and status = 'locked' and unit_figures is not null)::int as "lockedUnits",
           (select count(*) from timesheet_months where month = ${before}::date)::int as months,
           (select count(*) from timesheet_months where month = ${before}::date and status = 'locked' and figures is not null and version = 1)::int as frozen,
           (select count(*) from timesheet_versions where month = ${before}::date and version = 1)::int as versions,
           (select count(*) from timesheet_days where day >= ${before}::date and day < ${`${month}-01`}::date)::int as days`);
  // Everyone active (the demo accounts declared as planned, entering nothing); October 2026 has 22 working days.
  expect(m).toEqual({ lockedUnits: 12, months: employees, frozen: employees, versions: employees, days: (employees - 4) * 22 });
});

test("the month's cached review equals a recomputation; the demo accounts are untouched; a second run adds nothing", async () => {
  const cached = await monthOverview(month);
  const recomputed = await reviewMonth(month);
  const byId = <T extends { orgUnitId: string }>(list: T[]) => JSON.parse(JSON.stringify([...list].sort((a, b) => a.orgUnitId.localeCompare(b.orgUnitId))));
  expect(byId(cached.units)).toEqual(byId(recomputed.units));
  expect(cached.units.length).toBe(12);
  const [demo] = await rows<{ n: number }>(sql`
    select (select count(*) from users u join employees e on e.id = u.employee_id where e.number like 'D%')
         + (select count(*) from invitations i join employees e on e.id = i.employee_id where e.number like 'D%')
         + (select count(*) from tickets t join employees e on e.id in (t.employee_id, t.assignee_employee_id) where e.number like 'D%')
         + (select count(*) from timesheet_days d join employees e on e.id = d.employee_id where e.number like 'D%')::int as n`);
  expect(Number(demo.n)).toBe(0);
  const before = await rows(sql`select (select count(*) from tickets)::int as t, (select count(*) from users)::int as u, (select count(*) from outbox)::int as o`);
  expect(await seedCrisis(db(), { ...key, employees, month })).toBeNull();
  expect(await seedRollout(db(), key)).toBeNull();
  expect(await rows(sql`select (select count(*) from tickets)::int as t, (select count(*) from users)::int as u, (select count(*) from outbox)::int as o`)).toEqual(before);
});

function pick(c: ReturnType<typeof crisisCounts>) {
  return { signedIn: c.signedIn, issued: c.issued, waiting: c.waiting, tickets: c.tickets, openTickets: c.openTickets, ticketEvents: c.ticketEvents, connectionTests: c.connectionTests, sentMails: c.sentMails };
}
