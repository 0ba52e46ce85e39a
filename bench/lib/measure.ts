// Timing and peak memory for the standalone benches (they run in their own process).

export type Sample = { ms: number; rss: number; heap: number };
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const seconds = (ms: number) => (ms / 1000).toFixed(2);
/** A figure for a bench line, grouped the English way ("1,234.5"). */
export const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs `op` while sampling memory every 20 ms; peaks are increases over a baseline taken just before. */
export async function measure<T>(op: () => Promise<T>): Promise<Sample & { result: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await op();
    const ms = performance.now() - started;
    sample();
    return { result, ms, rss: rss - base.rss, heap: heap - base.heapUsed };
  } finally {
    clearInterval(timer);
  }
}
