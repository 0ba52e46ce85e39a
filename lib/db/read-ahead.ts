import "server-only";

/**
 * A postgres.js cursor read one batch ahead: the next batch is asked for as soon as one
 * arrives, so PostgreSQL produces it while the caller works on this one. Stopped early, it
 * first lets the batch in flight land, then closes the cursor: closing while a batch is in
 * flight would leave the connection waiting for ever instead of back in the pool.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  // Marked as handled at once: a batch that fails while the caller is busy is thrown at the next await, not as an unhandled rejection.
  const ask = () => {
    const next = Promise.resolve(it.next());
    next.catch(() => {});
    return next;
  };
  let pending = ask();
  try {
    for (;;) {
      const next = await pending;
      if (next.done) return;
      pending = ask();
      yield next.value;
    }
  } finally {
    const last = await pending.catch(() => ({ done: true }) as const);
    if (!last.done) await it.return?.();
  }
}
