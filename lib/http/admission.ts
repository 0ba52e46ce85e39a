import http from "node:http";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";

// Admission control: at most `limit` requests are worked on at once by this instance; the others
// wait their turn in arrival order.
//
// Why: one Node process renders one page at a time on its thread. Without a limit, a burst of
// 100 people starts 100 renders that all interleave, so every page is late and the unlucky ones
// very late (bench: p95 1.1–1.4 s at 100 connections for a mean of 0.7 s). First come, first
// served keeps each person's wait close to the mean, keeps only `limit` renders in memory, and
// costs nothing when the instance is not busy.
//
// A request gives up its place when its response ends, when its client goes away, or after
// `holdMs` at the latest: a download, an import or a wait on the database must not keep others
// waiting (past that point it simply runs alongside). A request whose client left while it
// waited is never started.

export type Admission = {
  admit(request: IncomingMessage, response: ServerResponse, run: () => void): void;
  stats(): { active: number; waiting: number };
};

type Timers = { set(fn: () => void, ms: number): unknown; clear(timer: unknown): void };

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/** Paths that never wait: static files, the health check (an orchestrator must see a busy instance alive), and the connectivity probes (their timings are the measurement). */
export function bypassesAdmission(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0];
  return path.startsWith("/_next/static/") || path.startsWith("/_next/image") || path === "/api/health" || path.startsWith("/api/probe/");
}

export function createAdmission({ limit, holdMs, timers = realTimers }: { limit: number; holdMs: number; timers?: Timers }): Admission {
  if (!(limit >= 1)) throw new Error("admission limit must be at least 1");
  let active = 0;
  const waiting: { start: () => void; gone: () => boolean }[] = [];

  const startWaiting = () => {
    while (active < limit && waiting.length > 0) {
      const entry = waiting.shift()!;
      if (!entry.gone()) entry.start();
    }
  };

  const start = (response: ServerResponse, run: () => void) => {
    active += 1;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      timers.clear(timer);
      active -= 1;
      startWaiting();
    };
    const timer = timers.set(release, holdMs);
    response.once("finish", release);
    response.once("close", release);
    try {
      run();
    } catch (error) {
      release();
      throw error;
    }
  };

  return {
    admit(request, response, run) {
      if (active < limit && waiting.length === 0) return start(response, run);
      waiting.push({ start: () => start(response, run), gone: () => request.destroyed || response.destroyed || response.writableEnded });
    },
    stats: () => ({ active, waiting: waiting.length }),
  };
}

/** Eight at once: a page spends part of its time waiting on PostgreSQL, so a few overlap; more only interleave. */
export const admissionLimit = 8;
export const admissionHoldMs = 1_000;

const state = globalThis as unknown as { __passerelleAdmission?: Admission };

/**
 * Puts every HTTP(S) server of this process behind one admission queue: a request's listeners
 * (Next's handler) run when it is admitted. Installed once at start-up (instrumentation), after
 * the peer-address stamp, so the stamp runs as the request is admitted.
 */
export function installAdmission(admission: Admission = createAdmission({ limit: admissionLimit, holdMs: admissionHoldMs })): Admission {
  if (state.__passerelleAdmission) return state.__passerelleAdmission;
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
    const original = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event !== "request") return original.call(this, event, ...args);
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (bypassesAdmission(request.url)) return original.call(this, event, ...args);
      admission.admit(request, response, () => void original.call(this, event, ...args));
      return true;
    };
  }
  state.__passerelleAdmission = admission;
  return admission;
}
