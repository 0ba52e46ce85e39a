// Health while importing (issue 12, point 9): GET /api/health's latency at rest, then during
// a 50 MB hours file's check (about 1.8 million lines for 15,000 people) and during a month's
// import for 15,000 people (11 MB, applied), in the same run and process. The health route
// is the app's own (app/api/health/route.ts) behind a plain HTTP server; the imports run the
// routes' work (lib/rht/import.ts runHoursImport: read in slices, then one transaction).
// A probe answered late means the event loop was held: the ratio to the latency at rest says
// how much an import costs everyone else. `bench/run.ts` runs this file in its own process:
//   node --conditions=react-server --import tsx bench/import-health.ts
// Reported, never asserted in tests: targets print OK or SLOW like the other benches.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { register } from "node:module";
import { measure, mb, seconds } from "./lib/measure";
import { percentile, startBenchDatabase, pointAppAt } from "./lib/bench-database";

register("./resolve-hook.mjs", import.meta.url);

const employees = 15_000;
const maxBytes = 50 * 1024 * 1024;
const numberOf = (i: number) => `E${String(i + 1).padStart(5, "0")}`;

/** Weekdays from `from` on, as ISO dates. */
function weekdays(from: string, count: number): string[] {
  const days: string[] = [];
  for (const d = new Date(`${from}T00:00:00Z`); days.length < count; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** An hours file: every employee on every day given, day by day, stopping before `limit` bytes. */
function hoursFile(days: string[], limit: number): { bytes: Uint8Array; rows: number } {
  const parts: string[] = ["employee_number;date;worked;absence_kind;absence;overtime\n"];
  let size = parts[0].length;
  let rows = 0;
  outer: for (const day of days) {
    for (let i = 0; i < employees; i += 1) {
      const line = `${numberOf(i)};${day};${i % 10 === 0 ? "0;holiday;8:24" : "4:00;;"};no\n`;
      if (size + line.length > limit) break outer;
      parts.push(line);
      size += line.length;
      rows += 1;
    }
  }
  return { bytes: new TextEncoder().encode(parts.join("")), rows };
}

/** Sequential health probes over HTTP until `stop` resolves; each one's latency in ms. */
async function probe(url: string, stop: Promise<unknown>): Promise<number[]> {
  let done = false;
  void stop.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`health answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

const line = (label: string, values: number[]) =>
  `${label}: ${values.length} probes, p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

async function main() {
  const bench = await startBenchDatabase("import");
  let server: http.Server | null = null;
  let endPool: (() => Promise<void>) | null = null;
  try {
    const url = bench.url;
    pointAppAt(url);
    const { sql } = await import("drizzle-orm");
    const { db } = await import("../lib/db");
    const { runHoursImport } = await import("../lib/rht/import");
    const health = await import("../app/api/health/route");
    endPool = () => (db().$client as unknown as { end(o: object): Promise<void> }).end({ timeout: 5 });

    await db().execute(sql`
      insert into employees (number, first_name, last_name, job_family)
      select 'E' || lpad(g::text, 5, '0'), 'Bench', 'Person', 'sales' from generate_series(1, ${employees}) g`);
    const [hr] = (await db().execute(sql`insert into employees (number, first_name, last_name, job_family) values ('HR1', 'Hana', 'Hr', 'hr') returning id`)) as unknown as { id: string }[];

    server = http.createServer((req, res) => {
      void health.GET().then(async (r) => {
        res.writeHead(r.status, { "content-type": "application/json" });
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const healthUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;

    const big = hoursFile(weekdays("2025-01-06", 200), maxBytes);
    const month = hoursFile(weekdays("2026-11-02", 21), maxBytes);
    console.log(`hours files: ${big.rows.toLocaleString("en")} lines, ${mb(big.bytes.byteLength)} MB; one month for ${employees.toLocaleString("en")} people: ${month.rows.toLocaleString("en")} lines, ${mb(month.bytes.byteLength)} MB`);

    const rest = await probe(healthUrl, new Promise((resolve) => setTimeout(resolve, 3000)));
    console.log(line("health at rest", rest));
    const restP95 = Math.max(percentile(rest, 95), 0.1);
    const during = async (label: string, bytes: Uint8Array, apply: boolean, rows: number) => {
      let finish: () => void = () => {};
      const stop = new Promise<void>((resolve) => (finish = resolve));
      const probes = probe(healthUrl, stop);
      const m = await measure(() => runHoursImport(hr.id, bytes, apply)).finally(() => finish());
      const latencies = await probes;
      const r = m.result;
      const wrong = r.issueCount > 0 || r.rows !== rows || r.applied !== apply;
      const p95 = percentile(latencies, 95);
      const ok = p95 < 100 && Math.max(...latencies) < 1000;
      console.log(
        `${label}: ${seconds(m.ms)} s, peak +${mb(m.heap)} MB heap, +${mb(m.rss)} MB RSS, ${r.rows.toLocaleString("en")} lines, applied ${r.applied}, issues ${r.issueCount}` +
          (wrong ? ` WRONG REPORT ${JSON.stringify({ ...r, issues: r.issues.slice(0, 3) })}` : ""),
      );
      console.log(`  ${line("health during", latencies)}; p95 ${(p95 / restP95).toFixed(1)}x at rest (target p95 < 100 ms, max < 1 s) ${ok ? "OK" : "SLOW"}`);
      if (wrong) throw new Error(`${label}: the import's report is wrong`);
    };
    await during("50 MB hours file, checked", big.bytes, false, big.rows);
    await during("a month for 15,000 people, applied", month.bytes, true, month.rows);
  } finally {
    server?.close();
    await endPool?.();
    await bench.stop();
  }
}

void main();
