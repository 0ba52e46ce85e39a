/**
 * Abort reasons that let go of the render they were created in.
 *
 * React's Flight server ends every render by aborting its cache signal with
 * `Error("This render completed successfully…")` (react/react#37288, fix pending in #37289), and
 * the reason lives as long as the signal. V8 keeps an error's stack as structured frames, each
 * holding its receiver and function, until something reads `.stack`; nothing reads this one. One
 * of its frames is the `Immediate` that flushed the render, and a run `Immediate` keeps its link
 * to the next one of its batch, which carries another request's context, whose render ended the
 * same way: under load the finished requests chain into each other and stay in memory. Measured
 * on the status page at crisis scale (100 connections, 30 s): every one of the 2,723 requests
 * still held after a full collection, 233 MB of live heap at rest instead of about 60, growing
 * by about 70 MB every 10 s under load (README "Scaling out").
 *
 * Reading `.stack` turns the frames into a string, and they go. Done for every
 * `AbortController.abort` of the process (Next's own abort reasons have the same shape:
 * vercel/next.js#97348), for the reason and the causes it names.
 */
const installed = Symbol.for("passerelle.abortReasonsReleased");

function materializeStack(reason: unknown): void {
  let current = reason;
  for (let depth = 0; depth < 4 && current !== null && typeof current === "object"; depth += 1) {
    if (!("stack" in current)) return;
    void (current as { stack?: unknown }).stack;
    current = (current as { cause?: unknown }).cause;
  }
}

export function releaseAbortReasons(): void {
  const prototype = AbortController.prototype as AbortController & { [installed]?: true };
  if (prototype[installed]) return;
  const abort = prototype.abort;
  Object.defineProperty(prototype, "abort", {
    configurable: true,
    writable: true,
    value: function releasingAbort(this: AbortController, reason?: unknown) {
      abort.call(this, reason);
      // After the call: a bare abort() gets its DOMException from inside it.
      materializeStack(this.signal.reason);
    },
  });
  Object.defineProperty(prototype, installed, { value: true });
}
