import { describe, expect, test } from "vitest";
import { latencyStats, lineKbps, overheadFactor, receivedKbps } from "@/lib/connectivity/line-stats";
import { defaultThresholds } from "@/lib/connectivity/verdict";

describe("latency and jitter", () => {
  test.each<[number[], number | null, number | null]>([
    [[], null, null],
    [[42], 42, 0],
    [[10, 20], 10, 10],
    [[10, 30, 20], 10, 15],
    [[5, 5, 5, 5], 5, 0],
    [[100, 10, 100, 10], 10, 90],
  ])("latencyStats(%j) → lowest %s, jitter %s", (samples, latency, jitter) => {
    expect(latencyStats(samples)).toEqual({ latencyMs: latency, jitterMs: jitter });
  });

  test("a busy server stalling two pings does not make a quiet line look slow or jittery", () => {
    // Issue 13: a 2 ms line whose server was busy for two of ten pings (400 ms, 250 ms).
    expect(latencyStats([2, 3, 400, 2, 2, 250, 3, 2, 2, 3])).toEqual({ latencyMs: 2, jitterMs: 1 });
  });

  test("a line that really varies still shows its jitter", () => {
    expect(latencyStats([20, 80, 25, 90, 30, 70, 20, 85, 25, 75]).jitterMs).toBeGreaterThan(defaultThresholds.good.maxJitterMs);
  });
});

describe("line rates", () => {
  test.each([
    [1_000_000, 1000, Math.round(8000 * overheadFactor)],
    [125_000, 100, Math.round(10_000 * overheadFactor)],
  ])("lineKbps(%i bytes, %i ms) = %i", (bytes, ms, expected) => {
    expect(lineKbps(bytes, ms)).toBe(expected);
  });

  test.each([0, 0.2, 0.999])("a stream that arrived within %s ms reads at least one tick's rate, never 0", (ms) => {
    // Issue 15: kbps() said 0 kbit/s for 0 ms, so the fastest uploads were called slow.
    expect(lineKbps(2 * 1024 * 1024, ms)).toBe(lineKbps(2 * 1024 * 1024, 1));
    expect(lineKbps(2 * 1024 * 1024, ms)).toBeGreaterThan(defaultThresholds.good.minUploadKbps);
    expect(lineKbps(1, ms)).toBe(8);
  });

  test("nothing received is 0, not a rate", () => {
    expect(lineKbps(0, 1000)).toBe(0);
  });
});

describe("upload rate from what the server received", () => {
  const at = 1_700_000_000_000;
  test("nothing received: no figure", () => {
    expect(receivedKbps([], 1500)).toBeNull();
    expect(receivedKbps([{ bytes: 0, firstMs: at, lastMs: at + 10 }], 1500)).toBeNull();
  });

  test("the warm-up is left out; a request straddling it counts for its share", () => {
    // Three lanes of 1.25 MB/s each for 8 s; the first 1.5 s ran at half speed (slow start).
    const lane = (offset: number) => [
      { bytes: 0.9375e6, firstMs: at + offset, lastMs: at + offset + 1500 },
      { bytes: 2.5e6, firstMs: at + offset + 1500, lastMs: at + offset + 3500 },
      { bytes: 5.625e6, firstMs: at + offset + 3500, lastMs: at + offset + 8000 },
    ];
    const streams = [...lane(0), ...lane(0), ...lane(0)];
    expect(receivedKbps(streams, 1500)).toBe(Math.round(30_000 * overheadFactor));
    // Counted from the request's start, the same run read low.
    expect(receivedKbps(streams, 0)).toBeLessThan(30_000);
  });

  test("a request that straddles the end of the warm-up is prorated", () => {
    const streams = [{ bytes: 4e6, firstMs: at, lastMs: at + 4000 }];
    expect(receivedKbps(streams, 1000)).toBe(Math.round(8_000 * overheadFactor));
  });

  test("a short run (shorter than twice the warm-up) is counted whole, and a 1 ms burst is fast, not 0", () => {
    expect(receivedKbps([{ bytes: 1e6, firstMs: at, lastMs: at + 500 }, { bytes: 1e6, firstMs: at + 100, lastMs: at + 1000 }], 1500)).toBe(Math.round(16_000 * overheadFactor));
    expect(receivedKbps([{ bytes: 256 * 1024, firstMs: at, lastMs: at }], 1500)).toBe(lineKbps(256 * 1024, 1));
  });
});

describe("upload rate when every lane is between requests at once", () => {
  test("the idle gap between requests is not counted as slow line", () => {
    const at = 1_700_000_000_000;
    // Three lanes in step: 2 s of sending at 10 Mbit/s in total, 0.5 s where all wait for their answers, 2 s again.
    const third = 2.5e6 / 3; // 10 Mbit/s for 2 s = 2.5 MB, shared by three lanes
    const streams = [0, 1, 2].flatMap(() => [
      { bytes: third, firstMs: at, lastMs: at + 2000 },
      { bytes: third, firstMs: at + 2500, lastMs: at + 4500 },
    ]);
    expect(receivedKbps(streams, 0)).toBe(Math.round(10_000 * overheadFactor));
  });
});
