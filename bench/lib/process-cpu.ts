// CPU time of a process and all its descendants, from /proc (Linux): what a page costs each
// process per request, which the ratio alone does not say (on two cores the app, PostgreSQL and
// the load generator share the machine, so one's cost slows the others).
import fs from "node:fs";

const ticksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on.

function statOf(pid: number): { ppid: number; ticks: number } | null {
  try {
    // Fields after the parenthesised command name: state ppid … utime (14) stime (15) cutime cstime.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** `root` and every process below it, with what /proc says of each now. */
function tree(root: number): Map<number, { ppid: number; ticks: number }> {
  const all = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat) all.set(Number(entry), stat);
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; hops += 1) {
      if (p === root) return true;
      p = all.get(p)?.ppid ?? 0;
    }
    return false;
  };
  return new Map([...all].filter(([pid]) => inTree(pid)));
}

/** Milliseconds of CPU used so far by `root` and every process below it. */
export function treeCpuMs(root: number): number {
  let ticks = 0;
  for (const stat of tree(root).values()) ticks += stat.ticks;
  return (ticks * 1000) / ticksPerSecond;
}

/** Resident memory of `root` and each process below it, in MB, largest first. */
export function treeRssMb(root: number): number[] {
  const sizes: number[] = [];
  for (const pid of tree(root).keys()) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (kb) sizes.push(Number(kb) / 1024);
    } catch {
      /* gone meanwhile */
    }
  }
  return sizes.sort((a, b) => b - a);
}

/** This process's own CPU in milliseconds (the in-process load generator). */
export const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** What `run` cost a request, in ms of CPU: of each process tree in `roots`, then of this process (the load generator). */
export async function cpuPerRequest<T extends { results: unknown[] }>(roots: number[], run: () => Promise<T>): Promise<T & { cpuMs: number[] }> {
  const before = [...roots.map(treeCpuMs), ownCpuMs()];
  const result = await run();
  const after = [...roots.map(treeCpuMs), ownCpuMs()];
  return { ...result, cpuMs: after.map((ms, i) => (ms - before[i]) / result.results.length) };
}

/**
 * Waits until `root`'s tree has been nearly idle (under a tenth of a core) for half a second, at
 * most `maxMs`: a load generator that stops leaves its last requests still rendering, and what is
 * measured next would queue behind them. Never a verdict, only when to start.
 */
export async function settle(root: number, maxMs = 30_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const before = treeCpuMs(root);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (treeCpuMs(root) - before < 50) return;
  }
}
