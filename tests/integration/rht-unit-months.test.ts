import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Check } from "@/lib/rht/checks";
import { approvePeriod, reopenPeriod, reviewMonth, type UnitReview } from "@/lib/rht/periods";
import { monthOverview, unitMonthComputations } from "@/lib/rht/unit-months";
import { defaultRhtSettings } from "@/lib/settings/schemas";
import { createEmployee } from "../support/factories";

// HR's overview is served from a cache per unit and month (lib/rht/unit-months.ts). It must
// always equal a recomputation from the rows: after every step of a random sequence of the
// changes HR, employees, imports and admins make, both are compared.

const month = "2026-11";
const byId = (units: UnitReview[]) => [...units].sort((a, b) => a.orgUnitId.localeCompare(b.orgUnitId));
const checkKey = (c: Check) => `${c.unitId}:${c.code}`;
const sorted = (checks: Check[]) => [...checks].sort((a, b) => checkKey(a).localeCompare(checkKey(b)));

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

const cachedAt = async () =>
  ((await db().execute(sql`select org_unit_id, generation, computed_at from rht_unit_months where month = ${`${month}-01`}::date order by org_unit_id`)) as unknown as { computed_at: Date }[]).map((r) => JSON.stringify(r));

let units: string[] = [];
let people: { id: string; unit: string }[] = [];
let hr: string;

beforeAll(async () => {
  hr = (await createEmployee({ lastName: "Hr" })).id;
  units = [];
  for (const code of ["CA", "CB", "CC"]) {
    const [row] = (await db().execute(sql`insert into org_units (code, name) values (${code}, ${`Cache ${code}`}) returning id`)) as unknown as { id: string }[];
    units.push(row.id);
  }
  people = [];
  for (let i = 0; i < 9; i += 1) {
    const e = await createEmployee({ orgUnitId: units[i % 3], lastName: `Cache${i}` });
    people.push({ id: e.id, unit: units[i % 3] });
  }
});

describe("the cached overview equals a recomputation", () => {
  test("an unchanged month is served from the cache without recomputing", async () => {
    await db().execute(sql`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) values (${people[0].id}, '2026-11-02', 504, 0)`);
    const first = await monthOverview(month);
    const stamps = await cachedAt();
    expect(stamps.length).toBeGreaterThanOrEqual(3);
    const again = await monthOverview(month);
    expect(again).toEqual(first);
    expect(await cachedAt()).toEqual(stamps);
    // One unit changes: only its row is recomputed.
    await db().execute(sql`update timesheet_days set worked_minutes = 100 where employee_id = ${people[0].id} and day = '2026-11-02'`);
    await monthOverview(month);
    const after = await cachedAt();
    expect(after.filter((s, i) => s !== stamps[i])).toHaveLength(1);
  });

  test("twenty requests on a stale month compute each unit once, and all get the same answer", async () => {
    await monthOverview(month);
    // A holiday changes every unit's month (scope 'all').
    await db().execute(sql`insert into public_holidays (canton, day, name) values ('ZH', '2026-11-18', 'Cache test') on conflict do nothing`);
    const before = unitMonthComputations.count;
    const answers = await Promise.all(Array.from({ length: 20 }, () => monthOverview(month)));
    const stale = ((await db().execute(sql`select count(*)::int as n from org_units`)) as unknown as { n: number }[])[0].n;
    expect(unitMonthComputations.count - before).toBe(stale);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    await db().execute(sql`delete from public_holidays where name = 'Cache test'`);
  });

  test("kept rows cleared after a computation are kept again by the next view, without recomputing", async () => {
    await monthOverview(month);
    const stamps = await cachedAt();
    await db().execute(sql`delete from rht_unit_months where month = ${`${month}-01`}::date`);
    const before = unitMonthComputations.count;
    await monthOverview(month);
    expect(unitMonthComputations.count - before).toBe(0);
    expect(await cachedAt()).toHaveLength(stamps.length);
  });

  test("after each of 60 random changes, the overview equals reviewMonth", async () => {
    const pick = random(14);
    const days = ["2026-11-02", "2026-11-03", "2026-11-10", "2026-11-17", "2026-11-30"];
    const steps: ((step: number) => Promise<unknown>)[] = [
      // An entered day, changed, or removed.
      (s) => db().execute(sql`insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes) values (${people[pick(9)].id}, ${days[pick(5)]}::date, 504, ${pick(505)})
                               on conflict (employee_id, day) do update set worked_minutes = excluded.worked_minutes + ${s % 3}`),
      () => db().execute(sql`delete from timesheet_days where employee_id = ${people[pick(9)].id} and day = ${days[pick(5)]}::date`),
      // A submission.
      () => db().execute(sql`insert into timesheet_months (employee_id, month, status, submitted_at) values (${people[pick(9)].id}, ${`${month}-01`}::date, 'submitted', now())
                             on conflict (employee_id, month) do update set status = 'submitted', submitted_at = now() where timesheet_months.status = 'draft'`),
      // A contract, an exclusion, a move to another unit.
      () => db().execute(sql`update employees set employment_rate = ${[50, 80, 100][pick(3)]} where id = ${people[pick(9)].id}`),
      () => db().execute(sql`update employees set notice_given = not notice_given where id = ${people[pick(9)].id}`),
      () => db().execute(sql`update employees set org_unit_id = ${units[pick(3)]} where id = ${people[pick(9)].id}`),
      // Company settings, a public holiday, a unit's authorisation, an opening balance.
      (s) => db().execute(sql`update settings set value = ${JSON.stringify({ ...defaultRhtSettings, waitingDays: s % 2, thresholdPercent: 5 + (s % 10) })}::jsonb where key = 'rht'`),
      () => db().execute(sql`insert into public_holidays (canton, day, name) values ('CH', ${days[pick(5)]}::date, 'Test') on conflict do nothing`),
      () => db().execute(sql`update org_units set rht_authorized_from = ${pick(2) ? "2026-11-16" : null}::date where id = ${units[pick(3)]}`),
      (s) => db().execute(sql`insert into rht_overtime_openings (employee_id, month, minutes) values (${people[pick(9)].id}, '2026-11-01', ${1200 + s * 10})
                              on conflict (employee_id) do update set minutes = excluded.minutes`),
      // Approval and reopening, when the unit allows it.
      async () => {
        const unitId = units[pick(3)];
        await db()
          .transaction((tx) => approvePeriod(tx, hr, unitId, month))
          .catch(() => db().transaction((tx) => reopenPeriod(tx, unitId, month)))
          .catch(() => null);
      },
    ];
    await db().execute(sql`insert into settings (key, value) values ('rht', ${JSON.stringify(defaultRhtSettings)}::jsonb) on conflict do nothing`);
    for (let step = 0; step < 60; step += 1) {
      const which = pick(steps.length);
      await steps[which](step);
      const cached = await monthOverview(month);
      const fresh = await reviewMonth(month);
      expect({ step, which, units: byId(cached.units) }).toEqual({ step, which, units: byId(fresh.units) });
      expect({ step, which, checks: sorted(cached.checks) }).toEqual({ step, which, checks: sorted(fresh.checks) });
    }
  });
});

describe("the cache never holds a unit back", () => {
  test("an empty unit whose month was cached can still be deleted", async () => {
    const [unit] = (await db().execute(sql`insert into org_units (code, name) values ('CDEL', 'Cache delete') returning id`)) as unknown as { id: string }[];
    await monthOverview(month);
    expect((await db().execute(sql`select 1 from rht_unit_months where org_unit_id = ${unit.id}`)).length).toBe(1);
    await db().execute(sql`delete from org_units where id = ${unit.id}`);
    expect((await db().execute(sql`select 1 from rht_unit_months where org_unit_id = ${unit.id}`)).length).toBe(0);
  });
});
