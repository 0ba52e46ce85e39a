// The floor the RHT benches are measured against: PostgreSQL's COPY of the rows a month's
// figures are made of (the month's timesheet days, each with its employee), streamed to this
// process through postgres.js and drained to the end. Nothing the app does with those rows
// can be faster than reading them, so the app's times are reported as multiples of this one.
import { createDb, noConnectionLimits } from "../../db/client";

/** The bench ends by itself, whatever the driver does: a COPY that stalls fails it after a minute. */
async function within<T>(work: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`COPY floor: no answer after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

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
      const stream = await within(sql.unsafe(query).readable());
      // Drained in flowing mode ('data'), not with `for await`: postgres.js pauses its socket when
      // a push fills the stream's buffer and resumes it only from the stream's read(); a buffer
      // full at the copy's end leaves the connection paused before ReadyForQuery, and the next
      // query on it waits for ever (porsager/postgres#917). Flowing, the buffer never fills.
      await within(
        new Promise<void>((resolve, reject) => {
          stream.on("data", (chunk: Buffer) => {
            bytes += chunk.byteLength;
            if (count) for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) rows += 1;
          });
          stream.once("end", resolve);
          stream.once("error", reject);
        }),
      );
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
