// The short-time-work (RHT) declaration for November 2026 at 15,000 employees: HR's review
// pass, HR's overview (/hr) cold, warm and with one unit stale, the CSV summary, the CSV daily
// annex and the XLSX workbook (and the CSV summary again without HR's kept reviews), each
// consumed to the end, with wall time, time to the first byte and peak memory, and each as a multiple of a PostgreSQL COPY of the month's rows in the same run (the floor). `bench/run.ts` runs this file in a process of its own (the
// app's environment and pool are per process); on its own:
//   node --conditions=react-server --import tsx bench/rht-export.ts
// Reported, never asserted in tests: targets print OK or SLOW like the other benches.
// lib/ is loaded the way the vitest integration tests load it (see bench/resolve-hook.mjs).
import { register } from "node:module";
import { sql } from "drizzle-orm";
import { measure, mb, seconds, type Sample } from "./lib/measure";
import { startBenchDatabase, pointAppAt } from "./lib/bench-database";
import { copyFloor } from "./lib/copy-floor";
import { benchOverview } from "./lib/rht-overview";
import { month, seedRhtMonth } from "./lib/rht-seed";

register("./resolve-hook.mjs", import.meta.url);

/** Reads a body to its end, keeping the byte count, the number of line feeds and when the first byte came (ms after `started`). */
async function drain(body: ReadableStream<Uint8Array>, started: number): Promise<{ bytes: number; lines: number; firstByte: number }> {
  const reader = body.getReader();
  let bytes = 0;
  let lines = 0;
  let firstByte = Number.NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines, firstByte };
    if (bytes === 0 && value.byteLength > 0) firstByte = performance.now() - started;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i += 1) if (value[i] === 10) lines += 1;
  }
}

async function main() {
  const bench = await startBenchDatabase("rht");
  try {
    const url = bench.url;
    await seedRhtMonth(url);
    // The floor every time below is compared with: the month's rows, COPYed out in this run.
    const floor = await copyFloor(url, month);
    console.log(
      `RHT COPY floor (${month}'s ${floor.rows.toLocaleString("en")} days with their employee, ${mb(floor.bytes)} MB to stdout through postgres.js): ` +
        `median ${floor.ms.toFixed(1)} ms of ${floor.runs.length} (${Math.min(...floor.runs).toFixed(1)}–${Math.max(...floor.runs).toFixed(1)} ms)`,
    );

    pointAppAt(url);
    const { reviewMonth } = await import("../lib/rht/periods");
    const { exportDeclaration } = await import("../lib/rht/export");
    const { db } = await import("../lib/db");
    const gc = typeof (globalThis as { gc?: unknown }).gc === "function" ? "after gc" : "without gc (no --expose-gc)";
    const memory = (m: Sample) => `peak +${mb(m.rss)} MB RSS, +${mb(m.heap)} MB heap`;

    const x = (ms: number) => `${(ms / floor.ms).toFixed(1)}x COPY`;

    // The whole month in one pass, uncached: what every unit's recomputation adds up to.
    const review = await measure(() => reviewMonth(month));
    const reviewed = review.result.units.reduce((a, u) => a + u.employees, 0);
    const qualifying = review.result.units.filter((u) => u.threshold.qualifies).length;
    console.log(
      `RHT review ${month}: ${seconds(review.ms)} s = ${x(review.ms)}, ${reviewed.toLocaleString("en")} employees, ${review.result.units.length} units (${qualifying} over 10 %), ` +
        `${review.result.checks.length} checks; ${memory(review)}`,
    );

    // HR's overview first: the exports then find every unit's month kept, as after a visit to /hr
    // (the CSV summary reads the kept figures, lib/rht/export-kept.ts; the annex and the workbook need the days).
    await benchOverview(month, floor.ms);

    // The time to the first byte counts from the call, as the route's would (its head query included).
    const exportOf = (format: "csv" | "xlsx", part: "summary" | "annex") =>
      measure(async () => {
        const started = performance.now();
        const file = await exportDeclaration({ month, unitId: null, format, part, locale: "en" });
        return { ...(await drain(file.body, started)), employees: file.employees };
      });
    // Issue 16: CSV within 2 s, XLSX within 10 s, at most +150 MB (peak RSS and peak heap alike), the first byte well under a second.
    const limit = 150 * 1024 * 1024;
    const target = (m: Sample & { result: { firstByte: number } }, withinS: number) =>
      `(target ≤ ${withinS} s, ≤ +150 MB, first byte < 1 s) ${m.ms <= withinS * 1000 && m.rss <= limit && m.heap <= limit && m.result.firstByte < 1000 ? "OK" : "SLOW"}`;
    const firstByte = (m: { result: { firstByte: number } }) => `first byte after ${m.result.firstByte.toFixed(0)} ms`;
    const csv = await exportOf("csv", "summary");
    console.log(
      `RHT CSV summary, from the kept months: ${seconds(csv.ms)} s = ${x(csv.ms)}, ${firstByte(csv)}, ${mb(csv.result.bytes)} MB, ${(csv.result.lines - 2).toLocaleString("en")} employee rows; ${memory(csv)} ${target(csv, 2)}`,
    );
    const annex = await exportOf("csv", "annex");
    console.log(
      `RHT CSV daily annex: ${seconds(annex.ms)} s = ${x(annex.ms)}, ${firstByte(annex)}, ${mb(annex.result.bytes)} MB, ${(annex.result.lines - 1).toLocaleString("en")} employee rows; ${memory(annex)} ${target(annex, 2)}`,
    );
    const xlsx = await exportOf("xlsx", "summary");
    console.log(`RHT XLSX (summary + annex sheets): ${seconds(xlsx.ms)} s = ${x(xlsx.ms)}, ${firstByte(xlsx)}, ${mb(xlsx.result.bytes)} MB; ${memory(xlsx)} ${target(xlsx, 10)}`);
    console.log(
      `RHT XLSX / CSV time: ${(xlsx.ms / csv.ms).toFixed(2)}x the CSV summary, ${(xlsx.ms / (csv.ms + annex.ms)).toFixed(2)}x summary + annex ` +
        `(memory baselines ${gc}, sampled every 20 ms)`,
    );
    // Without HR's kept months (nobody has looked at the month): computed from the days, every unit's
    // 10 % summed on the way, each unit's summary rows waiting until its last person is read.
    await db().execute(sql`delete from rht_unit_months`);
    const unkept = await exportOf("csv", "summary");
    console.log(`RHT CSV summary, no kept month (from the days): ${seconds(unkept.ms)} s = ${x(unkept.ms)}, ${firstByte(unkept)}; ${memory(unkept)} ${target(unkept, 2)}`);
    // The same floor again: how much the machine itself drifted during the run (ratios above use the first).
    const again = await copyFloor(url, month);
    console.log(`RHT COPY floor again at the end: median ${again.ms.toFixed(1)} ms (${(again.ms / floor.ms).toFixed(2)}x the first)`);

    await (db().$client as unknown as { end(o: object): Promise<void> }).end({ timeout: 5 });
  } finally {
    await bench.stop();
  }
}

void main();
