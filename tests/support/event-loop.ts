// Measures how well the event loop keeps answering while `work` runs: a 1 ms timer
// records every gap between its firings (a gap is time nothing else could run) and the
// heap, sampled at each firing. Results are structural (counts, ratios), never speeds.

export type Responsiveness<T> = { result: T; ms: number; ticks: number; maxGap: number; heapGrowth: number };

export async function whileTicking<T>(work: () => Promise<T>): Promise<Responsiveness<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  let ticks = 0;
  let maxGap = 0;
  const started = performance.now();
  let last = started;
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks += 1;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  try {
    const result = await work();
    const ms = performance.now() - started;
    // The stretch between the last firing and the end counts as a gap too.
    maxGap = Math.max(maxGap, performance.now() - last);
    return { result, ms, ticks, maxGap, heapGrowth: peakHeap - baseHeap };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
