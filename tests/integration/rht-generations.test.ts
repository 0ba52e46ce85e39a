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
const generation = async (unitId: string) =>
  ((await db().execute(sql`select generation from rht_generations where scope = ${unitId}`)) as unknown as { generation: number }[])[0]?.generation ?? 0;
const generations = async (...ids: string[]) => Promise.all(ids.map(generation));

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
});
