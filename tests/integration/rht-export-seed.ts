// A month with the cases the RHT declaration must get right, for rht-export.test.ts: units
// over and under 10 %, one with its own authorisation from mid-month, two with the same name,
// one locked with the insured cap it was locked with, one whose October is locked (the
// running balance starts there); people part-time, excluded, arriving and leaving mid-month,
// inactive with days, with an opening balance, with names a spreadsheet could run or that
// need quoting; days worked, lost, absent, with overtime or missing; a cantonal holiday; and
// a unit of 1,500 so the whole company crosses the cursor's batches and the stream's buffer.
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { approvePeriod, lockPeriod } from "@/lib/rht/periods";
import { saveSetting } from "@/lib/settings/service";
import { defaultRhtSettings } from "@/lib/settings/schemas";
import { createEmployee } from "../support/factories";

export const month = "2026-11";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

const weekdays = (m: string) => {
  const [y, mm] = m.split("-").map(Number);
  const days: string[] = [];
  for (let d = new Date(Date.UTC(y, mm - 1, 1)); d.getUTCMonth() === mm - 1; d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) days.push(d.toISOString().slice(0, 10));
  return days;
};

type Day = { employee: string; day: string; planned: number; worked: number; absences: string; overtime: boolean };

/** One day's story: worked, partly or wholly lost, absent, with overtime, or (if allowed) not entered. */
function dayOf(rnd: (n: number) => number, employee: string, day: string, planned: number, lossPerMille: number, complete: boolean): Day | null {
  const r = rnd(1000);
  const base = { employee, day, planned, worked: planned, absences: "{}", overtime: false };
  if (r < lossPerMille) return { ...base, worked: [0, planned - 120, Math.floor(planned / 2)][r % 3] };
  if (r < lossPerMille + 40) return { ...base, worked: 0, absences: JSON.stringify({ [["sickness", "holiday", "accident", "unpaid"][r % 4]]: planned }) };
  if (r < lossPerMille + 60) return { ...base, worked: planned - 120, absences: JSON.stringify({ other_paid: 120 }) };
  if (r < lossPerMille + 90) return { ...base, worked: planned + 30 * (1 + (r % 3)), overtime: true };
  if (!complete && r < lossPerMille + 140) return null;
  return base;
}

async function insertDays(days: Day[]) {
  await db().execute(sql`
    insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes, absences, overtime_marked)
    select employee, day, planned, worked, absences::jsonb, overtime
      from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as x(employee uuid, day date, planned int, worked int, absences text, overtime boolean)`);
}

async function unit(code: string, name: string, from: string | null = null) {
  const [row] = (await db().execute(sql`insert into org_units (code, name, rht_authorized_from) values (${code}, ${name}, ${from}::date) returning id`)) as unknown as { id: string }[];
  return row.id;
}

export async function seedExportMonth(): Promise<{ units: Record<string, string>; hr: string }> {
  const rnd = random(16);
  const hr = (await createEmployee({ lastName: "Hr" })).id;
  const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('ZZ1', 'Zed', 'Zed', 'ZZ') returning id`)) as unknown as { id: string }[];
  await db().execute(sql`insert into public_holidays (canton, day, name) values ('ZZ', '2026-11-11', 'Zed day') on conflict do nothing`);
  const units = {
    assembly: await unit("XA", "Assembly"),
    back: await unit("XB", "Back office"),
    canteen: await unit("XC", 'Canteen; "east"', "2026-11-10"),
    dupA: await unit("XD1", "Dup"),
    dupB: await unit("XD2", "Dup"),
    locked: await unit("XL", "Locked"),
    bulk: await unit("XZ", "Zulu bulk"),
  };
  const loss: Record<string, number> = { assembly: 300, back: 10, canteen: 200, dupA: 150, dupB: 0, locked: 250 };
  const odd = ["=SUM(1)", "-2+3", 'Müller; "Hans"', "Line\nBreak", "Zoë", "@home", "O'Neil"];
  const days: Day[] = [];
  let n = 0;
  for (const [key, unitId] of Object.entries(units)) {
    if (key === "bulk") continue;
    const complete = key === "locked" || key === "assembly";
    for (let i = 0; i < (key === "assembly" ? 30 : 8); i += 1) {
      n += 1;
      const rate = [100, 100, 80, 50][rnd(4)];
      const e = await createEmployee({
        orgUnitId: unitId,
        lastName: n % 5 === 0 ? odd[n % odd.length] : `Person${String(n).padStart(3, "0")}`,
        firstName: n % 7 === 0 ? odd[(n + 3) % odd.length] : "Test",
        employmentRate: rate,
        siteId: n % 3 === 0 ? site.id : null,
        contractType: complete ? "permanent" : (["permanent", "permanent", "permanent", "apprentice", "fixed_term", "on_call", "temporary"][rnd(7)] as "permanent"),
        noticeGiven: !complete && rnd(10) === 0,
        employedFrom: !complete && i === 1 ? "2026-11-16" : null,
        employedUntil: !complete && i === 2 ? "2026-11-13" : !complete && i === 3 ? "2026-10-20" : null,
        active: complete || i !== 4,
        avsNumber: rnd(4) === 0 ? null : "756.1234.5678.97",
        birthDate: rnd(4) === 0 ? null : "1980-02-03",
        avsMonthlyWageCents: rnd(5) === 0 ? null : 400_000 + rnd(900_000),
      });
      const planned = Math.round((504 * rate) / 100);
      const months = key === "assembly" || key === "locked" ? ["2026-10", month] : i === 5 ? ["2026-10"] : [month];
      for (const m of months) for (const day of weekdays(m)) {
        const d = dayOf(rnd, e.id, day, planned, loss[key], complete || m !== month);
        if (d) days.push(d);
      }
      if (key === "back" && i === 6) await db().execute(sql`insert into rht_overtime_openings (employee_id, month, minutes) values (${e.id}, '2026-10-01', 900)`);
    }
  }
  await insertDays(days);
  // The bulk unit: 1,500 people, every working day entered, a few lost hours.
  await db().execute(sql`
    insert into employees (number, first_name, last_name, work_email, org_unit_id, job_family)
    select 'B' || lpad(g::text, 4, '0'), 'Bulk', 'Person' || lpad(g::text, 4, '0'), 'bulk' || g || '@work.test', ${units.bulk}, 'sales' from generate_series(1, 1500) g`);
  await db().execute(sql`
    insert into timesheet_days (employee_id, day, planned_minutes, worked_minutes)
    select e.id, d::date, 504, case when abs(hashtext(e.number || d::text)) % 10 = 0 then 264 else 504 end
      from employees e cross join generate_series(date '2026-11-02', date '2026-11-30', interval '1 day') d
     where e.org_unit_id = ${units.bulk} and extract(isodow from d) < 6`);
  // Submitted months: everyone in the units that get approved, about half elsewhere.
  await db().execute(sql`
    insert into timesheet_months (employee_id, month, status, submitted_at)
    select e.id, m.month, 'submitted', now() from employees e cross join (values (date '2026-10-01'), (date '2026-11-01')) m(month)
     where (e.org_unit_id in (${units.assembly}, ${units.locked}) or (m.month = date '2026-11-01' and abs(hashtext(e.number)) % 2 = 0))
       and exists (select 1 from timesheet_days d where d.employee_id = e.id and d.day >= m.month and d.day < m.month + interval '1 month')
    on conflict do nothing`);
  for (const [unitId, m] of [[units.assembly, "2026-10"], [units.locked, "2026-10"], [units.locked, month]]) {
    await db().transaction((tx) => approvePeriod(tx, hr, unitId, m));
    await db().transaction((tx) => lockPeriod(tx, hr, unitId, m));
  }
  // The locked unit keeps the cap it was locked with; the open ones use the new one.
  await db().transaction((tx) => saveSetting(tx, "rht", JSON.stringify({ ...defaultRhtSettings, insuredMaxYearlyFrancs: 90_000 })));
  return { units, hr };
}
