import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { releaseAbortReasons } from "@/lib/http/abort-reasons";

// The collector, for this test's process only: whether an object is gone is the whole question.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/**
 * A render's shape: its last step, a method of an object that holds the render's data, aborts a
 * signal with an Error created there. Returns the signal (kept, as React keeps its request's) and
 * a weak reference to the data.
 */
function finishedRender(): { signal: AbortSignal; data: WeakRef<object> } {
  const controller = new AbortController();
  const render = {
    html: "x".repeat(1_000_000),
    complete() {
      controller.abort(new Error("This render completed successfully."));
    },
  };
  render.complete();
  return { signal: controller.signal, data: new WeakRef(render) };
}

/** React's other ending: the reason wraps the error that stopped the render, created deep inside it. */
function fatalRender(): { signal: AbortSignal; data: WeakRef<object> } {
  const controller = new AbortController();
  const render = {
    html: "y".repeat(1_000_000),
    fail() {
      return new Error("fatal");
    },
  };
  controller.abort(new Error("The render was aborted due to a fatal error.", { cause: render.fail() }));
  return { signal: controller.signal, data: new WeakRef(render) };
}

async function collected(data: WeakRef<object>): Promise<boolean> {
  // A WeakRef holds its target until the current job ends.
  await new Promise((resolve) => setTimeout(resolve, 0));
  collect();
  return data.deref() === undefined;
}

describe("abort reasons (lib/http/abort-reasons.ts)", () => {
  it("keep the frames they were created in until their stack is read: the retention the release undoes", async () => {
    const { signal, data } = finishedRender();
    expect(await collected(data)).toBe(false);
    void (signal.reason as Error).stack;
    expect(await collected(data)).toBe(true);
  });

  it("once released, an aborted signal no longer holds the render that aborted it, and keeps its reason", async () => {
    releaseAbortReasons();
    releaseAbortReasons(); // installing twice changes nothing (instrumentation may run again)
    const { signal, data } = finishedRender();
    expect(await collected(data)).toBe(true);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe("This render completed successfully.");
    expect((signal.reason as Error).stack).toContain("finishedRender");
  });

  it("releases the causes a reason names, and leaves a bare abort its own AbortError", async () => {
    const controller = new AbortController();
    controller.abort();
    expect((controller.signal.reason as DOMException).name).toBe("AbortError");

    const { signal, data } = fatalRender();
    expect(await collected(data)).toBe(true);
    expect(((signal.reason as Error).cause as Error).message).toBe("fatal");
  });
});
