import "server-only";
import { probeLimits } from "./schema";
import { ticketHeader, verifyRunTicket, type RunTicket } from "./run-ticket";

// The edge of the probe routes (app/api/probe/*). They are kept out of proxy.ts, which would
// buffer every upload body before the route saw a byte (and read the session on each ping), so
// every check happens here: the run ticket in its header, and how many streams a run may hold.
// No database: a ping answers as fast as the line allows, whatever the database is doing.

export const noStore = { "Cache-Control": "no-store, no-transform", "Content-Encoding": "identity" };

/**
 * The run this request belongs to, or the refusal to send: 401 without a valid, unexpired
 * ticket. A cross-site page cannot send the header (it would need a CORS preflight nobody
 * answers), so no origin check is needed on top.
 */
export function probeCaller(request: Request): RunTicket | Response {
  const ticket = verifyRunTicket(request.headers.get(ticketHeader));
  if (!ticket) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  return ticket;
}

// Streams open per run, in this process: a hostile client holding a valid ticket cannot open
// hundreds of them. Several instances each apply their own cap, which still bounds each one.
type Held = { download: number; upload: number };
const holder = globalThis as unknown as { __passerelleProbeStreams?: Map<string, Held> };
const open = (holder.__passerelleProbeStreams ??= new Map<string, Held>());

/** A slot for one stream of this run, or null when the run already holds its share. Release it exactly once (extra calls are ignored). */
export function takeStreamSlot(testId: string, kind: keyof Held): { release: () => void } | null {
  const held = open.get(testId) ?? { download: 0, upload: 0 };
  if (held.download + held.upload >= probeLimits.maxStreamsPerRun) return null;
  held[kind] += 1;
  open.set(testId, held);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      held[kind] -= 1;
      if (held.download + held.upload <= 0) open.delete(testId);
    },
  };
}

export const tooManyStreams = () => Response.json({ error: "too_many_streams" }, { status: 429, headers: noStore });
