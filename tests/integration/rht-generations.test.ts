import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db";

// What the employees' rows tell HR's kept months (lib/rht/unit-months.ts): a change to a column
// the month reads bumps the unit's generation (both units for a move), once per statement however
// many people it writes (migration 0027: a roster import of 15,000 people bumped 15,000 times).

async function unit(code: string): Promise<string> {
  const [row] = (await db().execute(sql`insert into org_units (code, name) values (${code}, ${`Unit ${code}`}) returning id`)) as unknown as { id: string }[];
  return row.id;
}
/** The units' generations as `executor` sees them (a transaction: one connection throughout). */
async function generationsIn(executor: Pick<ReturnType<typeof db>, "execute">, ...ids: string[]): Promise<number[]> {
  const rows = (await executor.execute(sql`select scope, generation from rht_generations where scope in ${ids}`)) as unknown as { scope: string; generation: number }[];
  return ids.map((id) => rows.find((r) => r.scope === id)?.generation ?? 0);
}
const generations = (...ids: string[]) => generationsIn(db(), ...ids);

describe("employees and their units' generations", () => {
  test("a statement bumps each unit it touches once; columns the month does not read bump nothing", async () => {
    const [a, b, c] = [await unit("GENA"), await unit("GENB"), await unit("GENC")];
    // 500 people into two units in one statement.
    await db().execute(sql`
      insert into employees (number, first_name, last_name, work_email, job_family, org_unit_id)
      select 'G' || g, 'Gen', 'Person' || g, 'gen' || g || '@work.test', 'sales', case when g % 2 = 0 then ${a}::uuid else ${b}::uuid end
        from generate_series(1, 500) g`);
    expect(await generations(a, b, c)).toEqual([1, 1, 0]);
    // A contact change is not the month's business.
    await db().execute(sql`update employees set work_email = 'new.' || work_email where org_unit_id in (${a}, ${b})`);
    expect(await generations(a, b, c)).toEqual([1, 1, 0]);
    // A rate changed for 250 people of one unit, and a move of ten from b to c.
    await db().execute(sql`update employees set employment_rate = 80 where org_unit_id = ${a}`);
    await db().execute(sql`update employees set org_unit_id = ${c} where id in (select id from employees where org_unit_id = ${b} order by number limit 10)`);
    expect(await generations(a, b, c)).toEqual([2, 2, 1]);
    // An update that rewrites the same values changes nothing the month reads.
    await db().execute(sql`update employees set employment_rate = employment_rate where org_unit_id = ${a}`);
    expect(await generations(a, b, c)).toEqual([2, 2, 1]);
    await db().execute(sql`delete from employees where org_unit_id = ${c}`);
    expect(await generations(a, b, c)).toEqual([2, 2, 2]);
  });

  test("a whole company's update after a one-person update on the same connection bumps the same units", async () => {
    // PL/pgSQL keeps a trigger query's plan per connection, made for the first statement's size:
    // a join of the two transition tables planned for one row compared every old row with every
    // new one at 15,000 (migration 0029). Here on one connection, one person first, then everyone.
    const [d, e] = [await unit("GEND"), await unit("GENE")];
    await db().execute(sql`
      insert into employees (number, first_name, last_name, work_email, job_family, org_unit_id)
      select 'H' || g, 'Gen', 'Person' || g, 'genh' || g || '@work.test', 'sales', case when g % 2 = 0 then ${d}::uuid else ${e}::uuid end
        from generate_series(1, 3000) g`);
    await db().transaction(async (tx) => {
      await tx.execute(sql`update employees set employment_rate = 90 where number = 'H1'`);
      expect(await generationsIn(tx, d, e)).toEqual([1, 2]);
      await tx.execute(sql`update employees set weekly_minutes = weekly_minutes + 1, updated_at = now() where number like 'H%' and org_unit_id = ${d}`);
      expect(await generationsIn(tx, d, e)).toEqual([2, 2]);
      // Nulls compare as equal: a person without a unit whose name changes bumps no unit, and nothing unchanged bumps.
      await tx.execute(sql`update employees set org_unit_id = null where number = 'H2'`);
      expect(await generationsIn(tx, d, e)).toEqual([3, 2]);
      await tx.execute(sql`update employees set updated_at = now() where number like 'H%'`);
      expect(await generationsIn(tx, d, e)).toEqual([3, 2]);
    });
  });

  test("no statement trigger joins its transition tables, nor joins one in a query planned once per connection", async () => {
    const rows = (await db().execute(sql`
      select distinct t.tgname, p.prosrc from pg_trigger t join pg_proc p on p.oid = t.tgfoid
       where t.tgoldtable is not null or t.tgnewtable is not null`)) as unknown as { tgname: string; prosrc: string }[];
    expect(rows.length).toBeGreaterThan(10);
    const transition = "(old_rows|new_rows)";
    const joinedTogether = rows.filter((r) => new RegExp(`\\bjoin\\s+${transition}\\b|\\b${transition}\\b(\\s+\\w+)?\\s*,\\s*${transition}\\b`, "i").test(r.prosrc));
    expect(joinedTogether.map((r) => r.tgname)).toEqual([]);
    // Outside EXECUTE's strings (planned per call, migration 0030), a transition table joined with a
    // table would keep the plan of the first call's size on that connection.
    const staticSql = (source: string) => source.replace(/'(?:[^']|'')*'/g, "''");
    const joinedStatic = rows.filter((r) => new RegExp(`\\b${transition}\\b(\\s+\\w+)?\\s+join\\b`, "i").test(staticSql(r.prosrc)));
    expect(joinedStatic.map((r) => r.tgname)).toEqual([]);
  });
});
