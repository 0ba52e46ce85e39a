/**
 * A promise and the function that resolves it: one side of a test says "now" (a lock is held, a
 * transaction may end), the other waits for exactly that instead of sleeping a guessed time.
 */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
