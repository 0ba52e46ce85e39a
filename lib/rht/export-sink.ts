import "server-only";
import { Writable } from "node:stream";

// The export writes its file at its own pace into a web stream, and waits whenever the
// reader (the HTTP response) is behind: memory holds about one chunk, whatever the file's
// size. When the reader goes away (an abandoned download), writes answer false at once and
// the export stops reading its cursor; a reader that takes nothing for a minute (a connection
// that died without closing) counts as gone, so it cannot hold a database connection.

export type ByteSink = {
  body: ReadableStream<Uint8Array>;
  /** Queues a chunk, then waits while the reader is behind; false once the reader is gone. */
  write(chunk: Uint8Array): Promise<boolean>;
  readonly cancelled: boolean;
  close(): void;
  error(reason: unknown): void;
};

export function byteSink(highWaterMark = 64 * 1024, stallMs = 60_000): ByteSink {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let wake: (() => void) | null = null;
  let cancelled = false;
  let ended = false;
  const resume = () => {
    wake?.();
    wake = null;
  };
  const fail = (reason: unknown) => {
    if (cancelled || ended) return;
    ended = true;
    controller.error(reason);
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      // Called whenever the reader has taken enough that the queue has room again.
      pull: resume,
      cancel() {
        cancelled = true;
        resume();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark }),
  );
  return {
    body,
    get cancelled() {
      return cancelled;
    },
    async write(chunk) {
      if (cancelled || ended) return false;
      if (chunk.byteLength > 0) controller.enqueue(chunk);
      while (!cancelled && (controller.desiredSize ?? 0) <= 0) {
        let timer: NodeJS.Timeout | undefined;
        const woken = await new Promise<boolean>((resolve) => {
          wake = () => resolve(true);
          timer = setTimeout(() => resolve(false), stallMs);
        });
        clearTimeout(timer);
        if (!woken) {
          fail(new Error(`the reader took nothing for ${stallMs / 1000} s`));
          cancelled = true;
        }
      }
      return !cancelled;
    },
    close() {
      if (cancelled || ended) return;
      ended = true;
      controller.close();
    },
    error: fail,
  };
}

/**
 * A Node stream into the sink, for writers that want one (exceljs): each chunk is taken once
 * the sink has room, so `writableNeedDrain` tells the writer to wait. After the reader is
 * gone chunks are dropped; the writer checks `sink.cancelled` and stops.
 */
export function nodeWriterInto(sink: ByteSink): Writable {
  return new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      sink.write(chunk).then(() => done(), done);
    },
  });
}
