import { sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";

// A crowded IT queue for plan tests (issue 16): enough rows that PostgreSQL would sort or scan
// the whole table without the right index (the crisis set is 100,000 tickets, 40,000 open;
// the plans are the same from a few tens of thousands). Random but seeded, so the data has no
// accidental order that an index could borrow.

export type ScaleSeed = { agentId: string; siteId: string; orgUnitId: string; employees: number; tickets: number };

const firstNames = ["Anna", "Luca", "Marco", "Sofia", "Noah", "Lea", "Elias", "Mia", "Jan", "Laura", "Nina", "David", "Sara", "Tim", "Julia", "Ben"];
const lastNames = ["Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Meyer", "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Favre", "Rochat", "Bonvin", "Rossi"];

export async function seedCrowdedQueue(options: { employees?: number; tickets?: number; openShare?: number } = {}): Promise<ScaleSeed> {
  const employees = options.employees ?? 15_000;
  const tickets = options.tickets ?? 30_000;
  const open = Math.round(tickets * (options.openShare ?? 0.4));
  const arr = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
  await db().transaction(async (tx) => {
    // Tens of thousands of rows a statement, each employee bumping its unit's RHT generation: seconds on a
    // busy machine, past the web-request limit (5 s) that ended this seed once in a parallel run.
    await allowLongWork(tx);
    const run = (query: SQL) => tx.execute(query);
    await run(sql`select setseed(0.16)`);
    await run(sql`insert into sites (code, name, city, canton) select 'QS' || g, 'Queue site ' || g, 'Lausanne', 'VD' from generate_series(1, 20) g`);
    await run(sql`insert into org_units (code, name) select 'QU' || g, 'Queue unit ' || g from generate_series(1, 60) g`);
    // Some surnames shared by hundreds, most made unique by a suffix, as a real roster's are.
    await run(sql`
      with s as (select array_agg(id order by code) as ids from sites where code like 'QS%'),
           u as (select array_agg(id order by code) as ids from org_units where code like 'QU%')
      insert into employees (number, first_name, last_name, work_email, job_family, site_id, org_unit_id)
      select 'Q' || lpad(g::text, 6, '0'), (${arr(firstNames)})[1 + floor(random() * ${firstNames.length})::int],
             (${arr(lastNames)})[1 + floor(random() * ${lastNames.length})::int] || case when random() < 0.3 then '' else '-' || g end,
             'queue.' || g || '@work.test', 'sales', s.ids[1 + floor(random() * 20)::int], u.ids[1 + floor(random() * 60)::int]
        from generate_series(1, ${employees}) g, s, u`);
    // Open tickets: distinct (person, category) pairs, as the one-open-per-category index requires.
    await run(sql`
      with people as (select id, row_number() over (order by random()) as k from employees where number like 'Q%'),
           pairs as (select p.id, c.category, row_number() over (order by random()) as k
                       from people p cross join unnest(enum_range(null::ticket_category)) as c(category)),
           agents as (select array_agg(id order by number) as ids from employees where number between 'Q000001' and 'Q000010')
      insert into tickets (employee_id, category, priority, status, summary, snapshot, sla_due_at, created_at, assignee_employee_id)
      select id, category, (array['low', 'normal', 'normal', 'high', 'urgent'])[1 + floor(random() * 5)::int]::ticket_priority,
             (array['new', 'in_progress', 'waiting_for_employee'])[1 + floor(random() * 3)::int]::ticket_status, 'seed', '{}'::jsonb,
             now() + make_interval(mins => floor(random() * 5000)::int - 2500), now() - make_interval(mins => floor(random() * 10000)::int),
             case when random() < 0.25 then agents.ids[1 + floor(random() * 10)::int] end
        from pairs, agents where k <= ${open}`);
    await run(sql`
      with people as (select id, row_number() over () - 1 as k from employees where number like 'Q%')
      insert into tickets (employee_id, category, priority, status, summary, snapshot, sla_due_at, created_at, resolved_at)
      select p.id, (enum_range(null::ticket_category))[1 + floor(random() * 7)::int], (array['low', 'normal', 'high', 'urgent'])[1 + floor(random() * 4)::int]::ticket_priority,
             (array['resolved', 'closed'])[1 + floor(random() * 2)::int]::ticket_status, 'seed', '{}'::jsonb,
             now() - make_interval(mins => floor(random() * 50000)::int), now() - make_interval(mins => 60000 + floor(random() * 50000)::int), now()
        from generate_series(1, ${tickets - open}) g join people p on p.k = g % ${employees}`);
    // Three events a ticket: opened, the person's words, and IT's reply on some.
    await run(sql`
      insert into ticket_events (ticket_id, kind, public, body, at)
      select t.id, k.kind, k.kind <> 'opened', case when k.kind <> 'opened' then k.kind || ' on ticket ' || t.number end, t.created_at + make_interval(mins => k.n)
        from tickets t cross join (values ('opened', 0), ('employee_message', 5), ('reply', 30)) k(kind, n)`);
  });
  // As autovacuum leaves a table at rest: statistics, and the visibility map index-only scans read.
  await db().execute(sql`vacuum analyze`);
  const [ids] = (await db().execute(sql`
    select (select id from employees where number = 'Q000001') as "agentId",
           (select site_id from employees where number = 'Q000002') as "siteId",
           (select org_unit_id from employees where number = 'Q000003') as "orgUnitId"`)) as unknown as { agentId: string; siteId: string; orgUnitId: string }[];
  return { ...ids, employees, tickets };
}

export type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Plan Rows": number; Plans?: PlanNode[]; [key: string]: unknown };

/** Every query `run` sends through the app's pool, with its EXPLAIN (format json) plan, in order. */
export async function plansOf(run: () => Promise<unknown>): Promise<{ query: SQL; plan: PlanNode }[]> {
  const pool = db();
  const original = pool.execute;
  const captured: SQL[] = [];
  pool.execute = ((query: SQL) => {
    captured.push(query);
    return original.call(pool, query);
  }) as typeof pool.execute;
  try {
    await run();
  } finally {
    pool.execute = original;
  }
  const plans = [];
  for (const query of captured) {
    const [row] = (await original.call(pool, sql`explain (format json) ${query}`)) as unknown as { "QUERY PLAN": { Plan: PlanNode }[] }[];
    plans.push({ query, plan: row["QUERY PLAN"][0].Plan });
  }
  return plans;
}

export function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Scans of `relation` (Seq Scan, Index Scan, Bitmap Heap Scan, …) in the plan. */
export const scansOf = (plan: PlanNode, relation: string) => nodes(plan).filter((n) => n["Relation Name"] === relation);

/** Sequential scans of `relation` in the plan (each page's query must have none of tickets or people). */
export const seqScansOf = (plan: PlanNode, relation: string) => scansOf(plan, relation).filter((n) => n["Node Type"] === "Seq Scan");

/** Index names the plan reads (index, index-only and bitmap index scans). */
export const indexesOf = (plan: PlanNode) => nodes(plan).flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : []));

/**
 * Sort nodes that sort tickets not yet cut to a page: a Sort with a scan of tickets beneath it
 * and no Limit in between. (A sort of a page already limited, or of one ticket's events, is fine.)
 */
export function unlimitedTicketSorts(plan: PlanNode): PlanNode[] {
  const reachesTicketsUnlimited = (node: PlanNode): boolean =>
    node["Relation Name"] === "tickets" || (node["Node Type"] !== "Limit" && (node.Plans ?? []).some(reachesTicketsUnlimited));
  return nodes(plan).filter((n) => /Sort$/.test(n["Node Type"]) && (n.Plans ?? []).some(reachesTicketsUnlimited));
}
