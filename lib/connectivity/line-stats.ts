// What a line's figures are, from raw samples. Pure and free of server or browser APIs:
// the browser (download), the server (upload) and the tests share it.

/**
 * Payload counts short of what the line carries: HTTP, TCP/IP and Ethernet headers add about
 * 6 % (LibreSpeed's default compensation, 1.06). Figures are line rates, as providers sell them.
 */
export const overheadFactor = 1.06;

/** Timers here tick in whole milliseconds (database stamps, coarse browser clocks). */
export const timerResolutionMs = 1;

/**
 * Line rate in kbit/s for `bytes` of payload over `ms`. A duration under the timer's resolution
 * is not "0 ms": it is at most one tick, so the figure is a lower bound ("at least this fast"),
 * never 0 and never slower than what really arrived.
 */
export function lineKbps(bytes: number, ms: number): number {
  if (bytes <= 0) return 0;
  return Math.max(1, Math.round((bytes * 8 * overheadFactor) / Math.max(ms, timerResolutionMs)));
}

/**
 * Latency and jitter from round trips, in whole ms. Latency is the lowest round trip, as
 * LibreSpeed reports it: a busy server or browser can only add delay, never remove it, so the
 * minimum is the line's own. Jitter is the median change between consecutive round trips:
 * a line that really varies shows it in most pairs, one stalled request does not.
 */
export function latencyStats(samples: number[]): { latencyMs: number | null; jitterMs: number | null } {
  if (samples.length === 0) return { latencyMs: null, jitterMs: null };
  const changes: number[] = [];
  for (let i = 1; i < samples.length; i += 1) changes.push(Math.abs(samples[i] - samples[i - 1]));
  return { latencyMs: Math.round(Math.min(...samples)), jitterMs: Math.round(median(changes) ?? 0) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One upload request as the server received it: its first and last chunk, in ms since the epoch. */
export type ReceivedStream = { bytes: number; firstMs: number; lastMs: number };

/**
 * Upload line rate from the requests the server received during one run, or null when nothing
 * arrived. Several lanes send at once, each one request after another. The first `graceMs`
 * of the run are TCP's slow start and the shaper's burst: left out when the run is long enough,
 * a request straddling that point counted for its share. Time counts while at least one request
 * was arriving: between one request's end and the next one's start a lane sends nothing, and
 * when every lane is between requests the line is idle, not slow.
 */
export function receivedKbps(streams: ReceivedStream[], graceMs: number): number | null {
  const received = streams.filter((s) => s.bytes > 0);
  if (received.length === 0) return null;
  const start = Math.min(...received.map((s) => s.firstMs));
  const end = Math.max(...received.map((s) => s.lastMs));
  const from = end - start > 2 * graceMs ? start + graceMs : start;
  let bytes = 0;
  const spans: [number, number][] = [];
  for (const s of received) {
    if (s.lastMs < from) continue;
    const counted = s.firstMs >= from ? s.bytes : (s.bytes * (s.lastMs - from)) / (s.lastMs - s.firstMs);
    bytes += counted;
    spans.push([Math.max(s.firstMs, from), s.lastMs]);
  }
  return lineKbps(bytes, unionLength(spans));
}

/** Total length covered by the spans, overlaps counted once. */
function unionLength(spans: [number, number][]): number {
  let total = 0;
  let reach = -Infinity;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (b <= reach) continue;
    total += b - Math.max(a, reach);
    reach = b;
  }
  return total;
}
