// Many requests at the same moment, as the storms send them (bench/device-storm.ts, bench/sign-in-storm.ts).
import { percentile } from "./bench-database";

export type Timed<T> = { results: T[]; seconds: number; rps: number; p50: number; p95: number; max: number };

/** Starts every call at the same moment; each one's time from the start to its answer. */
export async function atOnce<T>(calls: (() => Promise<T>)[]): Promise<Timed<T>> {
  const started = performance.now();
  const times: number[] = [];
  const results = await Promise.all(calls.map((call) => call().then((r) => (times.push(performance.now() - started), r))));
  const seconds = (performance.now() - started) / 1000;
  return { results, seconds, rps: calls.length / seconds, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

/**
 * A call sent again at once, as the person would, until it has an answer: `send` rejects (a
 * connection refused or reset) or answers null (a "busy" the page lets them send again);
 * `resent` counts each time.
 */
export const untilAnswered =
  <T>(send: () => Promise<T | null>, resent: () => void) =>
  async (): Promise<T> => {
    for (;;) {
      const answer = await send().catch(() => null);
      if (answer !== null) return answer;
      resent();
    }
  };
