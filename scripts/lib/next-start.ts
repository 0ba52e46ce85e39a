import fs from "node:fs";
import path from "node:path";

/** Absolute: the bench starts its bare yardstick app from another directory. */
const nextBin = path.resolve("node_modules", "next", "dist", "bin", "next");

/**
 * The `next` that builds and serves `dir`: its own when it has one (another checkout, which
 * BENCH_COMPARE serves beside this one: with our next, its pages would load a second React),
 * else ours (the bench's bare app has no node_modules of its own).
 */
export function nextBinFor(dir: string): string {
  const own = path.resolve(dir, "node_modules", "next", "dist", "bin", "next");
  return fs.existsSync(own) ? own : nextBin;
}

/**
 * Node's flags for the web server. A page render allocates a few megabytes of short-lived
 * objects; V8 starts its young generation at 1 MB and grows it slowly, so many of them are
 * copied before they die. Semi-spaces of 32 MB from the start (at most 64) took garbage
 * collection from 10.7 % to 8.6 % of the app's CPU in the HTTP bench's profile of the status
 * page (2026-12-01); the CPU per request moved within that day's run-to-run noise (±10 %).
 * Costs up to about 128 MB more memory per instance.
 */
export const webServerNodeFlags = ["--min-semi-space-size=32", "--max-semi-space-size=64"];

/** Absolute, like `nextBin`: the primary that runs `next start` once per worker on one port. */
export const webWorkersScript = path.resolve("scripts", "lib", "web-workers.mjs");

/**
 * `node … next start` as every Passerelle server starts: `npm start`, the e2e servers and the
 * bench. With `workers` above 1, the same behind a cluster primary (scripts/lib/web-workers.mjs):
 * that many `next start` processes share the port, each with the same Node flags.
 */
export function nextStartArgs({ port, host, nodeArgs = [], dir = ".", workers = 1 }: { port: number | string; host?: string; nodeArgs?: string[]; dir?: string; workers?: number }): string[] {
  const flags = [...webServerNodeFlags, ...nodeArgs];
  const start = [nextBinFor(dir), "start", ...(host ? ["-H", host] : []), "-p", String(port)];
  return workers > 1 ? [webWorkersScript, String(workers), JSON.stringify(flags), ...start] : [...flags, ...start];
}
