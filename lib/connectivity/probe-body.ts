import "server-only";

// Counts an upload where its bytes arrive. Nothing is kept but a few numbers, so memory stays
// the same whatever is sent; reading stops at the byte cap or the time cap, whichever first.

/** Bytes that arrived between a first and a last chunk (wall-clock ms, sub-millisecond precision). */
export type BodyPart = { bytes: number; firstMs: number; lastMs: number };

export type CountedBody = {
  bytes: number;
  /**
   * The request as one part, or as two when it lasted past `splitAfterMs`: the warm-up (TCP's
   * slow start) and the rest, split at the first chunk after it, so the rate can leave the
   * warm-up out even when one request lasts the whole test.
   */
  parts: BodyPart[];
  /** How reading ended: the whole body, past a cap, or the sender went away (its bytes still count). */
  ending: "complete" | "too_large" | "too_long" | "aborted";
};

const clock = () => performance.timeOrigin + performance.now();

export async function countBody(body: ReadableStream<Uint8Array>, limits: { maxBytes: number; maxMs: number; splitAfterMs: number }): Promise<CountedBody> {
  const reader = body.getReader();
  const counted: CountedBody = { bytes: 0, parts: [], ending: "complete" };
  let current: BodyPart | null = null;
  // A sender that stalls is cut off too, not only one that keeps sending.
  const timer = setTimeout(() => {
    counted.ending = "too_long";
    reader.cancel().catch(() => undefined);
  }, limits.maxMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const now = clock();
      if (!current || (counted.parts.length === 1 && now - current.firstMs >= limits.splitAfterMs)) {
        current = { bytes: 0, firstMs: now, lastMs: now };
        counted.parts.push(current);
      }
      current.bytes += value.byteLength;
      current.lastMs = now;
      counted.bytes += value.byteLength;
      if (counted.bytes > limits.maxBytes) {
        counted.ending = "too_large";
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch {
    if (counted.ending === "complete") counted.ending = "aborted";
  } finally {
    clearTimeout(timer);
  }
  return counted;
}
