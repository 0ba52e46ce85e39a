// The floor the RHT benches are measured against: PostgreSQL's COPY of the rows a month's
// figures are made of (the month's timesheet days, each with its employee), streamed to this
// process through postgres.js and drained to the end. Nothing the app does with those rows
// can be faster than reading them, so the app's times are reported as multiples of this one.
import { createDb, noConnectionLimits } from "../../db/client";

export type CopyFloor = { ms: number; runs: number[]; rows: number; bytes: number };

/** Median of `repetitions` COPYs (after one untimed run that warms the cache and the connection). */
export async function copyFloor(url: string, month: string, repetitions = 7): Promise<CopyFloor> {
  // COPY takes no bind parameters: the month goes in as a literal, so it must be a month.
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`not a month: ${month}`);
  const query = `
    copy (select e.id, e.number, e.first_name, e.last_name, e.org_unit_id, e.employment_rate, e.weekly_minutes, e.contract_type,
                 d.day, d.planned_minutes, d.worked_minutes, d.absences
            from timesheet_days d join employees e on e.id = d.employee_id
           where d.day >= date '${month}-01' and d.day < date '${month}-01' + interval '1 month') to stdout`;
  const { sql } = createDb(url, { max: 1, limits: noConnectionLimits });
  try {
    // Lines are counted only in the untimed run: the floor is the transfer, not a byte loop.
    const once = async (count: boolean) => {
      const started = performance.now();
      let bytes = 0;
      let rows = 0;
      for await (const chunk of await sql.unsafe(query).readable()) {
        const buffer = chunk as Buffer;
        bytes += buffer.byteLength;
        if (count) for (let i = 0; i < buffer.length; i += 1) if (buffer[i] === 10) rows += 1;
      }
      return { ms: performance.now() - started, rows, bytes };
    };
    const first = await once(true);
    const runs: number[] = [];
    for (let i = 0; i < repetitions; i += 1) runs.push((await once(false)).ms);
    const sorted = [...runs].sort((a, b) => a - b);
    return { ms: sorted[Math.floor(sorted.length / 2)], runs, rows: first.rows, bytes: first.bytes };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
