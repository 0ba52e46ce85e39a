// BENCH_COMPARE: one page on two builds of the app (this checkout and another one), loaded in
// turn on the same database, so that a change is judged against the code before it in the same
// minutes of the machine. Prints each round and the median of the rounds' ratios.
import { load } from "./load";
import { fmt } from "./measure";
import type { NextServer } from "./next-server";
import { treeCpuMs } from "./process-cpu";

type Page = { name: string; path: string; cookies: string[]; seconds: number; rounds: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function run(server: NextServer, page: Page): Promise<{ rps: number; p95: number; cpu: number; failed: number }> {
  const before = treeCpuMs(server.pid);
  const result = await load({ url: `${server.url}${page.path}`, connections: 20, seconds: page.seconds, cookies: page.cookies });
  return { rps: result.rps, p95: result.p95, cpu: (treeCpuMs(server.pid) - before) / Math.max(1, result.requests), failed: result.errors + result.non2xx };
}

export async function compareBuilds(page: Page, servers: { here: NextServer; other: NextServer }, log: (line: string) => void): Promise<void> {
  const rps: number[] = [];
  const cpu: number[] = [];
  for (let round = 1; round <= page.rounds; round++) {
    // Alternating which goes first, so a drift of the machine does not favour one side.
    const order = round % 2 ? (["other", "here"] as const) : (["here", "other"] as const);
    const results = { here: { rps: 0, p95: 0, cpu: 0, failed: 0 }, other: { rps: 0, p95: 0, cpu: 0, failed: 0 } };
    for (const side of order) results[side] = await run(servers[side], page);
    rps.push(results.here.rps / results.other.rps);
    cpu.push(results.here.cpu / results.other.cpu);
    const show = (r: typeof results.here) => `${fmt(r.rps)} req/s, p95 ${fmt(r.p95)} ms, app ${fmt(r.cpu, 2)} ms/request${r.failed ? `, ${r.failed} failed` : ""}`;
    log(`  round ${round}: this checkout ${show(results.here)}; the other ${show(results.other)}`);
  }
  log(`${page.name}: this checkout serves ${fmt(median(rps), 2)}× the other's requests per second and spends ${fmt(median(cpu), 2)}× its app CPU per request (medians of ${page.rounds} rounds)`);
}
