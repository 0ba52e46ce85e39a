import { countBody } from "@/lib/connectivity/probe-body";
import { noStore, probeCaller, takeStreamSlot, tooManyStreams } from "@/lib/connectivity/probe-route";
import { probeLimits, probePlan } from "@/lib/connectivity/schema";
import { recordUploadParts } from "@/lib/connectivity/service";
import { closeUploadStream, openUploadStream, uploadsSettled } from "@/lib/connectivity/upload-streams";

export const dynamic = "force-dynamic";

/**
 * Upload speed measured here, where the bytes arrive: this route is outside proxy.ts, so the
 * body streams in as the line delivers it, and the first and last chunk are stamped as they
 * come. The body is counted, never held, and cut off past the caps. A stream the browser stops
 * at the end of the test still counts for what arrived; the database is written once, at the end.
 */
/**
 * Answers once every upload of the run has been counted and recorded (at most a few seconds),
 * by whichever instance receives them: the browser asks after stopping its last uploads,
 * before it moves on.
 */
export async function GET(request: Request) {
  const caller = probeCaller(request);
  if (caller instanceof Response) return caller;
  await uploadsSettled(caller.testId, 3000);
  return new Response(null, { status: 204, headers: noStore });
}

export async function POST(request: Request) {
  const caller = probeCaller(request);
  if (caller instanceof Response) return caller;
  if (!request.body) return Response.json({ error: "empty" }, { status: 400, headers: noStore });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!(declared <= probeLimits.maxUploadBytes)) return Response.json({ error: "too_large", max: probeLimits.maxUploadBytes }, { status: 413, headers: noStore });
  const slot = takeStreamSlot(caller.testId, "upload");
  if (!slot) return tooManyStreams();
  // Not awaited: the first bytes are stamped as they arrive, not after a database round trip.
  const stream = openUploadStream(caller.testId).catch(() => null);
  try {
    const counted = await countBody(request.body, { maxBytes: probeLimits.maxUploadBytes, maxMs: probeLimits.maxStreamMs, splitAfterMs: probePlan.graceMs });
    if (counted.ending === "too_large") return Response.json({ error: "too_large", max: probeLimits.maxUploadBytes }, { status: 413, headers: noStore });
    if (counted.parts.length === 0) return Response.json({ error: "empty" }, { status: 400, headers: noStore });
    const stored = await recordUploadParts(caller.testId, caller.employeeId, counted.parts);
    // Not this person's running run (finished, abandoned, someone else's), or its uploads are all in.
    if (!stored) return Response.json({ error: "not_recorded" }, { status: 409, headers: noStore });
    const ms = counted.parts.at(-1)!.lastMs - counted.parts[0].firstMs;
    return Response.json({ bytes: counted.bytes, ms: Math.round(ms * 1000) / 1000 }, { headers: noStore });
  } finally {
    slot.release();
    // After the bytes are recorded: only then may any instance tell the browser they are in.
    const id = await stream;
    if (id) await closeUploadStream(id).catch(() => {});
  }
}
