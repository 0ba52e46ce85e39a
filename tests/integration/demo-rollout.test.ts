import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { seedRollout, type RolloutSummary } from "@/db/seed/rollout";
import { funnel, queueHistory, ticketsByAge } from "@/lib/admin/dashboard";
import { db } from "@/lib/db";
import { getDeviceRequest } from "@/lib/devices/queries";
import { queuePosition } from "@/lib/devices/service";
import { caseSnapshot } from "@/lib/onboarding/snapshot";
import { reviewMonth } from "@/lib/rht/periods";
import { monthOverview } from "@/lib/rht/unit-months";
import { waveProgress } from "@/lib/roster/waves";
import { incidentSuggestions } from "@/lib/triage/incidents";

// The default demo mid-roll-out (issue 16 point 8), on a throwaway database: people at every
// step, counters equal to the rows, a suggested incident, last month filled with one unit
// locked; the demo accounts and the e2e suite's office workers untouched; a second run a no-op.

const key = { encryptionKey: Buffer.alloc(32, 1) };
const rows = async <T>(query: ReturnType<typeof sql>) => (await db().execute(query)) as unknown as T[];

/** Everything the journey could have written about a set of people: must not change. */
const protectedPeople = sql`(select id from employees where number like 'D%'
  or (work_email like '%@transalpina.test' and active and job_family in ('finance', 'procurement', 'legal') and contract_type = 'permanent')
  or org_unit_id in (select id from org_units where code in ('FIN', 'PUR', 'LEG', 'HR', 'IT')))`;
async function traceOf() {
  return rows(sql`
    select (select count(*) from users where employee_id in ${protectedPeople})::int as users,
           (select count(*) from onboarding_cases where employee_id in ${protectedPeople})::int as cases,
           (select count(*) from invitations where employee_id in ${protectedPeople})::int as invitations,
           (select count(*) from allocations where employee_id in ${protectedPeople})::int as allocations,
           (select count(*) from mfa_tokens where employee_id in ${protectedPeople})::int as tokens,
           (select count(*) from connectivity_tests where employee_id in ${protectedPeople})::int as tests,
           (select count(*) from tickets where employee_id in ${protectedPeople} or assignee_employee_id in ${protectedPeople})::int as tickets,
           (select count(*) from ticket_events where actor_employee_id in ${protectedPeople})::int as events,
           (select count(*) from employee_roles where employee_id in ${protectedPeople})::int as roles,
           (select count(*) from timesheet_days where employee_id in ${protectedPeople})::int as days,
           (select md5(string_agg(e::text, ',' order by e.id)) from employees e where e.id in ${protectedPeople}) as roster`);
}
/** Row counts of every table the roll-out writes, to show a second run adds nothing. */
const fingerprint = () =>
  rows(sql`select ${sql.raw(
    ["invitation_waves", "invitations", "users", "onboarding_cases", "allocations", "mfa_tokens", "recovery_codes", "connectivity_tests", "tickets", "ticket_events", "timesheet_days", "timesheet_months", "timesheet_versions", "rht_periods", "employee_roles", "collection_slots", "activation_days", "outbox"]
      .map((t) => `(select count(*) from ${t})::int as ${t}`)
      .join(", "),
  )}, (select string_agg(kind || ':' || in_use, ',' order by kind) from resource_pools) as pools`);

let summary: RolloutSummary | null;
let before: unknown;

beforeAll(async () => {
  await seedDemo(db(), key);
  before = await traceOf();
  summary = await seedRollout(db(), key);
}, 120_000);

describe("the demo mid-roll-out", () => {
  test("has people at every step of the funnel, and at each state of each step", async () => {
    expect(summary).not.toBeNull();
    const { overall } = await funnel("site");
    for (const [step, count] of Object.entries(overall)) expect(count, step).toBeGreaterThan(0);
    expect(overall.ready).toBeLessThan(overall.connectivity);
    const [c] = await rows<Record<string, number>>(sql`
      select count(*) filter (where eligibility = 'not_eligible' and eligibility_reason is not null and eligibility_rule_id is not null)::int as not_eligible,
             count(*) filter (where eligibility = 'review')::int as review,
             count(*) filter (where connectivity = 'udp_blocked')::int as udp_blocked,
             count(*) filter (where connectivity = 'no_internet')::int as no_internet,
             count(*) filter (where connectivity = 'offline')::int as offline,
             (select count(*) from users u where not exists (select 1 from onboarding_cases x where x.employee_id = u.employee_id))::int as pending,
             (select count(*) from allocations where kind in ('laptop', 'vdi_seat') and status = 'issued')::int as issued,
             (select count(*) from allocations where status = 'reserved' and handover_method = 'collect' and collection_slot_id is not null)::int as collecting,
             (select count(*) from allocations where status = 'waiting')::int as waiting,
             (select count(*) from mfa_tokens where status = 'pending_verification')::int as token_pending
        from onboarding_cases`);
    for (const [state, count] of Object.entries(c)) expect(count, state).toBeGreaterThan(0);
    const waves = await waveProgress();
    expect(waves.map((w) => w.status).sort()).toEqual(expect.arrayContaining(["active", "done", "paused"]));
    expect(waves.every((w) => w.invited <= w.inScope && w.signedIn <= w.invited)).toBe(true);
    // No wave sent more than its daily number on any day.
    expect(await rows(sql`select 1 from invitations i join invitation_waves w on w.id = i.wave_id group by w.id, w.per_day, i.day having count(*) > w.per_day`)).toEqual([]);
  });

  test("the queue: consecutive positions with dates, counters equal to the rows, today's laptop wave used up", async () => {
    const waiting = await rows<{ id: string; employee_id: string; pool_id: string }>(sql`select id, employee_id, pool_id from allocations where status = 'waiting' order by pool_id, priority desc, queue_seq`);
    const byPool = new Map<string, typeof waiting>();
    for (const w of waiting) byPool.set(w.pool_id, [...(byPool.get(w.pool_id) ?? []), w]);
    for (const list of byPool.values()) {
      const positions = [];
      for (const w of list) positions.push(await queuePosition(db(), w.id));
      expect(positions).toEqual(list.map((_, i) => i + 1));
    }
    // First come, first served: nobody who asked after someone still waiting got a unit.
    expect(await rows(sql`
      select a.id from allocations w join allocations a on a.pool_id = w.pool_id and a.queue_seq > w.queue_seq and a.priority <= w.priority and a.status in ('reserved', 'issued')
       where w.status = 'waiting'`)).toEqual([]);
    for (const w of waiting.slice(0, 5)) expect((await getDeviceRequest(w.employee_id))?.expectedDate).toBeInstanceOf(Date);
    expect(await rows(sql`
      select p.kind from resource_pools p
       where p.in_use <> (select count(*) from allocations a where a.pool_id = p.id and a.status in ('reserved', 'issued'))`)).toEqual([]);
    expect(await rows(sql`
      select d.* from activation_days d
        full join (select pool_id, wave_day, count(*)::int as n from allocations where wave_day is not null and status <> 'released' group by pool_id, wave_day) c
          on c.pool_id = d.pool_id and c.wave_day = d.day
       where d.used is distinct from c.n`)).toEqual([]);
    expect(await rows(sql`select s.id from collection_slots s where s.booked <> (select count(*) from allocations a where a.collection_slot_id = s.id and a.status <> 'released')`)).toEqual([]);
    const [laptops] = await rows<{ used: number; limit: number; waiting: number }>(sql`
      select coalesce(d.used, 0) as used, p.daily_activation_limit as limit, (select count(*)::int from allocations a where a.pool_id = p.id and a.status = 'waiting') as waiting
        from resource_pools p left join activation_days d on d.pool_id = p.id and d.day = (now() at time zone 'Europe/Zurich')::date where p.kind = 'laptop'`);
    expect(laptops.waiting).toBeGreaterThan(0);
    if ([1, 2, 3, 4, 5].includes(Number((await rows<{ d: number }>(sql`select extract(isodow from now() at time zone 'Europe/Zurich')::int as d`))[0].d))) expect(laptops.used).toBe(laptops.limit);
    expect((await queueHistory()).some((d) => d.laptop > 0)).toBe(true);
    // Laptop deliveries are planned (issue 17 point 5): the last person waiting for a laptop has a date too.
    expect(await rows(sql`select reference from planned_deliveries where status = 'planned' order by reference`)).toEqual([{ reference: "PO-2611-01" }, { reference: "PO-2611-02" }, { reference: "PO-2611-R1" }]);
    const [lastLaptop] = await rows<{ employee_id: string }>(sql`
      select a.employee_id from allocations a join resource_pools p on p.id = a.pool_id where p.kind = 'laptop' and a.status = 'waiting' order by a.priority, a.queue_seq desc limit 1`);
    expect((await getDeviceRequest(lastLaptop.employee_id))?.expectedDate).toBeInstanceOf(Date);
  });

  test("reviews have their deadline, and a third of them are decided, as IT's decision leaves them", async () => {
    const open = await rows<{ due: string }>(sql`
      select to_char(sla_due_at at time zone 'Europe/Zurich', 'HH24:MI') as due from tickets where category = 'eligibility_review' and status not in ('resolved', 'closed')`);
    const decided = await rows<{ eligibility: string; events: number }>(sql`
      select c.eligibility::text, (select count(*)::int from ticket_events e where e.ticket_id = t.id and e.kind = 'eligibility_reviewed') as events
        from tickets t join onboarding_cases c on c.employee_id = t.employee_id
       where t.category = 'eligibility_review' and t.status = 'resolved' and t.resolved_at <= now()
         and exists (select 1 from ticket_events e where e.ticket_id = t.id and e.kind = 'eligibility_reviewed')`);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((t) => t.due === "17:00")).toBe(true);
    expect(decided.length).toBeGreaterThan(0);
    expect(decided.every((d) => ["eligible", "not_eligible"].includes(d.eligibility) && d.events === 1)).toBe(true);
  });

  test("IT's queue: several categories, some overdue, some answered, a suggested incident, the case as it is", async () => {
    const suggestions = await incidentSuggestions(db());
    expect(suggestions.find((s) => s.isp === "quickline" && s.category === "gateway_unreachable")?.count).toBeGreaterThanOrEqual(3);
    const [t] = await rows<Record<string, number>>(sql`
      select count(distinct category)::int as categories, count(*) filter (where sla_due_at < now())::int as overdue,
             count(*) filter (where exists (select 1 from ticket_events e where e.ticket_id = t.id and e.kind = 'reply'))::int as answered,
             count(*) filter (where status = 'waiting_for_employee')::int as waiting_for_employee
        from tickets t where status not in ('resolved', 'closed')`);
    expect(t.categories).toBeGreaterThanOrEqual(4);
    for (const [fact, count] of Object.entries(t)) expect(count, fact).toBeGreaterThan(0);
    const ages = await ticketsByAge();
    expect(ages.reduce((s, a) => s + a.under1, 0)).toBeGreaterThan(0);
    expect(ages.reduce((s, a) => s + a.under3 + a.older, 0)).toBeGreaterThan(0);
    // Each ticket's case is what caseSnapshot reads now (each was raised at the person's last step).
    const tickets = await rows<{ employee_id: string; snapshot: Record<string, unknown> }>(sql`select employee_id, snapshot from tickets`);
    for (const ticket of tickets) {
      const { takenAt: _now, ...current } = await caseSnapshot(db(), ticket.employee_id);
      const { takenAt: _then, ...stored } = ticket.snapshot;
      expect(stored).toEqual(JSON.parse(JSON.stringify(current)));
    }
  });

  test("last month: hours filled for the short-time units, one unit locked, the cached month equal to a recomputation", async () => {
    const month = summary!.month;
    const [periods] = await rows<{ locked: string[]; days: number; versions: number }>(sql`
      select array(select o.code from rht_periods p join org_units o on o.id = p.org_unit_id where p.month = ${`${month}-01`}::date and p.status = 'locked') as locked,
             (select count(*)::int from timesheet_days where day >= ${`${month}-01`}::date and day < ${`${month}-01`}::date + interval '1 month') as days,
             (select count(*)::int from timesheet_versions where month = ${`${month}-01`}::date) as versions`);
    expect(periods.locked).toEqual(["LOG"]);
    expect(periods.days).toBeGreaterThan(10_000);
    expect(periods.versions).toBeGreaterThan(100);
    const cached = await monthOverview(month);
    const recomputed = await reviewMonth(month);
    const byId = <T extends { orgUnitId: string }>(list: T[]) => [...list].sort((a, b) => a.orgUnitId.localeCompare(b.orgUnitId));
    expect(JSON.parse(JSON.stringify(byId(cached.units)))).toEqual(JSON.parse(JSON.stringify(byId(recomputed.units))));
    expect(cached.units.filter((u) => u.threshold.qualifies).length).toBe(2);
    // Production still has drafts: HR's to-do list says so.
    expect(recomputed.checks.some((c) => c.code === "unsubmitted")).toBe(true);
  });

  test("the demo accounts and the e2e suite's people are untouched, and a second run changes nothing", async () => {
    expect(await traceOf()).toEqual(before);
    const first = await fingerprint();
    expect(await seedRollout(db(), key)).toBeNull();
    expect(await seedDemo(db(), key)).toEqual({ seeded: false, employees: 0 });
    expect(await fingerprint()).toEqual(first);
  });
});
