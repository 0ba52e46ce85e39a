// The browser's side of the self-test: round trips, and download and upload for a fixed time
// each. Plain TypeScript on fetch, so the same code runs in the page and, in the shaped-link
// test, in Node. `base` is "" in the page and the server's origin in Node.

import { lineKbps } from "./line-stats";

/** The run ticket travels in this header (never in the URL, which logs would keep). */
export const probeTicketHeader = "x-probe-ticket";

export type Probe = { base: string; ticket: string };
type Phase = { streams: number; durationMs: number; graceMs: number; onProgress?: (fraction: number) => void };

const now = () => performance.now();
const headers = (probe: Probe) => ({ [probeTicketHeader]: probe.ticket });

/**
 * The round trip of one request as the network stack saw it: from sending the request to the
 * first byte of the answer (Resource Timing, as LibreSpeed does). The page's own busy moments
 * (rendering, timers) are not the line's delay; where the browser gives no timing, the wall time.
 */
export function roundTripMs(url: string, wallMs: number): number {
  const entries = typeof performance.getEntriesByName === "function" ? performance.getEntriesByName(url, "resource") : [];
  const entry = entries.at(-1) as PerformanceResourceTiming | undefined;
  const network = entry && entry.requestStart > 0 && entry.responseStart >= entry.requestStart ? entry.responseStart - entry.requestStart : null;
  return network !== null && network <= wallMs ? network : wallMs;
}

export async function measureLatency(probe: Probe, count: number, onProgress?: (fraction: number) => void): Promise<number[]> {
  const samples: number[] = [];
  const run = Math.random().toString(36).slice(2, 8);
  // The timing buffer is finite (250 entries in Chromium): make room for these.
  performance.clearResourceTimings?.();
  for (let i = 0; i < count; i += 1) {
    const url = new URL(`${probe.base}/api/probe/ping?r=${run}&i=${i}`, typeof location === "undefined" ? undefined : location.href).href;
    const started = now();
    try {
      const response = await fetch(url, { cache: "no-store", headers: headers(probe) });
      if (response.ok) samples.push(Math.round(roundTripMs(url, now() - started)));
    } catch {
      /* a lost probe counts as lost */
    }
    onProgress?.((i + 1) / count);
  }
  return samples;
}

type Lane = { signal: AbortSignal; startedAt: number; stopped: () => boolean; breathe: () => Promise<void> };

/**
 * Runs `lane` on `streams` lanes until `durationMs` has passed, then stops them all; reports
 * progress meanwhile. A fast stream can keep a reader busy on promise callbacks alone, and timers
 * then never run: so the lanes check the clock themselves (`stopped`), and `breathe` now and then
 * to let the page draw its progress.
 */
async function forDuration(phase: Phase, lane: (lane: Lane) => Promise<void>): Promise<{ startedAt: number; endedAt: number }> {
  const controller = new AbortController();
  const startedAt = now();
  const deadline = startedAt + phase.durationMs;
  let reportedAt = -Infinity;
  let breathedAt = startedAt;
  const report = () => {
    const at = now();
    if (at - reportedAt < 200) return;
    reportedAt = at;
    phase.onProgress?.(Math.min(1, (at - startedAt) / phase.durationMs));
  };
  const stopped = () => {
    if (!controller.signal.aborted && now() >= deadline) controller.abort();
    return controller.signal.aborted;
  };
  const breathe = async () => {
    report();
    if (now() - breathedAt < 100) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    breathedAt = now();
  };
  const ticker = setInterval(() => {
    report();
    stopped();
  }, 200);
  const lanes = Array.from({ length: phase.streams }, async () => {
    while (!stopped()) {
      try {
        await lane({ signal: controller.signal, startedAt, stopped, breathe });
      } catch {
        // Stopped, or one request failed: a failing server must not spin this loop.
        if (!stopped()) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  await Promise.all(lanes);
  clearInterval(ticker);
  phase.onProgress?.(1);
  return { startedAt, endedAt: Math.min(now(), deadline) };
}

/**
 * Download line rate in kbit/s, or null when nothing arrived. Streams run for the whole phase
 * and are counted as they arrive; the count restarts once the warm-up is over (TCP's slow start
 * would make a fast line read slow), and payload is counted with its protocol overhead.
 */
export async function measureDownload(probe: Probe, phase: Phase): Promise<number | null> {
  let total = 0;
  let windowStart: number | null = null;
  let windowBytes = 0;
  const { startedAt, endedAt } = await forDuration(phase, async ({ signal, startedAt: phaseStart, stopped, breathe }) => {
    const response = await fetch(`${probe.base}/api/probe/download`, { cache: "no-store", headers: headers(probe), signal });
    if (!response.ok || !response.body) throw new Error(`download ${response.status}`);
    const reader = response.body.getReader();
    while (!stopped()) {
      const { done, value } = await reader.read();
      if (done) return;
      const at = now();
      if (at >= phaseStart + phase.durationMs) break;
      total += value.byteLength;
      if (windowStart !== null) windowBytes += value.byteLength;
      else if (at - phaseStart >= phase.graceMs) windowStart = at;
      await breathe();
    }
    await reader.cancel().catch(() => undefined);
  });
  if (total === 0) return null;
  // A line so slow that nothing arrived after the warm-up still gets a figure: the whole phase.
  if (windowStart === null || windowBytes === 0) return lineKbps(total, endedAt - startedAt);
  return lineKbps(windowBytes, endedAt - windowStart);
}

/** Random bytes (the crypto API caps one call at 64 KiB): nothing on the way can compress them. */
function randomBody(bytes: number): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(bytes);
  for (let offset = 0; offset < bytes; offset += 65536) crypto.getRandomValues(body.subarray(offset, Math.min(bytes, offset + 65536)));
  return body;
}

/**
 * Size of one upload request: enough for one lane to keep sending for the whole phase at the
 * download rate (most lines upload no faster than they download). Each new request on a lane
 * starts TCP's ramp again, so few long requests measure best; one stopped when the time is up
 * counts for what arrived.
 */
export function uploadRequestBytes(downloadKbps: number | null, streams: number, durationMs: number): number {
  const min = 32 * 1024;
  // Kept modest: the page holds the body and the browser copies it for each request.
  const max = 12 * 1024 * 1024;
  if (!downloadKbps) return 1024 * 1024;
  return Math.min(max, Math.max(min, Math.round((downloadKbps * 125 * (durationMs / 1000) * 1.25) / streams)));
}

/**
 * Sends for the whole phase on several lanes; the server measures what arrives (first and last
 * chunk of each request). Requests still under way when the time is up are stopped: the server
 * counts what it received of them.
 */
export async function sendUploads(probe: Probe, phase: Phase, downloadKbps: number | null): Promise<void> {
  const body = randomBody(uploadRequestBytes(downloadKbps, phase.streams, phase.durationMs));
  await forDuration(phase, async ({ signal }) => {
    const response = await fetch(`${probe.base}/api/probe/upload`, { method: "POST", body, cache: "no-store", headers: { ...headers(probe), "Content-Type": "application/octet-stream" }, signal });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`upload ${response.status}`);
  });
  // The uploads stopped mid-way are still being counted on the server: wait until they are in.
  // The server answers within 3 s; a slow answer must not hold the run.
  await fetch(`${probe.base}/api/probe/upload`, { cache: "no-store", headers: headers(probe), signal: AbortSignal.timeout(5000) }).catch(() => null);
}
