import { randomBytes } from "node:crypto";
import { maxProbeBytes } from "@/lib/connectivity/schema";
import { noStore, probeCaller } from "@/lib/connectivity/probe-route";

export const dynamic = "force-dynamic";

// Incompressible bytes, generated once and streamed in chunks: no allocation per request.
const chunk = randomBytes(64 * 1024);

/** Streams `bytes` (capped) of incompressible data for the download measurement. */
export async function GET(request: Request) {
  const caller = await probeCaller(request, true);
  if (caller instanceof Response) return caller;
  const asked = Number(new URL(request.url).searchParams.get("bytes"));
  if (!Number.isInteger(asked) || asked <= 0 || asked > maxProbeBytes) {
    return Response.json({ error: "invalid_size", max: maxProbeBytes }, { status: 400, headers: noStore });
  }
  let remaining = asked;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (remaining <= 0) return controller.close();
      const size = Math.min(remaining, chunk.length);
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, size));
      remaining -= size;
    },
  });
  return new Response(stream, { headers: { ...noStore, "Content-Type": "application/octet-stream", "Content-Length": String(asked) } });
}
